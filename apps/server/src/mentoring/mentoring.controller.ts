import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  MentoringOverviewView,
  MentoringProfileView,
  Page,
  PairingSessionView,
  PairingSummaryView,
  PairingView,
  SuggestionsView,
} from '@tandem/domain';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../platform/http/actor';
import {
  AddGoalDto,
  CreateSessionDto,
  FeedbackDto,
  FollowUpAnswerDto,
  PairingListQuery,
  ProfileListQuery,
  ProposePairingDto,
  SessionListQuery,
  SuggestionsQuery,
  UpdateGoalDto,
  UpdateSessionDto,
  UpsertMentoringProfileDto,
} from './dto/mentoring.dto';
import { MentoringOverviewService } from './mentoring-overview.service';
import { PairingClosingService } from './pairing-closing.service';
import { PairingWorkService } from './pairing-work.service';
import { PairingsService } from './pairings.service';
import { MentoringProfilesService } from './profiles.service';
import { RateLimit } from '../platform/rate-limit/rate-limit.decorator';

const uuid = new ParseUUIDPipe();

@ApiTags('mentoring')
@ApiBearerAuth()
@Controller()
export class MentoringController {
  constructor(
    private readonly profiles: MentoringProfilesService,
    private readonly pairings: PairingsService,
    private readonly work: PairingWorkService,
    private readonly closing: PairingClosingService,
    private readonly overviews: MentoringOverviewService,
  ) {}

  /** Creates (201) or replaces (200) the caller's own profile. */
  @Post('networks/:slug/mentoring/profiles')
  async upsertProfile(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Body() dto: UpsertMentoringProfileDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MentoringProfileView> {
    const { profile, created } = await this.profiles.upsertProfile(actor, slug, dto);
    void reply.status(created ? 201 : 200);
    return profile;
  }

  @Get('networks/:slug/mentoring/profiles/me')
  myProfile(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
  ): Promise<MentoringProfileView> {
    return this.profiles.myProfile(actor, slug);
  }

  @Get('networks/:slug/mentoring/profiles')
  listProfiles(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: ProfileListQuery,
  ): Promise<Page<MentoringProfileView>> {
    return this.profiles.listProfiles(actor, slug, query);
  }

  @Get('networks/:slug/mentoring/suggestions')
  suggestions(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: SuggestionsQuery,
  ): Promise<SuggestionsView> {
    return this.profiles.suggestions(actor, slug, query);
  }

  @Get('networks/:slug/mentoring/overview')
  overview(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
  ): Promise<MentoringOverviewView> {
    return this.overviews.overview(actor, slug);
  }

  @RateLimit('exportPerUser')
  @Get('networks/:slug/mentoring/overview.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async overviewCsv(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { filename, body } = await this.overviews.overviewCsv(actor, slug);
    void reply.header('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }

  @Post('networks/:slug/pairings')
  propose(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Body() dto: ProposePairingDto,
  ): Promise<PairingView> {
    return this.pairings.propose(actor, slug, dto);
  }

  @Get('networks/:slug/pairings')
  listPairings(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: PairingListQuery,
  ): Promise<Page<PairingSummaryView>> {
    return this.pairings.listPairings(actor, slug, query);
  }

  @Get('pairings/:id')
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<PairingView> {
    return this.pairings.get(actor, id);
  }

  @Post('pairings/:id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<PairingView> {
    return this.pairings.act(actor, id, 'accept');
  }

  @Post('pairings/:id/decline')
  @HttpCode(200)
  decline(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<PairingView> {
    return this.pairings.act(actor, id, 'decline');
  }

  @Post('pairings/:id/complete')
  @HttpCode(200)
  complete(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<PairingView> {
    return this.pairings.act(actor, id, 'complete');
  }

  @Post('pairings/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<PairingView> {
    return this.pairings.act(actor, id, 'cancel');
  }

  @Post('pairings/:id/goals')
  addGoal(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: AddGoalDto,
  ): Promise<PairingView> {
    return this.work.addGoal(actor, id, dto);
  }

  @Patch('pairings/:id/goals/:goalId')
  updateGoal(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('goalId', uuid) goalId: string,
    @Body() dto: UpdateGoalDto,
  ): Promise<PairingView> {
    return this.work.updateGoal(actor, id, goalId, dto);
  }

  @Post('pairings/:id/sessions')
  createSession(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: CreateSessionDto,
  ): Promise<PairingSessionView> {
    return this.work.createSession(actor, id, dto);
  }

  @Get('pairings/:id/sessions')
  listSessions(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Query() query: SessionListQuery,
  ): Promise<Page<PairingSessionView>> {
    return this.work.listSessions(actor, id, query);
  }

  @Patch('pairings/:id/sessions/:sessionId')
  updateSession(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<PairingSessionView> {
    return this.work.updateSession(actor, id, sessionId, dto);
  }

  @Get('pairings/:id/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async calendar(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { filename, body } = await this.work.calendar(actor, id);
    void reply.header('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }

  @Post('pairings/:id/feedback')
  feedback(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: FeedbackDto,
  ): Promise<PairingView> {
    return this.closing.giveFeedback(actor, id, dto);
  }

  @Post('pairings/:id/follow-ups')
  followUp(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: FollowUpAnswerDto,
  ): Promise<PairingView> {
    return this.closing.answerFollowUp(actor, id, dto);
  }
}
