import { Injectable } from '@nestjs/common';
import {
  notFound,
  type EntryPersonView,
  type EntrySummaryView,
  type Page,
  type Standing,
  type Topic,
} from '@tandem/domain';
import { EntityManager, In } from 'typeorm';
import { anyLanguageTsquery, decodeNewestFirstCursor } from '../library/library-sql';
import { loadStanding } from '../networks/network-access';
import { NetworkEntity } from '../networks/network.entity';
import { encodeCursor, pageSize } from '../platform/http/pagination';
import { UserEntity } from '../users/user.entity';
import {
  EntryEntity,
  EntryVersionEntity,
  NetworkEntrySettingsEntity,
  VersionContent,
} from './curation.entities';
import type { EntryListQuery } from './dto/curation.dto';
import { EntrySummaryRow, toEntrySummaryView } from './entry-views';

/**
 * Entries of one network ($2) as the viewer ($1) sees them, one row each: editors (the network's
 * moderators and admins, and the drafter while a member) get the working copy and its status;
 * other readers the current published version in its public state, and only where they may
 * read it. The SQL form of canReadEntry and of the mapping in entry-views.
 */
const VISIBLE_ENTRIES = `
  SELECT e.id, e.network_id, e.status, e.scope, e.current_version, e.created_at, e.updated_at,
         x.editor,
         CASE WHEN x.editor THEN e.status
              WHEN e.status = 'archived' THEN 'archived' ELSE 'published' END AS shown_status,
         CASE WHEN x.editor THEN e.title ELSE v.title END AS title,
         CASE WHEN x.editor THEN e.summary ELSE coalesce(v.content->>'summary', '') END AS summary,
         CASE WHEN x.editor THEN e.topics ELSE v.topics END AS topics,
         CASE WHEN x.editor THEN e.phase ELSE v.phase END AS phase,
         CASE WHEN x.editor THEN e.language ELSE v.language END AS language,
         CASE WHEN x.editor THEN e.tsv ELSE v.tsv END AS tsv,
         v.published_at
    FROM entries e
    LEFT JOIN network_memberships mem ON mem.network_id = e.network_id AND mem.user_id = $1
    LEFT JOIN network_entry_settings s ON s.network_id = e.network_id
    LEFT JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.current_version
    CROSS JOIN LATERAL (SELECT coalesce(mem.role IN ('moderator', 'admin')
                               OR (mem.role IS NOT NULL AND e.created_by = $1), false) AS editor) x
   WHERE e.network_id = $2
     AND (x.editor OR (e.current_version IS NOT NULL
          AND (mem.role IS NOT NULL OR (e.scope = 'public' AND coalesce(s.allow_public_entries, false)))))`;

/** Entries, their published versions and the network's entry settings. */
@Injectable()
export class CurationRepository {
  async threadFacts(
    manager: EntityManager,
    threadId: string,
  ): Promise<{ title: string; topics: Topic[] }> {
    const rows: { title: string; topics: Topic[] }[] = await manager.query(
      `SELECT title, topics FROM threads WHERE id = $1`,
      [threadId],
    );
    if (!rows[0]) throw notFound('Thread');
    return rows[0];
  }

  async threadTitle(
    manager: EntityManager,
    threadId: string,
  ): Promise<{ id: string; title: string } | null> {
    const rows: { id: string; title: string }[] = await manager.query(
      `SELECT id, title FROM threads WHERE id = $1`,
      [threadId],
    );
    return rows[0] ?? null;
  }

  async threadChannel(manager: EntityManager, threadId: string): Promise<string | null> {
    const rows: { channel_id: string }[] = await manager.query(
      `SELECT channel_id FROM threads WHERE id = $1`,
      [threadId],
    );
    return rows[0]?.channel_id ?? null;
  }

  standing(manager: EntityManager, networkId: string, userId: string): Promise<Standing> {
    return loadStanding(manager, networkId, userId);
  }

  async listEntries(
    manager: EntityManager,
    viewerId: string,
    networkId: string,
    query: EntryListQuery,
  ): Promise<Page<EntrySummaryView>> {
    const limit = pageSize(query);
    const params: unknown[] = [viewerId, networkId];
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.status) add((p) => `x.shown_status = ${p}`, query.status);
    else where.push(`x.shown_status <> 'archived'`);
    if (query.topic) add((p) => `${p} = ANY(x.topics)`, query.topic);
    if (query.phase) add((p) => `x.phase = ${p}`, query.phase);
    if (query.q) add((p) => `x.tsv @@ ${anyLanguageTsquery(p)}`, query.q);
    const after = decodeNewestFirstCursor(query.cursor);
    if (after) {
      params.push(...after);
      where.push(
        `(date_trunc('milliseconds', x.created_at), x.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    const rows: EntrySummaryRow[] = await manager.query(
      `SELECT * FROM (${VISIBLE_ENTRIES}) x
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY date_trunc('milliseconds', x.created_at) DESC, x.id DESC
        LIMIT ${limit + 1}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toEntrySummaryView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    };
  }

