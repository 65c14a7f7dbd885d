import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  DiscussedInView,
  EntrySettingsView,
  EntrySummaryView,
  EntryVersionSummaryView,
  EntryVersionView,
  EntryView,
  Page,
} from '@tandem/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor } from '../platform/http/actor';
import { PageQuery } from '../platform/http/pagination';
import { CurationExportService, ExportFile } from './curation-export.service';
import { CurationService } from './curation.service';
import { EntryWorkflowService } from './entry-workflow.service';
import {
  CurateThreadDto,
  EntryListQuery,
  EntrySettingsDto,
  ExportQuery,
  GuideExportQuery,
  PublishEntryDto,
  RequestChangesDto,
  UpdateEntryDto,
} from './dto/curation.dto';
import { exportRule, RateLimit } from '../platform/rate-limit/rate-limit.decorator';

const uuid = new ParseUUIDPipe();

/** Where links in an export lead: this server's own address, as the request reached it. */
const originOf = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

/** Sends a file as a download; the name is ASCII-safe already (exportFileName). */
function download(reply: FastifyReply, file: ExportFile): Buffer | string {
  void reply
    .header('Content-Type', file.contentType)
    .header(
      'Content-Disposition',
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('Cache-Control', 'private, no-store');
  return file.body;
}

@ApiTags('curation')
@ApiBearerAuth()
@Controller()
export class CurationController {
  constructor(
    private readonly curation: CurationService,
    private readonly workflow: EntryWorkflowService,
    private readonly exports: CurationExportService,
  ) {}

  @Post('threads/:id/curate')
  curate(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) threadId: string,
    @Body() dto: CurateThreadDto,
  ): Promise<EntryView> {
    return this.curation.curate(actor, threadId, dto);
  }

  @Get('networks/:slug/entries')
  list(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: EntryListQuery,
  ): Promise<Page<EntrySummaryView>> {
    return this.curation.list(actor, slug, query);
  }

  /** Every published entry of the network the caller may read, as one printable guide. */
  @RateLimit(exportRule)
  @Get('networks/:slug/entries/export')
  async exportGuide(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: GuideExportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const file = await this.exports.exportGuide(
      actor,
      slug,
      query.format,
      originOf(request),
      query.lang ?? 'en',
      query.topic,
    );
    return download(reply, file);
  }

  @Get('networks/:slug/entry-settings')
  settings(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<EntrySettingsView> {
    return this.curation.settings(actor, slug);
  }

  @Patch('networks/:slug/entry-settings')
  updateSettings(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Body() dto: EntrySettingsDto,
  ): Promise<EntrySettingsView> {
    return this.curation.updateSettings(actor, slug, dto);
  }

  @Get('entries/:id')
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<EntryView> {
    return this.curation.get(actor, id);
  }

  @Patch('entries/:id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateEntryDto,
  ): Promise<EntryView> {
    return this.curation.update(actor, id, dto);
  }

  @Post('entries/:id/submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<EntryView> {
    return this.workflow.transition(actor, id, 'submit');
  }

  @Post('entries/:id/request-changes')
  @HttpCode(200)
  requestChanges(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: RequestChangesDto,
  ): Promise<EntryView> {
    return this.workflow.transition(actor, id, 'request_changes', dto.note);
  }

  @Post('entries/:id/publish')
  @HttpCode(200)
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: PublishEntryDto,
  ): Promise<EntryView> {
    return this.workflow.transition(actor, id, 'publish', dto.note ?? '', {
      confirmPersonalData: dto.confirmPersonalData,
    });
  }

  @Post('entries/:id/archive')
  @HttpCode(200)
  archive(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<EntryView> {
    return this.workflow.transition(actor, id, 'archive');
  }

  /** Opens a published entry for its next version; readers keep the published one meanwhile. */
  @Post('entries/:id/revise')
  @HttpCode(200)
  revise(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<EntryView> {
    return this.workflow.transition(actor, id, 'revise');
  }

  @Get('entries/:id/versions')
  versions(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<EntryVersionSummaryView>> {
    return this.curation.versions(actor, id, query);
  }

  @Get('entries/:id/versions/:version')
  version(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('version', new ParseIntPipe()) version: number,
  ): Promise<EntryVersionView> {
    return this.curation.version(actor, id, version);
  }

  @Get('entries/:id/discussions')
  discussions(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<DiscussedInView[]> {
    return this.curation.discussedIn(actor, id);
  }

  @RateLimit(exportRule)
  @Get('entries/:id/export')
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Query() query: ExportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const file = await this.exports.exportEntry(
      actor,
      id,
      query.format,
      originOf(request),
      query.version,
    );
    return download(reply, file);
  }
}
