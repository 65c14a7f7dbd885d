import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTENT_LANGUAGES,
  FUNDING_SOURCES,
  type ContentLanguage,
  type CreateCaseStudyBody,
  type FundingSource,
  type UpdateCaseStudyBody,
} from '@tandem/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PlainText } from '../../platform/http/validation';
import { Omittable, TopicsAndLanguage, trim } from './library-item.dto';

export class CreateCaseStudyDto extends TopicsAndLanguage implements CreateCaseStudyBody {
  @ApiProperty({ description: 'slug of the network that owns the case study' })
  @IsString()
  @Length(1, 60)
  @PlainText()
  network: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  @PlainText()
  programmeName: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  @PlainText()
  city?: string;

  @ApiProperty({ example: 'IT' })
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as BE or IT' })
  country: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 3000)
  @PlainText()
  summary: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  @PlainText({ each: true })
  targetGroups?: string[];

  @ApiPropertyOptional({
    description: 'how the receiving community takes part; null when it does not',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @PlainText()
  twoWay?: string | null;

  @ApiProperty({ description: 'annual budget in EUR' })
  @IsInt({ message: 'annualBudgetEur must be a whole number of euros' })
  @Min(0, { message: 'annualBudgetEur must not be negative' })
  @Max(1_000_000_000)
  annualBudgetEur: number;

  @ApiProperty({ description: 'staff in full-time equivalents' })
  @IsNumber(
    { maxDecimalPlaces: 1 },
    { message: 'staffFte must be a number with at most one decimal' },
  )
  @Min(0, { message: 'staffFte must not be negative' })
  @Max(10_000)
  staffFte: number;

  @ApiProperty()
  @IsInt()
  @Min(0, { message: 'volunteers must not be negative' })
  @Max(1_000_000)
  volunteers: number;

  @ApiProperty()
  @IsInt()
  @Min(1, { message: 'durationMonths must be at least 1' })
  @Max(600)
  durationMonths: number;

  @ApiProperty({ enum: FUNDING_SOURCES, isArray: true })
  @IsArray()
  @ArrayMaxSize(FUNDING_SOURCES.length)
  @ArrayUnique()
  @IsIn(FUNDING_SOURCES, {
    each: true,
    message: `each funding source must be one of: ${FUNDING_SOURCES.join(', ')}`,
  })
  fundingSources: FundingSource[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  @PlainText()
  outcomes?: string;

  @ApiPropertyOptional({ description: 'how it was evaluated' })
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  @PlainText()
  evaluation?: string;

  @ApiPropertyOptional({ description: 'what to change when adapting it elsewhere' })
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  @PlainText()
  adaptation?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @PlainText()
  contact?: string;

  @ApiProperty({ enum: CONTENT_LANGUAGES })
  @IsIn(CONTENT_LANGUAGES, { message: `language must be one of: ${CONTENT_LANGUAGES.join(', ')}` })
  language: ContentLanguage;
}

/** Every field optional; `null` only where it means something (twoWay: the community does not take part). */
export class UpdateCaseStudyDto extends TopicsAndLanguage implements UpdateCaseStudyBody {
  @Omittable() @Transform(trim) @IsString() @Length(1, 200) @PlainText() programmeName?: string;
  @Omittable() @Transform(trim) @IsString() @MaxLength(100) @PlainText() city?: string;
  @Omittable()
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as BE or IT' })
  country?: string;
  @Omittable() @Transform(trim) @IsString() @Length(1, 3000) @PlainText() summary?: string;
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  @PlainText({ each: true })
  targetGroups?: string[];
  @IsOptional() @IsString() @MaxLength(2000) @PlainText() twoWay?: string | null;
  @Omittable()
  @IsInt({ message: 'annualBudgetEur must be a whole number of euros' })
  @Min(0, { message: 'annualBudgetEur must not be negative' })
  @Max(1_000_000_000)
  annualBudgetEur?: number;
  @Omittable()
  @IsNumber(
    { maxDecimalPlaces: 1 },
    { message: 'staffFte must be a number with at most one decimal' },
  )
  @Min(0, { message: 'staffFte must not be negative' })
  @Max(10_000)
  staffFte?: number;
  @Omittable()
  @IsInt()
  @Min(0, { message: 'volunteers must not be negative' })
  @Max(1_000_000)
  volunteers?: number;
  @Omittable()
  @IsInt()
  @Min(1, { message: 'durationMonths must be at least 1' })
  @Max(600)
  durationMonths?: number;
  @Omittable()
  @IsArray()
  @ArrayMaxSize(FUNDING_SOURCES.length)
  @ArrayUnique()
  @IsIn(FUNDING_SOURCES, {
    each: true,
    message: `each funding source must be one of: ${FUNDING_SOURCES.join(', ')}`,
  })
  fundingSources?: FundingSource[];
  @Omittable() @IsString() @MaxLength(3000) @PlainText() outcomes?: string;
  @Omittable() @IsString() @MaxLength(3000) @PlainText() evaluation?: string;
  @Omittable() @IsString() @MaxLength(3000) @PlainText() adaptation?: string;
  @Omittable() @IsString() @MaxLength(300) @PlainText() contact?: string;
  @Omittable()
  @IsIn(CONTENT_LANGUAGES, { message: `language must be one of: ${CONTENT_LANGUAGES.join(', ')}` })
  language?: ContentLanguage;
}
