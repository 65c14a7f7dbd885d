import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction, AuditEntryView, Page } from '@tandem/domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Actor, CurrentActor } from '../platform/http/actor';
import { PageQuery } from '../platform/http/pagination';
import { AuditLogReader } from './audit-log-reader.service';

export class AuditLogQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'only entries about this member, message, thread...' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class AuditLogController {
  constructor(private readonly audit: AuditLogReader) {}

  @Get('networks/:slug/audit-log')
  list(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: AuditLogQueryDto,
  ): Promise<Page<AuditEntryView>> {
    return this.audit.list(actor, slug, query);
  }
}