  /**
   * The network's published entries the viewer may read, for a printable guide: the current
   * version of each (not archived ones), ordered by title.
   */
  async guideEntries(
    manager: EntityManager,
    viewerId: string,
    networkId: string,
    limit: number,
    topic?: Topic,
  ): Promise<{ id: string }[]> {
    const params: unknown[] = [viewerId, networkId];
    let filter = '';
    if (topic) {
      params.push(topic);
      filter = `AND $3 = ANY(v.topics)`;
    }
    return manager.query(
      `SELECT e.id FROM entries e
         JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.current_version
         LEFT JOIN network_memberships mem ON mem.network_id = e.network_id AND mem.user_id = $1
         LEFT JOIN network_entry_settings s ON s.network_id = e.network_id
        WHERE e.network_id = $2 AND e.status <> 'archived' ${filter}
          AND (mem.role IS NOT NULL OR (e.scope = 'public' AND coalesce(s.allow_public_entries, false)))
        ORDER BY lower(v.title), e.id
        LIMIT ${Number(limit)}`,
      params,
    );
  }

  async publishedSummary(
    manager: EntityManager,
    entryId: string,
  ): Promise<EntrySummaryView | null> {
    const rows: EntrySummaryRow[] = await manager.query(
      `SELECT e.id, e.network_id, e.status, e.status AS shown_status, e.scope, e.current_version,
              v.title, coalesce(v.content->>'summary', '') AS summary, v.topics, v.phase, v.language,
              v.published_at, e.created_at, e.updated_at
         FROM entries e JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.current_version
        WHERE e.id = $1`,
      [entryId],
    );
    return rows[0] ? toEntrySummaryView(rows[0]) : null;
  }

  /**
   * Authors of the thread's messages who can read the entry's published version: members of the
   * entry's network, or anyone when the entry is effectively public.
   */
  async threadParticipantsWhoCanRead(
    manager: EntityManager,
    threadId: string,
    networkId: string,
    isPublic: boolean,
  ): Promise<string[]> {
    const rows: { author_id: string }[] = await manager.query(
      `SELECT DISTINCT m.author_id FROM messages m
        WHERE m.thread_id = $1 AND m.author_id IS NOT NULL
          AND ($3 OR EXISTS (SELECT 1 FROM network_memberships nm WHERE nm.network_id = $2 AND nm.user_id = m.author_id))`,
      [threadId, networkId, isPublic],
    );
    return rows.map((row) => row.author_id);
  }

  /** The network's moderators and admins, who review entries. */
  async reviewers(manager: EntityManager, networkId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM network_memberships WHERE network_id = $1 AND role IN ('moderator', 'admin')`,
      [networkId],
    );
    return rows.map((row) => row.user_id);
  }

  async insertEntry(
    manager: EntityManager,
    fields: Pick<
      EntryEntity,
      | 'networkId'
      | 'sourceThreadId'
      | 'createdBy'
      | 'status'
      | 'scope'
      | 'title'
      | 'topics'
      | 'phase'
      | 'language'
      | 'searchConfig'
    >,
  ): Promise<EntryEntity> {
    return manager.save(manager.create(EntryEntity, fields));
  }

  async updateEntry(
    manager: EntityManager,
    entryId: string,
    changes: Partial<EntryEntity>,
  ): Promise<void> {
    await manager.update(EntryEntity, { id: entryId }, changes);
  }

  entry(manager: EntityManager, entryId: string): Promise<EntryEntity> {
    return manager.findOneByOrFail(EntryEntity, { id: entryId });
  }

  network(manager: EntityManager, networkId: string): Promise<NetworkEntity> {
    return manager.findOneByOrFail(NetworkEntity, { id: networkId });
  }

  user(manager: EntityManager, userId: string): Promise<UserEntity> {
    return manager.findOneByOrFail(UserEntity, { id: userId });
  }

  version(
    manager: EntityManager,
    entryId: string,
    version: number,
  ): Promise<EntryVersionEntity | null> {
    return manager.findOneBy(EntryVersionEntity, { entryId, version });
  }

  /** Up to `limit` versions, newest first, older than `before` when given. */
  versions(
    manager: EntityManager,
    entryId: string,
    before: number | null,
    limit: number,
  ): Promise<EntryVersionEntity[]> {
    const builder = manager
      .createQueryBuilder(EntryVersionEntity, 'v')
      .where('v.entryId = :id', { id: entryId })
      .orderBy('v.version', 'DESC')
      .limit(limit);
    if (before !== null) builder.andWhere('v.version < :before', { before });
    return builder.getMany();
  }

  /** Writes a published version. Run inside the publishing transaction, the entry row locked. */
  async insertVersion(
    manager: EntityManager,
    version: {
      entryId: string;
      version: number;
      searchConfig: string;
      content: VersionContent;
      note: string;
      publishedBy: string;
    },
  ): Promise<void> {
    const { content } = version;
    await manager.insert(EntryVersionEntity, {
      ...version,
      title: content.title,
      topics: content.topics,
      phase: content.phase,
      language: content.language,
    });
  }

  async saveSettings(
    manager: EntityManager,
    networkId: string,
    allowPublicEntries: boolean,
    updatedBy: string,
  ): Promise<void> {
    await manager.upsert(
      NetworkEntrySettingsEntity,
      { networkId, allowPublicEntries, updatedBy, updatedAt: new Date() },
      ['networkId'],
    );
  }

  /** Names of moderators who acted (drafter, reviewer, publisher); never an email. */
  async people(
    manager: EntityManager,
    ids: (string | null)[],
  ): Promise<Map<string, EntryPersonView>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const users = await manager.findBy(UserEntity, { id: In(wanted) });
    return new Map(users.map((u) => [u.id, { userId: u.id, displayName: u.displayName }]));
  }
}
