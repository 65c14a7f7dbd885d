import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTENT_LANGUAGES,
  ENTRY_BUDGET_MAX_EUR,
  ENTRY_CONTEXT_MAX_LENGTH,
  ENTRY_DURATION_MAX_MONTHS,
  ENTRY_LINKS_MAX,
  ENTRY_RESOURCES_NOTE_MAX_LENGTH,
  ENTRY_REVIEW_NOTE_MAX_LENGTH,
  ENTRY_SCOPES,
  ENTRY_STAFF_FTE_MAX,
  ENTRY_STATUSES,
  ENTRY_TEXT_MAX_LENGTH,
  ENTRY_TITLE_MAX_LENGTH,
  ENTRY_VERSION_NOTE_MAX_LENGTH,
  ENTRY_VOLUNTEERS_MAX,
  ENTRY_WORD_LIMITS,
  EVIDENCE_MAX,
  EXPORT_FORMATS,
  PHASES,
  TOPICS,
  TOPICS_MAX,
  withinEntryWordLimit,
  type ContentLanguage,
  type CurateThreadBody,
  type EntryContextBody,
  type EntryLinkBody,
  type EntryResourcesBody,
  type EntrySettingsBody,
  type PublishEntryBody,
  type RequestChangesBody,
  type UpdateEntryBody,
  type EntryLinkType,
  type EntryScope,
  type EntryStatus,
  type EntryTextField,
  type ExportFormat,
  type Phase,
  type Topic,
} from '@tandem/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
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
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { PageQuery } from '../../platform/http/pagination';
import { PlainText } from '../../platform/http/validation';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

@ValidatorConstraint({ name: 'entryWordLimit' })
class EntryWordLimit implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const field = args.constraints[0] as EntryTextField;
    return typeof value !== 'string' || withinEntryWordLimit(field, value);
  }
  defaultMessage(args: ValidationArguments): string {
    const field = args.constraints[0] as EntryTextField;
    return `${args.property} must be at most ${ENTRY_WORD_LIMITS[field]} words (an entry fits on one page)`;
  }
}

/**
 * Optional, but not nullable: an edit may leave a field out, while `null` is validated like any
 * other value (and refused). IsOptional only where null means something.
 */
const Omittable = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** A text part of an entry with its word limit: optional, trimmed, plain. */
function EntryText(field: EntryTextField): PropertyDecorator {
  return (target, key) => {
    Omittable()(target, key);
    Transform(trim)(target, key);
    IsString()(target, key);
    MaxLength(ENTRY_TEXT_MAX_LENGTH)(target, key);
    Validate(EntryWordLimit, [field])(target, key);
    PlainText()(target, key);
  };
}

const topicRules = (): PropertyDecorator => (target, key) => {
  Omittable()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(TOPICS_MAX)(target, key);
  ArrayUnique()(target, key);
  IsIn(TOPICS, { each: true, message: 'each topic must be one of the fixed topics' })(target, key);
};

const messageIdRules = (): PropertyDecorator => (target, key) => {
  Omittable()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(EVIDENCE_MAX, { message: `messageIds may quote at most ${EVIDENCE_MAX} messages` })(
    target,
    key,
  );
  ArrayUnique({ message: 'messageIds must not repeat a message' })(target, key);
  IsUUID('all', { each: true, message: 'each of messageIds must be a message id (UUID)' })(
    target,
    key,
  );
};

