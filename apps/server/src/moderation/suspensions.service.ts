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
import { EVENTS, MemberSuspendedEvent } from '../platform/events/domain-events';
import { loadNetworkAccess } from '../networks/network-access';
import type { SuspendDto } from './dto/moderation.dto';
import { toSuspensionView } from './moderation-views';
import { SuspensionsRepository } from './suspensions.repository';
import { DomainEvents } from '../platform/events/domain-event-bus';

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
    private readonly suspensions: SuspensionsRepository,
  ) {}

  async suspend(
    actor: Actor,
    slug: string,
    userId: string,
    dto: SuspendDto,
  ): Promise<SuspensionView> {
    const now = new Date();
    const endsAt = policy.suspensionEnd({ until: dto.until, days: dto.days }, now);
    const networkId = await this.events.transaction(async (manager, events) => {
      const { network, target } = await this.authorise(manager, actor, slug, userId, now);
      // A suspension in force is replaced: the new end counts, whether sooner or later.
      const previous = await this.suspensions.liftReplaced(
        manager,
        network.id,
        userId,
        actor.userId,
      );
      await this.suspensions.insert(manager, {
        networkId: network.id,
        userId,
        reason: dto.reason,
        endsAt,
        suspendedBy: actor.userId,
      });
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
      // Published once this commits, synchronously: the member's sockets leave the network's
      // rooms before this answer is sent, on every process.
      const event: MemberSuspendedEvent = { networkId: network.id, userId };
      events.add(EVENTS.memberSuspended, event);
      return network.id;
    });
    return this.suspensions.unliftedView(networkId, userId);
  }

  /** Ends a suspension in force early. 409 when there is none. */
  async lift(actor: Actor, slug: string, userId: string): Promise<void> {
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const { network } = await this.authorise(manager, actor, slug, userId, now);
      const lifted = await this.suspensions.liftInForce(manager, network.id, userId, actor.userId);
      if (!lifted) throw conflict('This member is not suspended');
      await this.audit.record(manager, {
        networkId: network.id,
        actorId: actor.userId,
        action: 'member.unsuspended',
        subject: { type: 'user', id: userId },
        details: { until: lifted.ends_at.toISOString(), reason: lifted.reason },
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
    const rows = await this.suspensions.findInForcePage(
      network.id,
      limit,
      decodeCursor(query.cursor, 2),
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
    const current = await this.suspensions.unlifted(
      this.dataSource.manager,
      network.id,
      actor.userId,
    );
    if (!current || !policy.isSuspended(current.ends_at, new Date())) return { suspension: null };
    return { suspension: { endsAt: current.ends_at.toISOString(), reason: current.reason } };
  }

  /** End of the member's suspension in force, or null. */
  private async currentEnd(
    manager: EntityManager,
    networkId: string,
    userId: string,
  ): Promise<Date | null> {
    const until = (await this.suspensions.unlifted(manager, networkId, userId))?.ends_at ?? null;
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
    const target = await this.suspensions.lockMemberRole(manager, network.id, userId);
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
