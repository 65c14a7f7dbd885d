import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  canReadWorkingCopy,
  enforce,
  ExportFormat,
  exportFileName,
  GUIDE_MAX_ENTRIES,
  notFound,
} from '@tandem/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { loadNetworkAccess } from '../networks/network-access';
import { CurationRepository } from './curation.repository';
import { QuoteConsentsService } from './quote-consents.service';
import type { GuideLanguage } from './dto/curation.dto';
import { loadEntryAccess } from './entry-access';
import { loadWorkingContent, mapVersionContent, readableSourceThread } from './entry-content';
import { entryHtml, guideHtml } from './export/entry-html';
import { entryMarkdown, guideMarkdown } from './export/entry-markdown';
import { entryPdf, guidePdf } from './export/entry-pdf';
import { buildExportEntry, buildGuide, ExportEntry } from './export/export-document';

export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * Exports exactly what the viewer may read, through the same access rules and content mapping
 * as `GET /api/entries/:id`: a reader gets the current (or a chosen) published version, an
 * editor may also export the working copy, marked as such.
 */
@Injectable()
export class CurationExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CurationRepository,
    private readonly consents: QuoteConsentsService,
  ) {}

  async exportEntry(
    actor: Actor,
    id: string,
    format: ExportFormat,
    origin: string,
    version?: number,
  ): Promise<ExportFile> {
    const entry = await this.exportable(actor, id, origin, version);
    const fileName = exportFileName(entry.title, format, entry.version ?? undefined);
    return { ...(await render(format, entry)), fileName };
  }

  /** The network's published entries the viewer may read, as one printable guide. */
  async exportGuide(
    actor: Actor,
    slug: string,
    format: ExportFormat,
    origin: string,
    language: GuideLanguage,
    topic?: policy.Topic,
  ): Promise<ExportFile> {
    const { network } = await loadNetworkAccess(this.dataSource.manager, actor.userId, slug);
    const ids = await this.repository.guideEntries(
      this.dataSource.manager,
      actor.userId,
      network.id,
      GUIDE_MAX_ENTRIES,
      topic,
    );
    const entries: ExportEntry[] = [];
    for (const { id } of ids) {
      entries.push(
        await this.exportable(actor, id, origin, undefined, { published: true, language }),
      );
    }
    const guide = buildGuide({ networkName: network.name, entries, language });
    const fileName = exportFileName(`${network.slug}-guide`, format);
    if (format === 'md')
      return { body: guideMarkdown(guide), contentType: CONTENT_TYPE.md, fileName };
    if (format === 'html') {
      return { body: guideHtml(guide, language), contentType: CONTENT_TYPE.html, fileName };
    }
    return { body: await guidePdf(guide, language), contentType: CONTENT_TYPE.pdf, fileName };
  }

  /**
   * The export model of one entry for the viewer: a chosen version, else what GET shows (the
   * working copy to editors, the current version to readers); `published` forces the latter.
   */
  private async exportable(
    actor: Actor,
    id: string,
    origin: string,
    versionNumber?: number,
    options: { published?: boolean; language?: string } = {},
  ): Promise<ExportEntry> {
    const manager = this.dataSource.manager;
    const { entry, access } = await loadEntryAccess(manager, actor.userId, id);
    enforce(policy.readEntry(access));
    const network = await this.repository.network(manager, entry.networkId);
    const revealNetwork = access.standing !== null || network.visibility !== 'private';
    const sourceThread = await readableSourceThread(manager, entry.sourceThreadId, actor.userId);
    const wanted =
      versionNumber ??
      (options.published || !canReadWorkingCopy(access) ? entry.currentVersion : null);
    if (wanted === null) {
      // An editor's working copy (the entry may never have been published).
      return buildExportEntry({
        entryId: entry.id,
        origin,
        networkName: revealNetwork ? network.name : null,
        version: null,
        publishedAt: null,
        workingCopy: true,
        content: await loadWorkingContent(manager, entry, actor.userId, options.language),
        sourceThread,
        language: options.language,
      });
    }
    const version = await this.repository.version(manager, id, wanted);
    if (!version) throw notFound('Version');
    return buildExportEntry({
      entryId: entry.id,
      origin,
      networkName: revealNetwork ? network.name : null,
      version: version.version,
      publishedAt: version.publishedAt.toISOString(),
      workingCopy: false,
      content: await mapVersionContent(
        manager,
        version.content,
        actor.userId,
        await this.consents.quoteFilterFor(manager, entry),
        options.language,
      ),
      sourceThread,
      language: options.language,
    });
  }
}

async function render(
  format: ExportFormat,
  entry: ExportEntry,
): Promise<{ body: Buffer | string; contentType: string }> {
  switch (format) {
    case 'md':
      return { body: entryMarkdown(entry), contentType: CONTENT_TYPE.md };
    case 'html':
      return { body: entryHtml(entry), contentType: CONTENT_TYPE.html };
    case 'pdf':
      return { body: await entryPdf(entry), contentType: CONTENT_TYPE.pdf };
  }
}
