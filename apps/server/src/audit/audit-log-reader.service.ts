import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditEntryView,
  AuditSubjectType,
  enforce,
  Page,
  readAuditLog,
} from '@tandem/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, PageQuery, pageSize } from '../platform/http/pagination';
import { loadNetworkAccess } from '../networks/network-access';

interface AuditRow {
  id: string;
  seq: string;
  network_id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  subject_type: AuditSubjectType;
  subject_id: string;
  details: Record<string, unknown>;
  created_at: Date;
}

export interface AuditLogQuery extends PageQuery {
  action?: AuditAction;
  subjectId?: string;
}

/** Reads a network's audit log (written by AuditLogService in platform/audit). */
@Injectable()
export class AuditLogReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, for the network's admins only. */
  async list(actor: Actor, slug: string, query: AuditLogQuery): Promise<Page<AuditEntryView>> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    enforce(readAuditLog(standing));
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 1);
    const params: unknown[] = [network.id, limit + 1];
    const where = ['a.network_id = $1'];
    if (query.action) {
      params.push(query.action);
      where.push(`a.action = $${params.length}`);
    }
    if (query.subjectId) {
      params.push(query.subjectId);
      where.push(`a.subject_id = $${params.length}`);
    }
    if (after) {
      params.push(String(after[0]));
      where.push(`a.seq < $${params.length}::bigint`);
    }
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.*, u.display_name AS actor_name
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.seq DESC
        LIMIT $2`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toAuditEntryView),
      nextCursor: rows.length > limit && last ? encodeCursor([last.seq]) : null,
    };
  }
}

function toAuditEntryView(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    networkId: row.network_id,
    action: row.action,
    actor:
      row.actor_id && row.actor_name !== null
        ? { userId: row.actor_id, displayName: row.actor_name }
        : null,
    subject: { type: row.subject_type, id: row.subject_id },
    details: row.details,
    createdAt: row.created_at.toISOString(),
  };
}
