import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LINK_NOTE_MAX_LENGTH, type CreateThreadLinkBody } from '@tandem/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PlainText } from '../../platform/http/validation';
import { trim } from './library-item.dto';

export class CreateThreadLinkDto implements CreateThreadLinkBody {
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
