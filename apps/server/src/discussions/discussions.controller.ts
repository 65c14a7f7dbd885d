import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Headers,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AttributionPreview,
  type MessageRevisionView,
  type MessageView,
  type Page,
  readerLocale,
  type ThreadView,
} from '@tandem/domain';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../platform/http/actor';
import {
  AttributionPreviewQuery,
  ChannelAttributionPreviewQuery,
  CreateThreadDto,
  EditMessageDto,
  MessagesQuery,
  PostMessageDto,
  ReadDto,
  ThreadListQuery,
} from './dto/discussion.dto';
import { MessagesService } from './messages.service';
import { ThreadsService } from './threads.service';

const uuid = new ParseUUIDPipe();

@ApiTags('discussions')
@ApiBearerAuth()
@Controller()
export class DiscussionsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly messages: MessagesService,
  ) {}

  /** 201 for a new thread; 200 with the original when the clientId was used before (a retry). */
  @Post('channels/:id/threads')
  async createThread(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) channelId: string,
    @Body() dto: CreateThreadDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ThreadView> {
    const { thread, created } = await this.threads.createThread(actor, channelId, dto);
    if (!created) void reply.status(200);
    return thread;
  }

  @Get('channels/:id/attribution-preview')
  @ApiOperation({
    summary: 'The label the first post of a new thread here would carry',
    description:
      'In a Chatham House thread a label is shown only when at least the network’s group size of members share it; `reason` says whether it was coarsened. The label is rendered in `lang` or the Accept-Language; `labelCode` is for clients that render it themselves.',
  })
  channelAttributionPreview(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) channelId: string,
    @Query() query: ChannelAttributionPreviewQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<AttributionPreview> {
    return this.threads.channelAttributionPreview(
      actor,
      channelId,
      query.attribution,
      readerLocale(acceptLanguage, query.lang),
    );
  }

  @Get('threads/:id/attribution-preview')
  @ApiOperation({
    summary: 'The label the caller’s next post in this thread will carry, and why',
    description:
      'Decided by the same rule as posting: in a Chatham House thread the finest label that at least the network’s group size of members share; in a named thread the author’s own.',
  })
  attributionPreview(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
    @Query() query: AttributionPreviewQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<AttributionPreview> {
    return this.threads.attributionPreview(
      actor,
      threadId,
      readerLocale(acceptLanguage, query.lang),
    );
  }

  @Get('channels/:id/threads')
  listThreads(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) channelId: string,
    @Query() query: ThreadListQuery,
  ): Promise<Page<ThreadView>> {
    return this.threads.listThreads(actor, channelId, query);
  }

  @Get('threads/:id')
  getThread(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
  ): Promise<ThreadView> {
    return this.threads.getThread(actor, threadId);
  }

  @Get('threads/:id/messages')
  listMessages(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
    @Query() query: MessagesQuery,
  ): Promise<{ items: MessageView[]; hasMore: boolean }> {
    return this.messages.listMessages(actor, threadId, query);
  }

  /** 201 for a new message; 200 with the original when the clientId was used before (a retry). */
  @Post('threads/:id/messages')
  async postMessage(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
    @Body() dto: PostMessageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MessageView> {
    const { message, duplicate } = await this.messages.postMessage(actor, threadId, dto);
    if (duplicate) void reply.status(200);
    return message;
  }

  @Post('threads/:id/read')
  @HttpCode(200)
  markRead(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
    @Body() dto: ReadDto,
  ): Promise<{ lastReadSeq: number; unreadCount: number }> {
    return this.threads.markRead(actor, threadId, dto.seq);
  }

  @Post('threads/:id/lock')
  @HttpCode(200)
  lock(@CurrentActor() actor: Actor, @Param('id', uuid) threadId: string): Promise<ThreadView> {
    return this.threads.setLocked(actor, threadId, true);
  }

  @Post('threads/:id/unlock')
  @HttpCode(200)
  unlock(@CurrentActor() actor: Actor, @Param('id', uuid) threadId: string): Promise<ThreadView> {
    return this.threads.setLocked(actor, threadId, false);
  }

  @Patch('messages/:id')
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) messageId: string,
    @Body() dto: EditMessageDto,
  ): Promise<MessageView> {
    return this.messages.editMessage(actor, messageId, dto);
  }

  @Delete('messages/:id')
  remove(@CurrentActor() actor: Actor, @Param('id', uuid) messageId: string): Promise<MessageView> {
    return this.messages.deleteMessage(actor, messageId);
  }

  @Get('messages/:id/revisions')
  revisions(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) messageId: string,
  ): Promise<MessageRevisionView[]> {
    return this.messages.revisions(actor, messageId);
  }
}