export class CurateThreadDto implements CurateThreadBody {
  @ApiPropertyOptional({
    description:
      'confirms that the likely personal data the check reported may be shared (else 400 listing it)',
  })
  @Omittable()
  @IsBoolean({ message: 'confirmPersonalData must be true or false' })
  confirmPersonalData?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: 'messages of the thread to quote as evidence, in order',
  })
  @messageIdRules()
  messageIds?: string[];

  @ApiPropertyOptional({ description: 'defaults to the thread title' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, ENTRY_TITLE_MAX_LENGTH)
  @PlainText()
  title?: string;

  @ApiPropertyOptional({ enum: PHASES, default: 'implementation' })
  @Omittable()
  @IsIn(PHASES, { message: `phase must be one of: ${PHASES.join(', ')}` })
  phase?: Phase;

  @ApiPropertyOptional({ enum: CONTENT_LANGUAGES, default: 'en' })
  @Omittable()
  @IsIn(CONTENT_LANGUAGES, { message: `language must be one of: ${CONTENT_LANGUAGES.join(', ')}` })
  language?: ContentLanguage;

  @ApiPropertyOptional({ enum: ENTRY_SCOPES, default: 'network' })
  @Omittable()
  @IsIn(ENTRY_SCOPES, { message: `scope must be one of: ${ENTRY_SCOPES.join(', ')}` })
  scope?: EntryScope;
}

export class EntryContextDto implements EntryContextBody {
  @ApiPropertyOptional({ description: 'who ran it, for whom' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(ENTRY_CONTEXT_MAX_LENGTH)
  @PlainText()
  who?: string;

  @ApiPropertyOptional({ description: 'where it ran' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(ENTRY_CONTEXT_MAX_LENGTH)
  @PlainText()
  where?: string;
}

/** Each figure may be null: "not stated yet" (review needs all of them). */
export class EntryResourcesDto implements EntryResourcesBody {
  @ApiPropertyOptional({ description: 'whole euros a year', nullable: true })
  @IsOptional()
  @IsInt({ message: 'budgetEur must be a whole number of euros' })
  @Min(0, { message: 'budgetEur must not be negative' })
  @Max(ENTRY_BUDGET_MAX_EUR)
  budgetEur?: number | null;

  @ApiPropertyOptional({ description: 'staff in full-time equivalents', nullable: true })
  @IsOptional()
  @IsNumber(
    { maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false },
    { message: 'staffFte must be a number with at most one decimal' },
  )
  @Min(0, { message: 'staffFte must not be negative' })
  @Max(ENTRY_STAFF_FTE_MAX)
  staffFte?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'volunteers must be a whole number' })
  @Min(0, { message: 'volunteers must not be negative' })
  @Max(ENTRY_VOLUNTEERS_MAX)
  volunteers?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'durationMonths must be a whole number of months' })
  @Min(1, { message: 'durationMonths must be at least 1' })
  @Max(ENTRY_DURATION_MAX_MONTHS)
  durationMonths?: number | null;

