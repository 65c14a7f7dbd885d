import { Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor } from '../platform/http/actor';
import { Public } from '../platform/http/public.decorator';
import { Digest, FeedLink, FeedsService } from './feeds.service';

@ApiTags('feeds')
@Controller()
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  /** Public route, authenticated by the personal feed key in `?key=` (feed readers send no tokens). */
  @Public()
  @Get('feeds/research.atom')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  research(@Query('key') key: string | undefined, @Req() request: FastifyRequest): Promise<string> {
    return this.feeds.researchAtom(
      typeof key === 'string' ? key : undefined,
      `${request.protocol}://${request.host}`,
    );
  }

  @ApiBearerAuth()
  @Post('me/feed-key')
  @HttpCode(200)
  rotateFeedKey(@CurrentActor() actor: Actor): Promise<FeedLink> {
    return this.feeds.rotateFeedKey(actor);
  }

  @ApiBearerAuth()
  @Get('me/digest')
  digest(@CurrentActor() actor: Actor): Promise<Digest> {
    return this.feeds.digest(actor);
  }
}
