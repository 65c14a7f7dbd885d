import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  conflict,
  enforce,
  MySuspensionView,
  notFound,
  Page,
  Standing,
  SuspensionView,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, PageQuery, pageSize } from '../platform/http/pagination';
import { returnedRows } from '../platform/database/sql';
import { EVENTS, MemberSuspendedEvent } from '../platform/events/domain-events';
import { loadNetworkAccess } from '../networks/network-access';
import type { SuspendDto } from './dto/moderation.dto';
import { SuspensionRow, toSuspensionView } from './moderation-views';
import { DomainEvents } from '../platform/events/domain-event-bus';

const SUSPENSION_SELECT = `
  SELECT s.network_id, s.user_id, u.display_name, s.ends_at, s.reason, s.suspended_by,
         b.display_name AS suspended_by_name, s.created_at,
         (s.ends_at AT TIME ZONE 'UTC')::text AS cursor_key
    FROM network_suspensions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN users b ON b.id = s.suspended_by`;

/**
 * Suspensions from a network. A suspended member stays a member and may read over HTTP, but
 * cannot post, edit, delete, flag, moderate or be in the network's live rooms until it ends; the
 * access query carries the current suspension to every participation check, and suspending
 * evicts the member's open sockets at once.
 */
@Injectable()
export class SuspensionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly audit: AuditLogService,
  ) {}

  async suspend(
    actor: Actor,
    slug: string,
    userId: string,
    dto: SuspendDto,
  ): Promise<SuspensionView> {
    const now = new Date();
    const endsAt = policy.suspensionEnd({ until: dto.until, days: dto.days }, now);
    const networkId = await this.dataSource.transaction(async (manager) => {
      const { network, target } = await this.authorise(manager, actor, slug, userId, now);
      // A suspension in force is replaced: the new end counts, whether sooner or later.
      const replaced = returnedRows<{ ends_at: Date }>(
        await manager.query(
          `UPDATE network_suspensions SET lifted_at = GREATEST(starts_at, LEAST(now(), ends_at)), lifted_by = $3
            WHERE network_id = $1 AND user_id = $2 AND lifted_at IS NULL RETURNING ends_at`,
          [network.id, userId, actor.userId],
        ),
      );
      await manager.query(
        `INSERT INTO network_suspensions (network_id, user_id, reason, ends_at, suspended_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [network.id, userId, dto.reason, endsAt, actor.userId],
      );
      const previous = replaced[0]?.ends_at;
      await this.audit.record(manager, {
        networkId: network.id,
        actorId: actor.userId,
        action: 'member.suspended',
        subject: { type: 'user', id: userId },
        details: {
          until: endsAt.toISOString(),
          reason: dto.reason,
          role: target,
          ...(previous && previous.getTime() > now.getTime()
            ? { replacedUntil: previous.toISOString() }
            : {}),
        },
      });
      return network.id;
    });
    // After the commit, synchronously: the member's sockets leave the network's rooms before
    // this answer is sent, on every process.
    const event: MemberSuspendedEvent = { networkId, userId };
    this.events.committed(EVENTS.memberSuspended, event);
    const rows: SuspensionRow[] = await this.dataSource.query(
      `${SUSPENSION_SELECT} WHERE s.network_id = $1 AND s.user_id = $2 AND s.lifted_at IS NULL`,
      [networkId, userId],
    );
    return toSuspensionView(rows[0]);
  }

  /** Ends a suspension in force early. 409 when there is none. */
  async lift(actor: Actor, slug: string, userId: string): Promise<void> {
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const { network } = await this.authorise(manager, actor, slug, userId, now);
      const lifted = returnedRows<{ ends_at: Date; reason: string }>(
        await manager.query(
          `UPDATE network_suspensions SET lifted_at = now(), lifted_by = $3
            WHERE network_id = $1 AND user_id = $2 AND lifted_at IS NULL AND ends_at > now()
            RETURNING ends_at, reason`,
          [network.id, userId, actor.userId],
        ),
      );
      if (lifted.length === 0) throw conflict('This member is not suspended');
      await this.audit.record(manager, {
        networkId: network.id,
        actorId: actor.userId,
        action: 'member.unsuspended',
        subject: { type: 'user', id: userId },
        details: { until: lifted[0].ends_at.toISOString(), reason: lifted[0].reason },
      });
    });
  }

  /** Suspensions in force, the soonest to end first, for the network's moderators and admins. */
  async list(actor: Actor, slug: string, query: PageQuery): Promise<Page<SuspensionView>> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    enforce(policy.readModerationQueue(standing));
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const params: unknown[] = [network.id, limit + 1];
    let where = 's.network_id = $1 AND s.lifted_at IS NULL AND s.ends_at > now()';
    if (after) {
      params.push(String(after[0]), String(after[1]));
      where += ` AND (s.ends_at, s.user_id) > (($3::timestamp AT TIME ZONE 'UTC'), $4::uuid)`;
    }
    const rows: SuspensionRow[] = await this.dataSource.query(
      `${SUSPENSION_SELECT} WHERE ${where} ORDER BY s.ends_at, s.user_id LIMIT $2`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toSuspensionView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.cursor_key, last.user_id]) : null,
    };
  }

  /** The caller's own suspension in the network: when it ends and why, not who decided. */
  async mine(actor: Actor, slug: string): Promise<MySuspensionView> {
    const { network } = await loadNetworkAccess(this.dataSource.manager, actor.userId, slug);
    const until = await this.currentEnd(this.dataSource.manager, network.id, actor.userId);
    if (!until) return { suspension: null };
    const rows: { ends_at: Date; reason: string }[] = await this.dataSource.query(
      `SELECT ends_at, reason FROM network_suspensions
        WHERE network_id = $1 AND user_id = $2 AND lifted_at IS NULL`,
      [network.id, actor.userId],
    );
    return { suspension: { endsAt: rows[0].ends_at.toISOString(), reason: rows[0].reason } };
  }

  /** End of the member's suspension in force, or null. */
  private async currentEnd(
    manager: EntityManager,
    networkId: string,
    userId: string,
  ): Promise<Date | null> {
    if (typeof networkId !== 'string' || typeof userId !== 'string') return null;
    const rows: { ends_at: Date }[] = await manager.query(
      `SELECT ends_at FROM network_suspensions
        WHERE network_id = $1 AND user_id = $2 AND lifted_at IS NULL`,
      [networkId, userId],
    );
    const until = rows[0]?.ends_at ?? null;
    return policy.isSuspended(until, new Date()) ? until : null;
  }

  /**
   * Who may suspend (or lift) whom. The target's membership row is locked for the transaction,
   * so two moderators acting on one member take turns.
   */
  private async authorise(
    manager: EntityManager,
    actor: Actor,
    slug: string,
    userId: string,
    now: Date,
  ): Promise<{ network: { id: string }; target: Standing }> {
    const { network, standing } = await loadNetworkAccess(manager, actor.userId, slug);
    const rows: { role: Standing }[] = await manager.query(
      `SELECT role FROM network_memberships WHERE network_id = $1 AND user_id = $2 FOR UPDATE`,
      [network.id, userId],
    );
    const target = rows[0]?.role ?? null;
    enforce(
      policy.suspendMember({
        actor: standing,
        target,
        self: userId === actor.userId,
        actorSuspendedUntil: await this.currentEnd(manager, network.id, actor.userId),
        now,
      }),
    );
    if (target === null) throw notFound('Member');
    return { network, target };
  }
}
