import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntryView, AuditSubjectType } from '@tandem/domain';
import { DataSource } from 'typeorm';

export interface AuditRow {
  id: string;
  /** The log's order (a bigint, as text): the cursor. */
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

export interface AuditLogFilter {
  action?: AuditAction;
  subjectId?: string;
}

/** Reads a network's audit log (AuditLogService in platform/audit writes it). */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page of a network's log, newest first, before the cursor's seq. Returns up to
   * `limit + 1` rows: one more tells that a next page exists.
   */
  findPage(
    networkId: string,
    filter: AuditLogFilter,
    limit: number,
    afterSeq: string | null,
  ): Promise<AuditRow[]> {
    const params: unknown[] = [networkId, limit + 1];
    const where = ['a.network_id = $1'];
    if (filter.action) {
      params.push(filter.action);
      where.push(`a.action = $${params.length}`);
    }
    if (filter.subjectId) {
      params.push(filter.subjectId);
      where.push(`a.subject_id = $${params.length}`);
    }
    if (afterSeq !== null) {
      params.push(afterSeq);
      where.push(`a.seq < $${params.length}::bigint`);
    }
    return this.dataSource.query(
      `SELECT a.*, u.display_name AS actor_name
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.seq DESC
        LIMIT $2`,
      params,
    );
  }
}

export function toAuditEntryView(row: AuditRow): AuditEntryView {
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
