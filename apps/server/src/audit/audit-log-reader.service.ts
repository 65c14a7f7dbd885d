import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntryView, enforce, Page, readAuditLog } from '@tandem/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, PageQuery, pageSize } from '../platform/http/pagination';
import { loadNetworkAccess } from '../networks/network-access';
import { AuditLogRepository, toAuditEntryView } from './audit-log.repository';

export interface AuditLogQuery extends PageQuery {
  action?: AuditAction;
  subjectId?: string;
}

/** Reads a network's audit log (written by AuditLogService in platform/audit). */
@Injectable()
export class AuditLogReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLogRepository,
  ) {}

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
    const rows = await this.auditLog.findPage(
      network.id,
      { action: query.action, subjectId: query.subjectId },
      limit,
      after ? String(after[0]) : null,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toAuditEntryView),
      nextCursor: rows.length > limit && last ? encodeCursor([last.seq]) : null,
    };
  }
}
