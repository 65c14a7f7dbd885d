import { Injectable } from '@nestjs/common';
import type { Standing, SuspensionView } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../platform/database/sql';
import { SuspensionRow, toSuspensionView } from './moderation-views';

const SUSPENSION_SELECT = `
  SELECT s.network_id, s.user_id, u.display_name, s.ends_at, s.reason, s.suspended_by,
         b.display_name AS suspended_by_name, s.created_at,
         (s.ends_at AT TIME ZONE 'UTC')::text AS cursor_key
    FROM network_suspensions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN users b ON b.id = s.suspended_by`;

export interface NewSuspension {
  networkId: string;
  userId: string;
  reason: string;
  endsAt: Date;
  suspendedBy: string;
}

/**
 * Suspensions from a network. A member has at most one suspension not lifted: a new one lifts the
 * one it replaces, and lifting early marks it lifted.
 */
@Injectable()
export class SuspensionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The member's role in the network, their membership row locked FOR UPDATE until the
   * transaction ends, so two moderators acting on one member take turns. Null: not a member.
   */
  async lockMemberRole(
    manager: EntityManager,
    networkId: string,
    userId: string,
  ): Promise<Standing> {
    const rows: { role: Standing }[] = await manager.query(
      `SELECT role FROM network_memberships WHERE network_id = $1 AND user_id = $2 FOR UPDATE`,
      [networkId, userId],
    );
    return rows[0]?.role ?? null;
  }

  /**
   * The member's suspension not lifted (it may have ended already), or null. Ids must be
   * defined: a missing one finds nothing.
   */
  async unlifted(
    manager: EntityManager,
    networkId: string,
    userId: string,
  ): Promise<{ ends_at: Date; reason: string } | null> {
    if (typeof networkId !== 'string' || typeof userId !== 'string') return null;
    const rows: { ends_at: Date; reason: string }[] = await manager.query(
      `SELECT ends_at, reason FROM network_suspensions
        WHERE network_id = $1 AND user_id = $2 AND lifted_at IS NULL`,
      [networkId, userId],
    );
    return rows[0] ?? null;
  }

  /**
   * Replaces the member's suspension not lifted, if any, marking it lifted where it stood (not
   * before it started, not after it ended); returns when the replaced one was to end. Inside the
   * suspension's transaction.
   */
  async liftReplaced(
    manager: EntityManager,
    networkId: string,
    userId: string,
    liftedBy: string,
  ): Promise<Date | null> {
    const replaced = returnedRows<{ ends_at: Date }>(
      await manager.query(
        `UPDATE network_suspensions SET lifted_at = GREATEST(starts_at, LEAST(now(), ends_at)), lifted_by = $3
          WHERE network_id = $1 AND user_id = $2 AND lifted_at IS NULL RETURNING ends_at`,
        [networkId, userId, liftedBy],
      ),
    );
    return replaced[0]?.ends_at ?? null;
  }

  async insert(manager: EntityManager, suspension: NewSuspension): Promise<void> {
    await manager.query(
      `INSERT INTO network_suspensions (network_id, user_id, reason, ends_at, suspended_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        suspension.networkId,
        suspension.userId,
        suspension.reason,
        suspension.endsAt,
        suspension.suspendedBy,
      ],
    );
  }

  /**
   * Lifts the member's suspension in force now; returns what it was (end and reason), or null
   * when there was none in force. Inside the lift's transaction.
   */
  async liftInForce(
    manager: EntityManager,
    networkId: string,
    userId: string,
    liftedBy: string,
  ): Promise<{ ends_at: Date; reason: string } | null> {
    const lifted = returnedRows<{ ends_at: Date; reason: string }>(
      await manager.query(
        `UPDATE network_suspensions SET lifted_at = now(), lifted_by = $3
          WHERE network_id = $1 AND user_id = $2 AND lifted_at IS NULL AND ends_at > now()
          RETURNING ends_at, reason`,
        [networkId, userId, liftedBy],
      ),
    );
    return lifted[0] ?? null;
  }

  /** The member's suspension not lifted, as moderators see it (who decided, why, until when). */
  async unliftedView(networkId: string, userId: string): Promise<SuspensionView> {
    const rows: SuspensionRow[] = await this.dataSource.query(
      `${SUSPENSION_SELECT} WHERE s.network_id = $1 AND s.user_id = $2 AND s.lifted_at IS NULL`,
      [networkId, userId],
    );
    return toSuspensionView(rows[0]);
  }

  /**
   * Suspensions in force in a network, the soonest to end first, after the cursor (end, member).
   * Returns up to `limit + 1` rows: one more tells that a next page exists.
   */
  findInForcePage(
    networkId: string,
    limit: number,
    after: (string | number)[] | null,
  ): Promise<SuspensionRow[]> {
    const params: unknown[] = [networkId, limit + 1];
    let where = 's.network_id = $1 AND s.lifted_at IS NULL AND s.ends_at > now()';
    if (after) {
      params.push(String(after[0]), String(after[1]));
      where += ` AND (s.ends_at, s.user_id) > (($3::timestamp AT TIME ZONE 'UTC'), $4::uuid)`;
    }
    return this.dataSource.query(
      `${SUSPENSION_SELECT} WHERE ${where} ORDER BY s.ends_at, s.user_id LIMIT $2`,
      params,
    );
  }
}
