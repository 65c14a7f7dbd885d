import { Injectable } from '@nestjs/common';
import {
  notFound,
  type MemberView,
  type NetworkRole,
  type NetworkView,
  type NetworkVisibility,
  type Page,
} from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { escapeLike } from '../organisations/organisations.repository';
import { decodeCursor, encodeCursor, pageSize, PageQuery } from '../platform/http/pagination';
import { UserEntity } from '../users/user.entity';
import { MembershipEntity } from './membership.entity';
import { NetworkEntity } from './network.entity';
import { toMemberView, toNetworkView } from './network-views';

interface NetworkRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: NetworkEntity['visibility'];
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  my_role: NetworkRole | null;
  member_count: string;
}

/** Networks and their memberships: the queries behind NetworksService. */
@Injectable()
export class NetworksRepository {
  slugTaken(manager: EntityManager, slug: string): Promise<boolean> {
    return manager.existsBy(NetworkEntity, { slug });
  }

  async insertNetwork(
    manager: EntityManager,
    fields: {
      slug: string;
      name: string;
      description: string;
      visibility: NetworkVisibility;
      createdBy: string;
    },
  ): Promise<NetworkEntity> {
    return manager.save(manager.create(NetworkEntity, fields));
  }

  byId(manager: EntityManager, id: string): Promise<NetworkEntity> {
    return manager.findOneByOrFail(NetworkEntity, { id });
  }

  /**
   * Networks the viewer belongs to, plus open and invite-only ones. The WHERE clause is the SQL
   * form of the domain's canSeeNetwork: private networks appear to their members only.
   */
  async listVisible(
    manager: EntityManager,
    viewerId: string,
    query: PageQuery & { q?: string },
  ): Promise<Page<NetworkView>> {
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const params: unknown[] = [viewerId];
    const conditions = [`(m.user_id IS NOT NULL OR n.visibility IN ('open', 'invite'))`];
    if (query.q) {
      params.push(`%${escapeLike(query.q)}%`);
      conditions.push(
        `(n.name ILIKE $${params.length} ESCAPE '\\' OR n.description ILIKE $${params.length} ESCAPE '\\')`,
      );
    }
    if (after) {
      params.push(after[0], after[1]);
      conditions.push(`(lower(n.name), n.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: NetworkRow[] = await manager.query(
      `SELECT n.*, m.role AS my_role,
              (SELECT count(*) FROM network_memberships c WHERE c.network_id = n.id) AS member_count
         FROM networks n
         LEFT JOIN network_memberships m ON m.network_id = n.id AND m.user_id = $1
        WHERE ${conditions.join(' AND ')}
        ORDER BY lower(n.name), n.id
        LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) =>
        toNetworkView(networkFromRow(row), Number(row.member_count), row.my_role),
      ),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null,
    };
  }

  memberCount(manager: EntityManager, networkId: string): Promise<number> {
    return manager.countBy(MembershipEntity, { networkId });
  }

  adminCount(manager: EntityManager, networkId: string): Promise<number> {
    return manager.countBy(MembershipEntity, { networkId, role: 'admin' });
  }

  async addMember(
    manager: EntityManager,
    membership: { networkId: string; userId: string; role: NetworkRole },
  ): Promise<void> {
    await manager.insert(MembershipEntity, membership);
  }

  /** Adds the member unless they already are one (two joins at once both succeed). */
  async addMemberIfAbsent(
    manager: EntityManager,
    membership: { networkId: string; userId: string; role: NetworkRole },
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(MembershipEntity)
      .values(membership)
      .orIgnore()
      .execute();
  }

  /**
   * Ends a membership. Private-channel lists belong to the membership: someone invited back
   * starts afresh, so their places on the network's channel lists go with it.
   */
  async removeMember(manager: EntityManager, networkId: string, userId: string): Promise<void> {
    await manager.delete(MembershipEntity, { networkId, userId });
    await manager.query(
      `DELETE FROM channel_members WHERE user_id = $1 AND channel_id IN (SELECT id FROM channels WHERE network_id = $2)`,
      [userId, networkId],
    );
  }

  async setRole(
    manager: EntityManager,
    networkId: string,
    userId: string,
    role: NetworkRole,
  ): Promise<void> {
    await manager.update(MembershipEntity, { networkId, userId }, { role });
  }

  /** One member with their account and organisation, as the member list shows them. */
  async member(manager: EntityManager, networkId: string, userId: string): Promise<MemberView> {
    const membership = await manager.findOne(MembershipEntity, {
      where: { networkId, userId },
      relations: { user: { organisation: true } },
    });
    if (!membership) throw notFound('Member');
    return toMemberView(membership);
  }

  /** Oldest members first, paged by (joined at, user id). */
  async members(
    manager: EntityManager,
    networkId: string,
    query: PageQuery,
  ): Promise<Page<MemberView>> {
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const builder = manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoinAndSelect('m.user', 'u')
      .leftJoinAndSelect('u.organisation', 'o')
      .where('m.networkId = :networkId', { networkId })
      .orderBy("date_trunc('milliseconds', m.created_at)", 'ASC')
      .addOrderBy('m.userId', 'ASC')
      .limit(limit + 1);
    if (after) {
      builder.andWhere(
        "(date_trunc('milliseconds', m.created_at), m.user_id) > (:at::timestamptz, :uid::uuid)",
        {
          at: after[0],
          uid: after[1],
        },
      );
    }
    const rows = await builder.getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toMemberView),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([last.createdAt.toISOString(), last.userId])
          : null,
    };
  }

  /** Whether the account with this (normalised) email is a member of the network. */
  hasMemberWithEmail(manager: EntityManager, networkId: string, email: string): Promise<boolean> {
    return manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin('m.user', 'u')
      .where('m.networkId = :networkId AND u.email = :email', { networkId, email })
      .getExists();
  }

  user(manager: EntityManager, userId: string): Promise<UserEntity> {
    return manager.findOneByOrFail(UserEntity, { id: userId });
  }

  /** The display name of an account that may have been deleted since (then null). */
  async displayName(manager: EntityManager, userId: string): Promise<string | null> {
    const user = await manager.findOneBy(UserEntity, { id: userId });
    return user?.displayName ?? null;
  }
}

function networkFromRow(row: NetworkRow): NetworkEntity {
  return Object.assign(new NetworkEntity(), {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
