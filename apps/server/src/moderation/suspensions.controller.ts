import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MySuspensionView, Page, SuspensionView } from '@tandem/domain';
import { Actor, CurrentActor } from '../platform/http/actor';
import { PageQuery } from '../platform/http/pagination';
import { SuspendDto } from './dto/moderation.dto';
import { SuspensionsService } from './suspensions.service';

const uuid = new ParseUUIDPipe();

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('networks/:slug')
export class SuspensionsController {
  constructor(private readonly suspensions: SuspensionsService) {}

  @Post('members/:userId/suspend')
  suspend(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Param('userId', uuid) userId: string,
    @Body() dto: SuspendDto,
  ): Promise<SuspensionView> {
    return this.suspensions.suspend(actor, slug, userId, dto);
  }

  @Post('members/:userId/unsuspend')
  @HttpCode(204)
  async unsuspend(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Param('userId', uuid) userId: string,
  ): Promise<void> {
    await this.suspensions.lift(actor, slug, userId);
  }

  @Get('suspensions')
  list(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: PageQuery,
  ): Promise<Page<SuspensionView>> {
    return this.suspensions.list(actor, slug, query);
  }

  @Get('suspensions/mine')
  mine(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<MySuspensionView> {
    return this.suspensions.mine(actor, slug);
  }
}
