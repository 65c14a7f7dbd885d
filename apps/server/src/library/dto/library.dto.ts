import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CITATION_MAX_LENGTH,
  CONTENT_LANGUAGES,
  FUNDING_SOURCES,
  IMPLICATIONS_MAX_LENGTH,
  isPlainText,
  isSafeSourceUrl,
  KEY_FINDING_MAX_LENGTH,
  LIBRARY_SCOPES,
  LIBRARY_STATUSES,
  LINK_NOTE_MAX_LENGTH,
  PHASES,
  RESEARCH_QUESTIONS,
  SOURCES_MAX,
  SUMMARY_MAX_WORDS,
  SUMMARY_TITLE_MAX_LENGTH,
  TOPICS,
  TOPICS_MAX,
  withinWordLimit,
  type ContentLanguage,
  type FundingSource,
  type LibraryScope,
  type LibraryStatus,
  type Phase,
  type ResearchQuestion,
  type Topic,
} from '@tandem/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  ValidationArguments,
  ValidatorConstraintInterface,
} from 'class-validator';
import { PageQuery } from '../../platform/http/pagination';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

@ValidatorConstraint({ name: 'wordLimit' })
class WordLimit implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && withinWordLimit(value, SUMMARY_MAX_WORDS);
  }
  defaultMessage(): string {
    return `summary must be at most ${SUMMARY_MAX_WORDS} words (research summaries fit on one page)`;
  }
}

@ValidatorConstraint({ name: 'safeUrl' })
class SafeUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      typeof value === 'string' &&
      value.length <= 2000 &&
      isPlainText(value) &&
      isSafeSourceUrl(value)
    );
  }
  defaultMessage(): string {
    return 'url must be an http or https address';
  }
}

