import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  conflict,
  enforce,
  INVITATION_TTL_DAYS,
  InvitationCreated,
  InvitationPreview,
  InvitationView,
  MemberView,
  NetworkRole,
  NetworkView,
  normaliseEmail,
  notFound,
  Page,
  Standing,
} from '@tandem/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import { hashToken, newOpaqueToken } from '../auth/tokens';
import { EVENTS, NetworkAccessLostEvent } from '../platform/events/domain-events';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize, PageQuery } from '../platform/http/pagination';
import { escapeLike } from '../organisations/organisations.service';
import { UserEntity } from '../users/user.entity';
import type {
  ChangeRoleDto,
  CreateInvitationDto,
  CreateNetworkDto,
  NetworkListQuery,
} from './dto/network.dto';
import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { loadNetworkAccess, loadStanding } from './network-access';
import { NetworkEntity } from './network.entity';
import { toInvitationView, toMemberView, toNetworkView } from './network-views';
import { DomainEvents } from '../platform/events/domain-event-bus';

interface NetworkContext {
  network: NetworkEntity;
  standing: Standing;
}

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

@Injectable()
export class NetworksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly audit: AuditLogService,
  ) {}

  async create(actor: Actor, dto: CreateNetworkDto): Promise<NetworkView> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(NetworkEntity, { slug: dto.slug })) {
        throw conflict(`The address "${dto.slug}" is taken; choose another slug`);
      }
      const network = manager.create(NetworkEntity, {
        slug: dto.slug,
        name: dto.name,
        description: dto.description ?? '',
        visibility: dto.visibility,
        createdBy: actor.userId,
      });
      await manager.save(network);
      await manager.insert(MembershipEntity, {
        networkId: network.id,
        userId: actor.userId,
        role: 'admin',
      });
      return toNetworkView(network, 1, 'admin');
    });
  }

  /**
   * Networks the caller belongs to, plus open and invite-only ones. The WHERE clause is the SQL
   * form of the domain's canSeeNetwork: private networks appear to their members only.
   */
  async list(actor: Actor, query: NetworkListQuery): Promise<Page<NetworkView>> {
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const params: unknown[] = [actor.userId];
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
    const rows: NetworkRow[] = await this.dataSource.query(
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

  async get(actor: Actor, slug: string): Promise<NetworkView> {
    const { network, standing } = await this.context(this.dataSource.manager, actor, slug);
    enforce(policy.viewNetwork(network.visibility, standing));
    return this.view(this.dataSource.manager, network, standing);
  }

  async join(actor: Actor, slug: string): Promise<NetworkView> {
    return this.dataSource.transaction(async (manager) => {
      const { network, standing } = await this.context(manager, actor, slug);
      enforce(policy.joinNetwork(network.visibility, standing));
      await manager
        .createQueryBuilder()
        .insert()
        .into(MembershipEntity)
        .values({ networkId: network.id, userId: actor.userId, role: 'member' })
        .orIgnore()
        .execute();
      return this.view(manager, network, 'member');
    });
  }

  async leave(actor: Actor, slug: string): Promise<void> {
    await this.remove(actor, slug, actor.userId);
  }

  /** Removing and demoting lock the network row so two admins cannot both step down at once. */
  async remove(actor: Actor, slug: string, userId: string): Promise<void> {
    const networkId = await this.dataSource.transaction(async (manager) => {
      const { network, standing } = await this.context(manager, actor, slug, { lock: true });
      const target =
        userId === actor.userId ? standing : await this.standing(manager, network.id, userId);
      enforce(
        policy.removeMember({
          visibility: network.visibility,
          actor: standing,
          target,
          self: userId === actor.userId,
          adminCount: await this.adminCount(manager, network.id),
        }),
      );
      await manager.delete(MembershipEntity, { networkId: network.id, userId });
      if (userId !== actor.userId) {
        await this.audit.record(manager, {
          networkId: network.id,
          actorId: actor.userId,
          action: 'member.removed',
          subject: { type: 'user', id: userId },
          details: { role: target },
        });
      }
      // Private-channel lists belong to the membership: someone invited back starts afresh.
      await manager.query(
        `DELETE FROM channel_members WHERE user_id = $1 AND channel_id IN (SELECT id FROM channels WHERE network_id = $2)`,
        [userId, network.id],
      );
      return network.id;
    });
    const event: NetworkAccessLostEvent = { networkId, userId };
    this.events.committed(EVENTS.networkAccessLost, event);
  }

  async changeRole(
    actor: Actor,
    slug: string,
    userId: string,
    dto: ChangeRoleDto,
  ): Promise<MemberView> {
    return this.dataSource.transaction(async (manager) => {
      const { network, standing } = await this.context(manager, actor, slug, { lock: true });
      const target = await this.standing(manager, network.id, userId);
      enforce(
        policy.changeRole({
          visibility: network.visibility,
          actor: standing,
          target,
          next: dto.role,
          adminCount: await this.adminCount(manager, network.id),
        }),
      );
      await manager.update(MembershipEntity, { networkId: network.id, userId }, { role: dto.role });
      if (target !== dto.role) {
        await this.audit.record(manager, {
          networkId: network.id,
          actorId: actor.userId,
          action: 'member.role_changed',
          subject: { type: 'user', id: userId },
          details: { from: target, to: dto.role },
        });
      }
      return toMemberView(await this.membership(manager, network.id, userId));
    });
  }

  async members(actor: Actor, slug: string, query: PageQuery): Promise<Page<MemberView>> {
    const { network, standing } = await this.context(this.dataSource.manager, actor, slug);
    enforce(policy.listMembers(network.visibility, standing));
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const builder = this.dataSource.manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoinAndSelect('m.user', 'u')
      .leftJoinAndSelect('u.organisation', 'o')
      .where('m.networkId = :networkId', { networkId: network.id })
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

  async invite(actor: Actor, slug: string, dto: CreateInvitationDto): Promise<InvitationCreated> {
    return this.dataSource.transaction(async (manager) => {
      const { network, standing } = await this.context(manager, actor, slug);
      enforce(policy.invite(network.visibility, standing, dto.role));
      const email = normaliseEmail(dto.email);
      const already = await manager
        .createQueryBuilder(MembershipEntity, 'm')
        .innerJoin('m.user', 'u')
        .where('m.networkId = :networkId AND u.email = :email', { networkId: network.id, email })
        .getExists();
      if (already) throw conflict('That person is already a member of this network');
      // A fresh invitation replaces any still pending for the same address.
      await manager.update(
        InvitationEntity,
        { networkId: network.id, email, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      const token = newOpaqueToken();
      const invitation = manager.create(InvitationEntity, {
        networkId: network.id,
        email,
        role: dto.role,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      });
      await manager.save(invitation);
      return {
        token,
        acceptPath: `/invitations/${token}`,
        invitation: toInvitationView(invitation),
      };
    });
  }

  /** Pending invitations (not used, revoked or expired), for those who may invite. */
  async invitations(actor: Actor, slug: string, query: PageQuery): Promise<Page<InvitationView>> {
    const { network, standing } = await this.context(this.dataSource.manager, actor, slug);
    enforce(policy.invite(network.visibility, standing, 'member'));
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const builder = this.dataSource.manager
      .createQueryBuilder(InvitationEntity, 'i')
      .where(
        'i.networkId = :networkId AND i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()',
        {
          networkId: network.id,
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

  async revokeInvitation(actor: Actor, slug: string, invitationId: string): Promise<void> {
    const { network, standing } = await this.context(this.dataSource.manager, actor, slug);
    enforce(policy.invite(network.visibility, standing, 'member'));
    const result = await this.dataSource.manager.update(
      InvitationEntity,
      { id: invitationId, networkId: network.id, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    if (!result.affected) throw notFound('Invitation');
  }

  async previewInvitation(actor: Actor, token: string): Promise<InvitationPreview> {
    const manager = this.dataSource.manager;
    const invitation = await this.findInvitation(manager, token);
    const network = await manager.findOneByOrFail(NetworkEntity, { id: invitation.networkId });
    await this.checkInvitation(manager, actor, invitation);
    const inviter = invitation.invitedBy
      ? await manager.findOneBy(UserEntity, { id: invitation.invitedBy })
      : null;
    return {
      network: {
        slug: network.slug,
        name: network.name,
        description: network.description,
        visibility: network.visibility,
      },
      role: invitation.role,
      email: invitation.email,
      expiresAt: invitation.expiresAt.toISOString(),
      invitedBy: inviter?.displayName ?? 'A former member',
    };
  }

  async acceptInvitation(actor: Actor, token: string): Promise<NetworkView> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.findInvitation(manager, token, { lock: true });
      await this.checkInvitation(manager, actor, invitation);
      await manager.insert(MembershipEntity, {
        networkId: invitation.networkId,
        userId: actor.userId,
        role: invitation.role,
      });
      await manager.update(
        InvitationEntity,
        { id: invitation.id },
        { acceptedAt: new Date(), acceptedBy: actor.userId },
      );
      const network = await manager.findOneByOrFail(NetworkEntity, { id: invitation.networkId });
      return this.view(manager, network, invitation.role);
    });
  }

  private async findInvitation(
    manager: EntityManager,
    token: string,
    options: { lock?: boolean } = {},
  ): Promise<InvitationEntity> {
    const invitation = await manager.findOne(InvitationEntity, {
      where: { tokenHash: hashToken(token) },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!invitation) throw notFound('Invitation');
    return invitation;
  }

  private async checkInvitation(
    manager: EntityManager,
    actor: Actor,
    invitation: InvitationEntity,
  ): Promise<void> {
    const user = await manager.findOneByOrFail(UserEntity, { id: actor.userId });
    enforce(
      policy.acceptInvitation({
        invitedEmail: invitation.email,
        accepterEmail: user.email,
        expiresAt: invitation.expiresAt,
        acceptedAt: invitation.acceptedAt,
        revokedAt: invitation.revokedAt,
        now: new Date(),
        alreadyMember: (await this.standing(manager, invitation.networkId, actor.userId)) !== null,
      }),
    );
  }

  /** See loadNetworkAccess: a network the caller may not see is reported like a missing one. */
  private context(
    manager: EntityManager,
    actor: Actor,
    slug: string,
    options: { lock?: boolean } = {},
  ): Promise<NetworkContext> {
    return loadNetworkAccess(manager, actor.userId, slug, options);
  }

  private standing(manager: EntityManager, networkId: string, userId: string): Promise<Standing> {
    return loadStanding(manager, networkId, userId);
  }

  private async membership(
    manager: EntityManager,
    networkId: string,
    userId: string,
  ): Promise<MembershipEntity> {
    const membership = await manager.findOne(MembershipEntity, {
      where: { networkId, userId },
      relations: { user: { organisation: true } },
    });
    if (!membership) throw notFound('Member');
    return membership;
  }

  private adminCount(manager: EntityManager, networkId: string): Promise<number> {
    return manager.countBy(MembershipEntity, { networkId, role: 'admin' });
  }

  private async view(
    manager: EntityManager,
    network: NetworkEntity,
    standing: Standing,
  ): Promise<NetworkView> {
    return toNetworkView(
      network,
      await manager.countBy(MembershipEntity, { networkId: network.id }),
      standing,
    );
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
