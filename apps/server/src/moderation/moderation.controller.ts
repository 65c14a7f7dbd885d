import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  FlagsClosedView,
  FlagView,
  MessageView,
  ModerationQueueItem,
  Page,
  SlowModeView,
} from '@tandem/domain';
import { Actor, CurrentActor } from '../platform/http/actor';
import { CreateFlagDto, ModerationNoteDto, QueueQuery, SlowModeDto } from './dto/moderation.dto';
import { ModerationService } from './moderation.service';
import { RateLimit } from '../platform/rate-limit/rate-limit.decorator';

const uuid = new ParseUUIDPipe();

@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  /** 201 with the flag; 409 when the caller already flagged this message. */
  @RateLimit('flagPerUser')
  @Post('messages/:id/flags')
  flag(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) messageId: string,
    @Body() dto: CreateFlagDto,
  ): Promise<FlagView> {
    return this.moderation.flag(actor, messageId, dto);
  }

  @Get('networks/:slug/moderation/queue')
  queue(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: QueueQuery,
  ): Promise<Page<ModerationQueueItem>> {
    return this.moderation.queue(actor, slug, query);
  }

  @Post('messages/:id/flags/resolve')
  @HttpCode(200)
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) messageId: string,
    @Body() dto: ModerationNoteDto,
  ): Promise<FlagsClosedView> {
    return this.moderation.closeFlags(actor, messageId, 'resolved', dto);
  }

  @Post('messages/:id/flags/dismiss')
  @HttpCode(200)
  dismiss(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) messageId: string,
    @Body() dto: ModerationNoteDto,
  ): Promise<FlagsClosedView> {
    return this.moderation.closeFlags(actor, messageId, 'dismissed', dto);
  }

  @Post('messages/:id/hide')
  @HttpCode(200)
  hide(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) messageId: string,
    @Body() dto: ModerationNoteDto,
  ): Promise<MessageView> {
    return this.moderation.hide(actor, messageId, dto);
  }

  @Post('messages/:id/unhide')
  @HttpCode(200)
  unhide(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) messageId: string,
    @Body() dto: ModerationNoteDto,
  ): Promise<MessageView> {
    return this.moderation.unhide(actor, messageId, dto);
  }

  @Post('channels/:id/slow-mode')
  @HttpCode(200)
  slowMode(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) channelId: string,
    @Body() dto: SlowModeDto,
  ): Promise<SlowModeView> {
    return this.moderation.setSlowMode(actor, channelId, dto.seconds);
  }
}
