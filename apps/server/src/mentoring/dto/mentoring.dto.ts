import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FEEDBACK_TEXT_MAX_LENGTH,
  FOLLOW_UP_MILESTONES,
  GOAL_NOTE_MAX_LENGTH,
  GOAL_STATUSES,
  GOAL_TITLE_MAX_LENGTH,
  isPlainText,
  ISO_639_1_CODES,
  MENTORING_ABOUT_MAX_LENGTH,
  MENTORING_AVAILABILITY_MAX_LENGTH,
  MENTORING_CAPACITY_MAX,
  MENTORING_CAPACITY_MIN,
  MENTORING_LANGUAGES_MAX,
  MENTORING_MODES,
  MENTORING_TOPICS_MAX,
  PAIRING_GOALS_MAX,
  PAIRING_STATES,
  PAIRING_TOPICS_MAX,
  SESSION_AGENDA_MAX_LENGTH,
  SESSION_DURATION_MAX_MINUTES,
  SESSION_DURATION_MIN_MINUTES,
  SESSION_FORMATS,
  SESSION_LOCATION_MAX_LENGTH,
  SESSION_NOTES_MAX_LENGTH,
  SESSION_OTHERS_MAX_LENGTH,
  SUGGESTIONS_LIMIT_MAX,
  TOPICS,
  USEFULNESS_MAX,
  USEFULNESS_MIN,
  type FollowUpMilestone,
  type GoalStatus,
  type MentoringMode,
  type PairingState,
  type SessionFormat,
  type Topic,
} from '@tandem/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { PageQuery } from '../../platform/http/pagination';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
    : value;

/** Postgres refuses NUL in text; other control characters have no place in these fields either. */
@ValidatorConstraint({ name: 'plainText' })
class PlainText implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (Array.isArray(value))
      return value.every((item) => typeof item !== 'string' || isPlainText(item));
    return typeof value !== 'string' || isPlainText(value);
  }
  defaultMessage(): string {
    return '$property must not contain control characters';
  }
}

const TOPIC_MESSAGE = { each: true, message: 'each topic must be one of the fixed topics' };

export class UpsertMentoringProfileDto {
  @ApiProperty({ enum: MENTORING_MODES })
  @IsIn(MENTORING_MODES, { message: `mode must be one of: ${MENTORING_MODES.join(', ')}` })
  mode: MentoringMode;

  @ApiProperty({ enum: TOPICS, isArray: true })
  @IsArray()
  @ArrayMaxSize(MENTORING_TOPICS_MAX)
  @ArrayUnique()
  @IsIn(TOPICS, TOPIC_MESSAGE)
  topics: Topic[];

  @ApiProperty({ example: ['en', 'it'], description: 'ISO 639-1 codes, lower case' })
  @IsArray()
  @ArrayMinSize(1, { message: 'languages must name at least one language' })
  @ArrayMaxSize(MENTORING_LANGUAGES_MAX)
  @ArrayUnique()
  @IsIn(ISO_639_1_CODES, {
    each: true,
    message: 'each language must be an ISO 639-1 code such as "en" or "it"',
  })
  languages: string[];

  @ApiPropertyOptional({ minimum: MENTORING_CAPACITY_MIN, maximum: MENTORING_CAPACITY_MAX })
  @IsOptional()
  @IsInt()
  @Min(MENTORING_CAPACITY_MIN)
  @Max(MENTORING_CAPACITY_MAX)
  capacity?: number;

  @ApiPropertyOptional({ description: 'experience to offer, or what you need' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MENTORING_ABOUT_MAX_LENGTH)
  @Validate(PlainText)
  about?: string;

  @ApiPropertyOptional({ description: 'false pauses suggestions of you as a mentor' })
  @IsOptional()
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional({ example: 'Two calls a month; a visit in spring' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MENTORING_AVAILABILITY_MAX_LENGTH)
  @Validate(PlainText)
  availabilityNote?: string;
}

export class ProfileListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MENTORING_MODES })
  @IsOptional()
  @IsIn(MENTORING_MODES)
  mode?: MentoringMode;
}

export class SuggestionsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'coordinators: whom to suggest for' })
  @IsOptional()
  @IsUUID('all', { message: 'menteeId must be a UUID' })
  menteeId?: string;

  @ApiPropertyOptional({ maximum: SUGGESTIONS_LIMIT_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SUGGESTIONS_LIMIT_MAX)
  limit?: number;
}