@ValidatorConstraint({ name: 'plainText' })
class PlainTextConstraint implements ValidatorConstraintInterface {
  /** Only judges strings: the type is IsString's to report. */
  validate(value: unknown): boolean {
    return typeof value !== 'string' || isPlainText(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must not contain control characters`;
  }
}

/** Text without control characters (Postgres refuses NUL; the Atom feed cannot carry any). */
const PlainText = (options?: { each: boolean }) => Validate(PlainTextConstraint, options);

/**
 * Optional, but not nullable: an edit may leave a field out, while `null` is validated like any
 * other value (and refused), instead of reaching a NOT NULL column. Use IsOptional only where
 * null is a meaningful value.
 */
const Omittable = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

export class SourceLinkDto {
  @ApiProperty({ example: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52020DC0758' })
  @IsString()
  @Validate(SafeUrl)
  url: string;

  @ApiProperty({
    example:
      'European Commission (2020). Action plan on integration and inclusion 2021-2027. COM(2020) 758 final.',
  })
  @Transform(trim)
  @IsString()
  @Length(1, CITATION_MAX_LENGTH)
  @PlainText()
  citation: string;
}

class TopicsAndLanguage {
  @ApiPropertyOptional({ enum: TOPICS, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(TOPICS_MAX)
  @ArrayUnique()
  @IsIn(TOPICS, { each: true, message: 'each topic must be one of the fixed topics' })
  topics?: Topic[];

  @ApiPropertyOptional({
    enum: LIBRARY_SCOPES,
    description: 'public: every signed-in user (moderators and admins only)',
  })
  @Omittable()
  @IsIn(LIBRARY_SCOPES, { message: `scope must be one of: ${LIBRARY_SCOPES.join(', ')}` })
  scope?: LibraryScope;

  @ApiPropertyOptional({ enum: LIBRARY_STATUSES })
  @Omittable()
  @IsIn(LIBRARY_STATUSES, { message: `status must be one of: ${LIBRARY_STATUSES.join(', ')}` })
  status?: LibraryStatus;
}

export class CreateResearchSummaryDto extends TopicsAndLanguage {
  @ApiProperty({ description: 'slug of the network that owns the summary' })
  @IsString()
  @Length(1, 60)
  @PlainText()
  network: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, SUMMARY_TITLE_MAX_LENGTH)
  @PlainText()
  title: string;

  @ApiProperty({ description: `at most ${SUMMARY_MAX_WORDS} words` })
  @Transform(trim)
  @IsString()
  @Length(1, 6000)
  @Validate(WordLimit)
  @PlainText()
  summary: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, KEY_FINDING_MAX_LENGTH)
  @PlainText()
  keyFinding: string;

  @ApiProperty({ description: 'What this means for your programme' })
  @Transform(trim)
  @IsString()
  @Length(1, IMPLICATIONS_MAX_LENGTH)
  @PlainText()
  practiceImplications: string;

  @ApiProperty({ enum: RESEARCH_QUESTIONS })
  @IsIn(RESEARCH_QUESTIONS, {
    message: `question must be one of: ${RESEARCH_QUESTIONS.join(', ')}`,
  })
  question: ResearchQuestion;

  @ApiProperty({ enum: PHASES })
  @IsIn(PHASES, { message: `phase must be one of: ${PHASES.join(', ')}` })
  phase: Phase;

  @ApiProperty({ enum: CONTENT_LANGUAGES })
  @IsIn(CONTENT_LANGUAGES, { message: `language must be one of: ${CONTENT_LANGUAGES.join(', ')}` })
  language: ContentLanguage;

  @ApiProperty({ type: [SourceLinkDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'sources must list at least one source' })
  @ArrayMaxSize(SOURCES_MAX)
  @ValidateNested({ each: true })
  @Type(() => SourceLinkDto)
  sources: SourceLinkDto[];
}

export class UpdateResearchSummaryDto extends TopicsAndLanguage {
  @ApiPropertyOptional()
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, SUMMARY_TITLE_MAX_LENGTH)
  @PlainText()
  title?: string;

  @ApiPropertyOptional()
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, 6000)
  @Validate(WordLimit)
  @PlainText()
  summary?: string;

  @ApiPropertyOptional()
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, KEY_FINDING_MAX_LENGTH)
  @PlainText()
  keyFinding?: string;

  @ApiPropertyOptional()
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, IMPLICATIONS_MAX_LENGTH)
  @PlainText()
  practiceImplications?: string;

  @ApiPropertyOptional({ enum: RESEARCH_QUESTIONS })
  @Omittable()
  @IsIn(RESEARCH_QUESTIONS, {
    message: `question must be one of: ${RESEARCH_QUESTIONS.join(', ')}`,
  })
  question?: ResearchQuestion;

  @ApiPropertyOptional({ enum: PHASES })
  @Omittable()
  @IsIn(PHASES, { message: `phase must be one of: ${PHASES.join(', ')}` })
  phase?: Phase;

  @ApiPropertyOptional({ enum: CONTENT_LANGUAGES })
  @Omittable()
  @IsIn(CONTENT_LANGUAGES, { message: `language must be one of: ${CONTENT_LANGUAGES.join(', ')}` })
  language?: ContentLanguage;

  @ApiPropertyOptional({ type: [SourceLinkDto] })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1, { message: 'sources must list at least one source' })
  @ArrayMaxSize(SOURCES_MAX)
  @ValidateNested({ each: true })
  @Type(() => SourceLinkDto)
  sources?: SourceLinkDto[];
}

export class CreateCaseStudyDto extends TopicsAndLanguage {
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
export class UpdateCaseStudyDto extends TopicsAndLanguage {
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

export const LIBRARY_SORTS = ['newest', 'most_discussed'] as const;

export class LibraryQuery extends PageQuery {
  @IsOptional() @IsIn(TOPICS, { message: 'topic must be one of the fixed topics' }) topic?: Topic;
  @IsOptional()
  @IsIn(PHASES, { message: `phase must be one of: ${PHASES.join(', ')}` })
  phase?: Phase;
  @IsOptional()
  @IsIn(RESEARCH_QUESTIONS, {
    message: `question must be one of: ${RESEARCH_QUESTIONS.join(', ')}`,
  })
  question?: ResearchQuestion;
  @IsOptional()
  @IsIn(CONTENT_LANGUAGES, { message: `language must be one of: ${CONTENT_LANGUAGES.join(', ')}` })
  language?: ContentLanguage;
  @IsOptional() @IsString() @Length(1, 60) @PlainText() network?: string;
  @IsOptional() @IsString() @Length(1, 200) @PlainText() q?: string;
  @IsOptional()
  @IsIn(LIBRARY_STATUSES, { message: `status must be one of: ${LIBRARY_STATUSES.join(', ')}` })
  status?: LibraryStatus;
  @IsOptional()
  @IsIn(LIBRARY_SORTS, { message: `sort must be one of: ${LIBRARY_SORTS.join(', ')}` })
  sort?: (typeof LIBRARY_SORTS)[number];
  @IsOptional()
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as BE or IT' })
  country?: string;
  @IsOptional()
  @IsIn(FUNDING_SOURCES, { message: `fundingSource must be one of: ${FUNDING_SOURCES.join(', ')}` })
  fundingSource?: FundingSource;
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'maxBudgetEur must be a whole number' })
  @Min(0)
  maxBudgetEur?: number;
}

export class CreateThreadLinkDto {
  @ApiProperty({ enum: ['research', 'case_study', 'entry'] })
  @IsIn(['research', 'case_study', 'entry'], {
    message: 'targetType must be one of: research, case_study, entry',
  })
  targetType: 'research' | 'case_study' | 'entry';

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'targetId must be a UUID' })
  targetId: string;

  @ApiPropertyOptional({ description: 'why it matters for this discussion' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(LINK_NOTE_MAX_LENGTH)
  @PlainText()
  note?: string;
}
