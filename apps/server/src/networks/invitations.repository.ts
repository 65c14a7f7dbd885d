import { Injectable } from '@nestjs/common';
import type { InvitationView, NetworkRole, Page } from '@tandem/domain';
import { EntityManager, IsNull } from 'typeorm';
import { decodeCursor, encodeCursor, pageSize, PageQuery } from '../platform/http/pagination';
import { InvitationEntity } from './invitation.entity';
import { toInvitationView } from './network-views';

/** Invitations to a network: stored by token hash, each used at most once. */
@Injectable()
export class InvitationsRepository {
  /** Revokes every invitation still pending for the address (a fresh one replaces them). */
  async revokePendingFor(manager: EntityManager, networkId: string, email: string): Promise<void> {
    await manager.update(
      InvitationEntity,
      { networkId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  async insert(
    manager: EntityManager,
    fields: {
      networkId: string;
      email: string;
      role: NetworkRole;
      tokenHash: string;
      invitedBy: string;
      expiresAt: Date;
    },
  ): Promise<InvitationEntity> {
    return manager.save(manager.create(InvitationEntity, fields));
  }

  /** Revokes one pending invitation of the network; false when there is none such. */
  async revoke(manager: EntityManager, networkId: string, invitationId: string): Promise<boolean> {
    const result = await manager.update(
      InvitationEntity,
      { id: invitationId, networkId, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    return Boolean(result.affected);
  }

  /**
   * The invitation with this token hash. With `lock`, its row is held FOR UPDATE until the
   * surrounding transaction ends (call it inside one), so a token is accepted once.
   */
  findByTokenHash(
    manager: EntityManager,
    tokenHash: string,
    options: { lock?: boolean } = {},
  ): Promise<InvitationEntity | null> {
    return manager.findOne(InvitationEntity, {
      where: { tokenHash },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markAccepted(manager: EntityManager, invitationId: string, userId: string): Promise<void> {
    await manager.update(
      InvitationEntity,
      { id: invitationId },
      { acceptedAt: new Date(), acceptedBy: userId },
    );
  }

  /** Pending invitations (not used, revoked or expired), newest first. */
  async pending(
    manager: EntityManager,
    networkId: string,
    query: PageQuery,
  ): Promise<Page<InvitationView>> {
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const builder = manager
      .createQueryBuilder(InvitationEntity, 'i')
      .where(
        'i.networkId = :networkId AND i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()',
        {
          networkId,
        },
      )
      .orderBy("date_trunc('milliseconds', i.created_at)", 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit + 1);
    if (after) {
      builder.andWhere(
        "(date_trunc('milliseconds', i.created_at), i.id) < (:at::timestamptz, :id::uuid)",
        {
          at: after[0],
          id: after[1],
        },
      );
    }
    const rows = await builder.getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toInvitationView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }
}
