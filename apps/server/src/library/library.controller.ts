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
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  CaseStudyView,
  DiscussedInView,
  Page,
  ResearchSummaryView,
  ThreadLinkView,
} from '@tandem/domain';
import { Actor, CurrentActor } from '../platform/http/actor';
import { CreateCaseStudyDto, UpdateCaseStudyDto } from './dto/case-study.dto';
import { LibraryQuery } from './dto/library-query.dto';
import { CreateResearchSummaryDto, UpdateResearchSummaryDto } from './dto/research-summary.dto';
import { CreateThreadLinkDto } from './dto/thread-link.dto';
import { LibraryService } from './library.service';

const uuid = new ParseUUIDPipe();

@ApiTags('library')
@ApiBearerAuth()
@Controller()
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Get('research-summaries')
  listSummaries(
    @CurrentActor() actor: Actor,
    @Query() query: LibraryQuery,
  ): Promise<Page<ResearchSummaryView>> {
    return this.library.listSummaries(actor, query);
  }

  @Post('research-summaries')
  createSummary(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateResearchSummaryDto,
  ): Promise<ResearchSummaryView> {
    return this.library.createSummary(actor, dto);
  }

  @Get('research-summaries/:id')
  getSummary(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<ResearchSummaryView> {
    return this.library.getSummary(actor, id);
  }

  @Patch('research-summaries/:id')
  updateSummary(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateResearchSummaryDto,
  ): Promise<ResearchSummaryView> {
    return this.library.updateSummary(actor, id, dto);
  }

  @Get('research-summaries/:id/discussions')
  summaryDiscussions(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<DiscussedInView[]> {
    return this.library.discussedIn(actor, 'research', id);
  }

  @Get('case-studies')
  listCaseStudies(
    @CurrentActor() actor: Actor,
    @Query() query: LibraryQuery,
  ): Promise<Page<CaseStudyView>> {
    return this.library.listCaseStudies(actor, query);
  }

  @Post('case-studies')
  createCaseStudy(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateCaseStudyDto,
  ): Promise<CaseStudyView> {
    return this.library.createCaseStudy(actor, dto);
  }

  @Get('case-studies/:id')
  getCaseStudy(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<CaseStudyView> {
    return this.library.getCaseStudy(actor, id);
  }

  @Patch('case-studies/:id')
  updateCaseStudy(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateCaseStudyDto,
  ): Promise<CaseStudyView> {
    return this.library.updateCaseStudy(actor, id, dto);
  }

  @Get('case-studies/:id/discussions')
  caseStudyDiscussions(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<DiscussedInView[]> {
    return this.library.discussedIn(actor, 'case_study', id);
  }

  @Get('threads/:id/links')
  links(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
  ): Promise<ThreadLinkView[]> {
    return this.library.links(actor, threadId);
  }

  /** Answers with the thread's links after adding; linking the same item twice changes nothing. */
  @Post('threads/:id/links')
  @HttpCode(200)
  addLink(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
    @Body() dto: CreateThreadLinkDto,
  ): Promise<ThreadLinkView[]> {
    return this.library.addLink(actor, threadId, dto);
  }

  @Delete('threads/:id/links/:linkId')
  @HttpCode(204)
  async removeLink(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
    @Param('linkId', uuid) linkId: string,
  ): Promise<void> {
    await this.library.removeLink(actor, threadId, linkId);
  }
}
