import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditSubjectType } from '@tandem/domain';
import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  networkId: string;
  /** Who acted: a moderator or admin (null only for the system itself). */
  actorId: string | null;
  action: AuditAction;
  subject: { type: AuditSubjectType; id: string };
  details?: Record<string, unknown>;
}

/**
 * Writes the network audit log: every feature that lets moderators or admins act records here, in
 * the action's own transaction. Reading the log is the audit feature's (audit/).
 */
@Injectable()
export class AuditLogService {
  /**
   * Records an action. Pass the manager of the action's own transaction, so the action and its
   * entry commit together or not at all: an action that leaves no trace cannot happen.
   */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (network_id, actor_id, action, subject_type, subject_id, details)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [
        entry.networkId,
        entry.actorId,
        entry.action,
        entry.subject.type,
        entry.subject.id,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }
}
