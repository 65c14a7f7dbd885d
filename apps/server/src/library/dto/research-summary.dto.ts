import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CITATION_MAX_LENGTH,
  CONTENT_LANGUAGES,
  IMPLICATIONS_MAX_LENGTH,
  isPlainText,
  isSafeSourceUrl,
  KEY_FINDING_MAX_LENGTH,
  PHASES,
  RESEARCH_QUESTIONS,
  SOURCES_MAX,
  SUMMARY_MAX_WORDS,
  SUMMARY_TITLE_MAX_LENGTH,
  withinWordLimit,
  type ContentLanguage,
  type CreateResearchSummaryBody,
  type Phase,
  type ResearchQuestion,
  type SourceLinkBody,
  type UpdateResearchSummaryBody,
} from '@tandem/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsString,
  Length,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { PlainText } from '../../platform/http/validation';
import { Omittable, TopicsAndLanguage, trim } from './library-item.dto';

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

export class SourceLinkDto implements SourceLinkBody {
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

export class CreateResearchSummaryDto
  extends TopicsAndLanguage
  implements CreateResearchSummaryBody
{
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

export class UpdateResearchSummaryDto
  extends TopicsAndLanguage
  implements UpdateResearchSummaryBody
{
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
