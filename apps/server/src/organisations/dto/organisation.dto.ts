import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CITY_MAX_LENGTH,
  LEVELS,
  ORGANISATION_NAME_MAX_LENGTH,
  SECTORS,
  type CreateOrganisationBody,
  type Level,
  type Sector,
  type SetMyOrganisationBody,
} from '@tandem/domain';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../platform/http/pagination';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateOrganisationDto implements CreateOrganisationBody {
  @ApiProperty({ example: 'City of Ghent – Integration Office' })
  @Transform(trim)
  @IsString()
  @Length(2, ORGANISATION_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ enum: SECTORS })
  @IsIn(SECTORS, { message: `sector must be one of: ${SECTORS.join(', ')}` })
  sector: Sector;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS, { message: `level must be one of: ${LEVELS.join(', ')}` })
  level: Level;

  @ApiProperty({ example: 'BE', description: 'ISO 3166-1 alpha-2 country code' })
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as BE or IT' })
  country: string;

  @ApiPropertyOptional({ example: 'Ghent' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(CITY_MAX_LENGTH)
  city?: string;
}

export class OrganisationSearchQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SetMyOrganisationDto implements SetMyOrganisationBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId: string;
}
