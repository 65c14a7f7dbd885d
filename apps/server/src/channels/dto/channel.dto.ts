import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNEL_DESCRIPTION_MAX_LENGTH,
  CHANNEL_NAME_MAX_LENGTH,
  CHANNEL_SLUG_PATTERN,
  CHANNEL_VISIBILITIES,
  TOPICS,
  TOPICS_MAX,
  type AddChannelMemberBody,
  type ChannelVisibility,
  type CreateChannelBody,
  type Topic,
  type UpdateChannelBody,
} from '@tandem/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateChannelDto implements CreateChannelBody {
  @ApiProperty({ example: 'housing' })
  @IsString()
  @Matches(CHANNEL_SLUG_PATTERN, {
    message: 'slug must be 1 to 50 lowercase letters, digits or hyphens',
  })
  slug: string;

  @ApiProperty({ example: 'Housing' })
  @Transform(trim)
  @IsString()
  @Length(1, CHANNEL_NAME_MAX_LENGTH)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(CHANNEL_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiPropertyOptional({ enum: TOPICS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TOPICS_MAX)
  @ArrayUnique()
  @IsIn(TOPICS, { each: true, message: 'each topic must be one of the fixed topics' })
  topics?: Topic[];

  @ApiProperty({ enum: CHANNEL_VISIBILITIES })
  @IsIn(CHANNEL_VISIBILITIES, {
    message: `visibility must be one of: ${CHANNEL_VISIBILITIES.join(', ')}`,
  })
  visibility: ChannelVisibility;
}

export class UpdateChannelDto implements UpdateChannelBody {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, CHANNEL_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(CHANNEL_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiPropertyOptional({ enum: TOPICS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TOPICS_MAX)
  @ArrayUnique()
  @IsIn(TOPICS, { each: true, message: 'each topic must be one of the fixed topics' })
  topics?: Topic[];

  @ApiPropertyOptional({ enum: CHANNEL_VISIBILITIES })
  @IsOptional()
  @IsIn(CHANNEL_VISIBILITIES, {
    message: `visibility must be one of: ${CHANNEL_VISIBILITIES.join(', ')}`,
  })
  visibility?: ChannelVisibility;

  @ApiPropertyOptional({ description: 'true archives the channel (read-only), false restores it' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class AddChannelMemberDto implements AddChannelMemberBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}

export class ChannelListQuery {
  @ApiPropertyOptional({ description: 'include archived channels' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  archived?: boolean;
}
