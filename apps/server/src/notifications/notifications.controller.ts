import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { NotificationView, Page } from '@tandem/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Actor, CurrentActor } from '../platform/http/actor';
import { PageQuery } from '../platform/http/pagination';
import { NotificationsService } from './notifications.service';

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  unread?: boolean;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationsQuery,
  ): Promise<Page<NotificationView> & { unreadCount: number }> {
    return this.notifications.list(actor, query);
  }

  @Post('read-all')
  @HttpCode(200)
  markAllRead(@CurrentActor() actor: Actor): Promise<{ updated: number }> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  markRead(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