  @ApiPropertyOptional({ description: 'in-kind support, set-up costs, coordinator time' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(ENTRY_RESOURCES_NOTE_MAX_LENGTH)
  @PlainText()
  note?: string;
}

export class EntryLinkDto implements EntryLinkBody {
  @ApiProperty({ enum: ['research', 'case_study'] })
  @IsIn(['research', 'case_study'], { message: 'type must be one of: research, case_study' })
  type: EntryLinkType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class UpdateEntryDto implements UpdateEntryBody {
  @ApiPropertyOptional({
    description:
      'confirms that the likely personal data the check reported may be shared (else 400 listing it)',
  })
  @Omittable()
  @IsBoolean({ message: 'confirmPersonalData must be true or false' })
  confirmPersonalData?: boolean;

  @ApiPropertyOptional()
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, ENTRY_TITLE_MAX_LENGTH)
  @PlainText()
  title?: string;

  @ApiPropertyOptional({ description: `at most ${ENTRY_WORD_LIMITS.summary} words` })
  @EntryText('summary')
  summary?: string;

  @ApiPropertyOptional({ type: EntryContextDto })
  @Omittable()
  @IsObject({ message: 'context must be an object with who and where' })
  @ValidateNested()
  @Type(() => EntryContextDto)
  context?: EntryContextDto;

  @ApiPropertyOptional() @EntryText('whatWasDone') whatWasDone?: string;
  @ApiPropertyOptional() @EntryText('whatWorked') whatWorked?: string;
  @ApiPropertyOptional() @EntryText('whatDidNot') whatDidNot?: string;
  @ApiPropertyOptional() @EntryText('adaptation') adaptation?: string;
  @ApiPropertyOptional() @EntryText('evaluation') evaluation?: string;

  @ApiPropertyOptional({ type: EntryResourcesDto })
  @Omittable()
  @IsObject({ message: 'resources must be an object' })
  @ValidateNested()
  @Type(() => EntryResourcesDto)
  resources?: EntryResourcesDto;

  @ApiPropertyOptional({ enum: TOPICS, isArray: true })
  @topicRules()
  topics?: Topic[];

  @ApiPropertyOptional({ enum: PHASES })
  @Omittable()
  @IsIn(PHASES, { message: `phase must be one of: ${PHASES.join(', ')}` })
  phase?: Phase;

  @ApiPropertyOptional({ enum: CONTENT_LANGUAGES })
  @Omittable()
  @IsIn(CONTENT_LANGUAGES, { message: `language must be one of: ${CONTENT_LANGUAGES.join(', ')}` })
  language?: ContentLanguage;

  @ApiPropertyOptional({ enum: ENTRY_SCOPES })
  @Omittable()
  @IsIn(ENTRY_SCOPES, { message: `scope must be one of: ${ENTRY_SCOPES.join(', ')}` })
  scope?: EntryScope;

  @ApiPropertyOptional({
    type: [String],
    description: 'the complete, ordered list of source-thread messages quoted as evidence',
  })
  @messageIdRules()
  messageIds?: string[];

  @ApiPropertyOptional({
    type: [EntryLinkDto],
    description: 'the complete, ordered list of research and case studies it rests on',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(ENTRY_LINKS_MAX)
  @ValidateNested({ each: true })
  @Type(() => EntryLinkDto)
  links?: EntryLinkDto[];
}

export class RequestChangesDto implements RequestChangesBody {
  @ApiProperty({ description: 'what to change, for the drafter' })
  @Transform(trim)
  @IsString()
  @Length(1, ENTRY_REVIEW_NOTE_MAX_LENGTH)
  @PlainText()
  note: string;
}

export class PublishEntryDto implements PublishEntryBody {
  @ApiPropertyOptional({
    description:
      'confirms that the likely personal data the check reported may be shared (else 400 listing it)',
  })
  @Omittable()
  @IsBoolean({ message: 'confirmPersonalData must be true or false' })
  confirmPersonalData?: boolean;

  @ApiPropertyOptional({ description: 'what changed in this version' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(ENTRY_VERSION_NOTE_MAX_LENGTH)
  @PlainText()
  note?: string;
}

export class EntryListQuery extends PageQuery {
  @IsOptional()
  @IsIn(ENTRY_STATUSES, { message: `status must be one of: ${ENTRY_STATUSES.join(', ')}` })
  status?: EntryStatus;

  @IsOptional() @IsIn(TOPICS, { message: 'topic must be one of the fixed topics' }) topic?: Topic;

  @IsOptional()
  @IsIn(PHASES, { message: `phase must be one of: ${PHASES.join(', ')}` })
  phase?: Phase;

  @IsOptional() @IsString() @Length(1, 200) @PlainText() q?: string;
}

export class ExportQuery {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format: ExportFormat;

  @ApiPropertyOptional({ description: 'a published version; defaults to what GET shows' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  version?: number;
}

export const GUIDE_LANGUAGES = ['en', 'fr', 'it', 'de'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];

export class GuideExportQuery {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format: ExportFormat;

  @ApiPropertyOptional({ enum: GUIDE_LANGUAGES, description: 'language of the headings' })
  @IsOptional()
  @IsIn(GUIDE_LANGUAGES, { message: `lang must be one of: ${GUIDE_LANGUAGES.join(', ')}` })
  lang?: GuideLanguage;

  @IsOptional() @IsIn(TOPICS, { message: 'topic must be one of the fixed topics' }) topic?: Topic;
}

export class EntrySettingsDto implements EntrySettingsBody {
  @ApiProperty({ description: 'let moderators make entries readable by everyone signed in' })
  @IsBoolean({ message: 'allowPublicEntries must be true or false' })
  allowPublicEntries: boolean;
}
