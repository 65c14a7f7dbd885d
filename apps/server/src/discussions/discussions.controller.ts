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
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MessageRevisionView, MessageView, Page, ThreadView } from '@tandem/domain';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../platform/http/actor';
import { DiscussionsService } from './discussions.service';
import {
  CreateThreadDto,
  EditMessageDto,
  MessagesQuery,
  PostMessageDto,
  ReadDto,
  ThreadListQuery,
} from './dto/discussion.dto';

const uuid = new ParseUUIDPipe();

@ApiTags('discussions')
@ApiBearerAuth()
@Controller()
export class DiscussionsController {
  constructor(private readonly discussions: DiscussionsService) {}

  /** 201 for a new thread; 200 with the original when the clientId was used before (a retry). */
  @Post('channels/:id/threads')
  async createThread(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) channelId: string,
    @Body() dto: CreateThreadDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ThreadView> {
    const { thread, created } = await this.discussions.createThread(actor, channelId, dto);
    if (!created) void reply.status(200);
    return thread;
  }

  @Get('channels/:id/threads')
  listThreads(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) channelId: string,
    @Query() query: ThreadListQuery,
  ): Promise<Page<ThreadView>> {
    return this.discussions.listThreads(actor, channelId, query);
  }

  @Get('threads/:id')
  getThread(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
  ): Promise<ThreadView> {
    return this.discussions.getThread(actor, threadId);
  }

  @Get('threads/:id/messages')
  messages(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
    @Query() query: MessagesQuery,
  ): Promise<{ items: MessageView[]; hasMore: boolean }> {
    return this.discussions.messages(actor, threadId, query);
  }

  /** 201 for a new message; 200 with the original when the clientId was used before (a retry). */
  @Post('threads/:id/messages')
  async postMessage(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
    @Body() dto: PostMessageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MessageView> {
    const { message, duplicate } = await this.discussions.postMessage(actor, threadId, dto);
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
    return this.discussions.markRead(actor, threadId, dto.seq);
  }

  @Post('threads/:id/lock')
  @HttpCode(200)
  lock(@CurrentActor() actor: Actor, @Param('id', uuid) threadId: string): Promise<ThreadView> {
    return this.discussions.setLocked(actor, threadId, true);
  }

  @Post('threads/:id/unlock')
  @HttpCode(200)
  unlock(@CurrentActor() actor: Actor, @Param('id', uuid) threadId: string): Promise<ThreadView> {
    return this.discussions.setLocked(actor, threadId, false);
  }

  @Patch('messages/:id')
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) messageId: string,
    @Body() dto: EditMessageDto,
  ): Promise<MessageView> {
    return this.discussions.editMessage(actor, messageId, dto);
  }

  @Delete('messages/:id')
  remove(@CurrentActor() actor: Actor, @Param('id', uuid) messageId: string): Promise<MessageView> {
    return this.discussions.deleteMessage(actor, messageId);
  }

  @Get('messages/:id/revisions')
  revisions(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) messageId: string,
  ): Promise<MessageRevisionView[]> {
    return this.discussions.revisions(actor, messageId);
  }
}