export class ProposePairingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'mentorId must be a UUID' })
  mentorId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'menteeId must be a UUID' })
  menteeId: string;

  @ApiProperty({ enum: TOPICS, isArray: true })
  @IsArray()
  @ArrayMaxSize(PAIRING_TOPICS_MAX)
  @ArrayUnique()
  @IsIn(TOPICS, TOPIC_MESSAGE)
  topics: Topic[];

  @ApiProperty({ type: [String], description: `up to ${PAIRING_GOALS_MAX} goal titles` })
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(PAIRING_GOALS_MAX)
  @IsString({ each: true })
  @Length(1, GOAL_TITLE_MAX_LENGTH, { each: true })
  @Validate(PlainText)
  goals: string[];

  @ApiPropertyOptional({ description: 'made on behalf of both organisations' })
  @IsOptional()
  @IsBoolean()
  onBehalfOfOrganisations?: boolean;
}

export class PairingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PAIRING_STATES })
  @IsOptional()
  @IsIn(PAIRING_STATES)
  state?: PairingState;
}

export class AddGoalDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, GOAL_TITLE_MAX_LENGTH)
  @Validate(PlainText)
  title: string;
}

export class UpdateGoalDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, GOAL_TITLE_MAX_LENGTH)
  @Validate(PlainText)
  title?: string;

  @ApiPropertyOptional({ enum: GOAL_STATUSES })
  @IsOptional()
  @IsIn(GOAL_STATUSES, { message: `status must be one of: ${GOAL_STATUSES.join(', ')}` })
  status?: GoalStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(GOAL_NOTE_MAX_LENGTH)
  @Validate(PlainText)
  note?: string;
}

class SessionFields {
  @ApiPropertyOptional({ maxLength: SESSION_LOCATION_MAX_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(SESSION_LOCATION_MAX_LENGTH)
  @Validate(PlainText)
  location?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(SESSION_AGENDA_MAX_LENGTH)
  @Validate(PlainText)
  agenda?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(SESSION_NOTES_MAX_LENGTH)
  @Validate(PlainText)
  notes?: string;

  @ApiPropertyOptional({ type: [String], description: 'the members of the pair who took part' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each participant must be a user id' })
  participantIds?: string[];

  @ApiPropertyOptional({ description: 'others who took part, e.g. "two housing officers"' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(SESSION_OTHERS_MAX_LENGTH)
  @Validate(PlainText)
  otherParticipants?: string;
}

export class CreateSessionDto extends SessionFields {
  @ApiProperty({ example: '2026-03-12T09:30:00Z' })
  @IsString()
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date and time' })
  startsAt: string;

  @ApiProperty({ minimum: SESSION_DURATION_MIN_MINUTES, maximum: SESSION_DURATION_MAX_MINUTES })
  @IsInt()
  @Min(SESSION_DURATION_MIN_MINUTES)
  @Max(SESSION_DURATION_MAX_MINUTES)
  durationMinutes: number;

  @ApiProperty({ enum: SESSION_FORMATS })
  @IsIn(SESSION_FORMATS, { message: `format must be one of: ${SESSION_FORMATS.join(', ')}` })
  format: SessionFormat;
}

export class UpdateSessionDto extends SessionFields {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date and time' })
  startsAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(SESSION_DURATION_MIN_MINUTES)
  @Max(SESSION_DURATION_MAX_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: SESSION_FORMATS })
  @IsOptional()
  @IsIn(SESSION_FORMATS, { message: `format must be one of: ${SESSION_FORMATS.join(', ')}` })
  format?: SessionFormat;

  @ApiPropertyOptional({ description: 'true cancels the session (it stays, marked cancelled)' })
  @IsOptional()
  @IsBoolean()
  cancelled?: boolean;
}

export class SessionListQuery extends PageQuery {}

export class FeedbackDto {
  @ApiProperty({ minimum: USEFULNESS_MIN, maximum: USEFULNESS_MAX })
  @IsInt()
  @Min(USEFULNESS_MIN)
  @Max(USEFULNESS_MAX)
  usefulness: number;

  @ApiProperty({ description: 'what changed in your programme' })
  @Transform(trim)
  @IsString()
  @MaxLength(FEEDBACK_TEXT_MAX_LENGTH)
  @Validate(PlainText)
  programmeChanges: string;

  @ApiProperty()
  @IsBoolean()
  wouldRecommend: boolean;
}

export class FollowUpAnswerDto {
  @ApiProperty({ enum: FOLLOW_UP_MILESTONES })
  @IsIn(FOLLOW_UP_MILESTONES, { message: 'milestone must be 6 or 12 (months)' })
  milestone: FollowUpMilestone;

  @ApiProperty({ description: 'what lasted: practices still in use, contacts, changes' })
  @Transform(trim)
  @IsString()
  @MaxLength(FEEDBACK_TEXT_MAX_LENGTH)
  @Validate(PlainText)
  lasting: string;

  @ApiProperty()
  @IsBoolean()
  stillInContact: boolean;

  @ApiProperty({ minimum: USEFULNESS_MIN, maximum: USEFULNESS_MAX })
  @IsInt()
  @Min(USEFULNESS_MIN)
  @Max(USEFULNESS_MAX)
  usefulness: number;
}
