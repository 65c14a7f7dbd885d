import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  NETWORK_DESCRIPTION_MAX_LENGTH,
  NETWORK_NAME_MAX_LENGTH,
  NETWORK_ROLES,
  NETWORK_SLUG_PATTERN,
  NETWORK_SLUG_RULE,
  NETWORK_VISIBILITIES,
  type ChangeRoleBody,
  type CreateInvitationBody,
  type CreateNetworkBody,
  type NetworkRole,
  type NetworkVisibility,
  CHATHAM_MIN_GROUP_CEILING,
  CHATHAM_MIN_GROUP_FLOOR,
  UpdateChathamSettingsBody,
} from '@tandem/domain';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../platform/http/pagination';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateNetworkDto implements CreateNetworkBody {
  @ApiProperty({ example: 'city-mentoring-exchange' })
  @IsString()
  @Matches(NETWORK_SLUG_PATTERN, { message: `slug must be ${NETWORK_SLUG_RULE}` })
  slug: string;

  @ApiProperty({ example: 'City Mentoring Exchange' })
  @Transform(trim)
  @IsString()
  @Length(2, NETWORK_NAME_MAX_LENGTH)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(NETWORK_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiProperty({ enum: NETWORK_VISIBILITIES })
  @IsIn(NETWORK_VISIBILITIES, {
    message: `visibility must be one of: ${NETWORK_VISIBILITIES.join(', ')}`,
  })
  visibility: NetworkVisibility;
}

export class NetworkListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateInvitationDto implements CreateInvitationBody {
  @ApiProperty()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ enum: NETWORK_ROLES })
  @IsIn(NETWORK_ROLES, { message: `role must be one of: ${NETWORK_ROLES.join(', ')}` })
  role: NetworkRole;
}

export class ChangeRoleDto implements ChangeRoleBody {
  @ApiProperty({ enum: NETWORK_ROLES })
  @IsIn(NETWORK_ROLES, { message: `role must be one of: ${NETWORK_ROLES.join(', ')}` })
  role: NetworkRole;
}

export class UpdateChathamSettingsDto implements UpdateChathamSettingsBody {
  @ApiProperty({
    description:
      'how many members must share a Chatham House label for it to be shown; never below the server’s CHATHAM_MIN_GROUP',
    minimum: CHATHAM_MIN_GROUP_FLOOR,
    maximum: CHATHAM_MIN_GROUP_CEILING,
  })
  @IsInt({ message: 'minGroup must be a whole number' })
  @Min(CHATHAM_MIN_GROUP_FLOOR, { message: `minGroup must be at least ${CHATHAM_MIN_GROUP_FLOOR}` })
  @Max(CHATHAM_MIN_GROUP_CEILING, {
    message: `minGroup must be at most ${CHATHAM_MIN_GROUP_CEILING}`,
  })
  minGroup: number;
}
