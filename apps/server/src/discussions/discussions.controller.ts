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
import {
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
