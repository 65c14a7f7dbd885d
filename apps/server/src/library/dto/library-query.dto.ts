import {
  CONTENT_LANGUAGES,
  FUNDING_SOURCES,
  LIBRARY_STATUSES,
  PHASES,
  RESEARCH_QUESTIONS,
  TOPICS,
  type ContentLanguage,
  type FundingSource,
  type LibraryStatus,
  type Phase,
  type ResearchQuestion,
  type Topic,
} from '@tandem/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, Length, Min } from 'class-validator';
import { PageQuery } from '../../platform/http/pagination';
import { PlainText } from '../../platform/http/validation';

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
