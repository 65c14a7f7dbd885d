import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FLAG_NOTE_MAX_LENGTH,
  FLAG_REASONS,
  MODERATION_REASON_MAX_LENGTH,
  SLOW_MODE_MAX_SECONDS,
  SUSPENSION_MAX_DAYS,
  type CreateFlagBody,
  type FlagReason,
  type ModerationNoteBody,
  type SlowModeBody,
  type SuspendBody,
} from '@tandem/domain';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../platform/http/pagination';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateFlagDto implements CreateFlagBody {
  @ApiProperty({ enum: FLAG_REASONS })
  @IsIn(FLAG_REASONS, { message: `reason must be one of: ${FLAG_REASONS.join(', ')}` })
  reason: FlagReason;

  @ApiPropertyOptional({
    maxLength: FLAG_NOTE_MAX_LENGTH,
    description: 'what is wrong; required when the reason is other',
  })
  // Checked whenever given, and required with reason "other".
  @ValidateIf((dto: CreateFlagDto) => dto.reason === 'other' || dto.note !== undefined)
  @Transform(trim)
  @IsString({ message: 'note is required when the reason is other, as text' })
  @Length(1, FLAG_NOTE_MAX_LENGTH, {
    message: `note must be 1 to ${FLAG_NOTE_MAX_LENGTH} characters`,
  })
  note?: string;
}

/** An optional word for the audit log (why hidden, resolved or dismissed). */
export class ModerationNoteDto implements ModerationNoteBody {
  @ApiPropertyOptional({ maxLength: MODERATION_REASON_MAX_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, MODERATION_REASON_MAX_LENGTH, {
    message: `reason must be 1 to ${MODERATION_REASON_MAX_LENGTH} characters`,
  })
  reason?: string;
}

export class SlowModeDto implements SlowModeBody {
  @ApiProperty({
    minimum: 0,
    maximum: SLOW_MODE_MAX_SECONDS,
    description: 'members may post once per this many seconds; 0 turns slow mode off',
  })
  @IsInt({ message: 'seconds must be a whole number' })
  @Min(0)
  @Max(SLOW_MODE_MAX_SECONDS)
  seconds: number;
}

export class SuspendDto implements SuspendBody {
  @ApiPropertyOptional({ description: 'when it ends (ISO 8601); give this or days' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'until must be an ISO 8601 date and time' })
  until?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SUSPENSION_MAX_DAYS })
  @IsOptional()
  @IsInt({ message: 'days must be a whole number' })
  @Min(1)
  @Max(SUSPENSION_MAX_DAYS)
  days?: number;

  @ApiProperty({
    maxLength: MODERATION_REASON_MAX_LENGTH,
    description: 'shown to the suspended member and kept in the audit log',
  })
  @Transform(trim)
  @IsString()
  @Length(1, MODERATION_REASON_MAX_LENGTH, {
    message: `reason must be 1 to ${MODERATION_REASON_MAX_LENGTH} characters`,
  })
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class QueueQuery extends PageQuery {}
