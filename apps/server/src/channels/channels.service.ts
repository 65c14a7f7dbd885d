import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import { ChannelView, conflict, enforce, notFound } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import type { Actor } from '../platform/http/actor';
import { returnedRows } from '../platform/database/sql';
import { ChannelAccessLostEvent, EVENTS } from '../platform/events/domain-events';
import { MembershipEntity } from '../networks/membership.entity';
import { NetworkEntity } from '../networks/network.entity';
import { loadChannelAccess } from './channel-access';
import { ChannelEntity, ChannelMemberEntity } from './channel.entity';
import type {
  AddChannelMemberDto,
  ChannelListQuery,
  CreateChannelDto,
  UpdateChannelDto,
} from './dto/channel.dto';
import { DomainEvents } from '../platform/events/domain-event-bus';

interface ChannelRow {
  id: string;
  network_id: string;
  network_slug: string;
  slug: string;
  name: string;
  description: string;
  topics: policy.Topic[];
  visibility: policy.ChannelVisibility;
  archived_at: Date | null;
  slow_mode_seconds: number;
  created_at: Date;
  thread_count: string;
  unread_count: string;
}

const CHANNEL_SELECT = `
  SELECT c.id, c.network_id, n.slug AS network_slug, c.slug, c.name, c.description, c.topics, c.visibility,
         c.archived_at, c.slow_mode_seconds, c.created_at,
         (SELECT count(*) FROM threads t WHERE t.channel_id = c.id) AS thread_count,
         (SELECT coalesce(sum(greatest(t.last_seq - coalesce(r.last_read_seq, 0), 0)), 0)
            FROM threads t LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1
           WHERE t.channel_id = c.id) AS unread_count
    FROM channels c JOIN networks n ON n.id = c.network_id`;

/** The SQL form of canReadChannel for a member: network channels, or private ones they are listed on. */
const READABLE = `(c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $1))`;

@Injectable()
export class ChannelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly audit: AuditLogService,
  ) {}

  async create(actor: Actor, networkSlug: string, dto: CreateChannelDto): Promise<ChannelView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const { network, standing } = await this.networkStanding(manager, actor, networkSlug);
      enforce(policy.createChannel(standing));
      if (await manager.existsBy(ChannelEntity, { networkId: network.id, slug: dto.slug })) {
        throw conflict(`This network already has a channel "${dto.slug}"`);
      }
      const channel = await manager.save(
        manager.create(ChannelEntity, {
          networkId: network.id,
          slug: dto.slug,
          name: dto.name,
          description: dto.description ?? '',
          topics: dto.topics ?? [],
          visibility: dto.visibility,
          createdBy: actor.userId,
        }),
      );
      // The creator of a private channel is on its list, or they could not read what they made.
      if (dto.visibility === 'private') {
        await manager.insert(ChannelMemberEntity, {
          channelId: channel.id,
          userId: actor.userId,
          addedBy: actor.userId,
        });
      }
      return channel.id;
    });
    return this.get(actor, id);
  }

  /**
   * A private channel listing exactly `memberIds`, for a feature that owns the channel's life
   * (a mentoring pair's channel): the caller has already decided that it may open one, so there
   * is no access check and no audit entry here. Run it inside the caller's transaction
   * (`manager`), so the channel exists only if the caller's change commits. Returns its id.
   */
  async openPrivateChannel(
    manager: EntityManager,
    channel: {
      networkId: string;
      name: string;
      slug: string;
      topics: policy.Topic[];
      memberIds: string[];
      createdBy: string;
    },
  ): Promise<string> {
    const created = await manager.save(
      manager.create(ChannelEntity, {
        networkId: channel.networkId,
        slug: channel.slug,
        name: channel.name,
        description: '',
        topics: channel.topics,
        visibility: 'private',
        createdBy: channel.createdBy,
      }),
    );
    await manager.insert(
      ChannelMemberEntity,
      channel.memberIds.map((userId) => ({
        channelId: created.id,
        userId,
        addedBy: channel.createdBy,
      })),
    );
    return created.id;
  }

  async list(actor: Actor, networkSlug: string, query: ChannelListQuery): Promise<ChannelView[]> {
    const { network, standing } = await this.networkStanding(
      this.dataSource.manager,
      actor,
      networkSlug,
    );
    if (standing === null)
      throw new policy.DomainError('forbidden', 'Join the network to read its channels');
    const rows: ChannelRow[] = await this.dataSource.query(
      `${CHANNEL_SELECT}
        WHERE c.network_id = $2 AND ${READABLE} ${query.archived ? '' : 'AND c.archived_at IS NULL'}
        ORDER BY c.archived_at NULLS FIRST, lower(c.name), c.id`,
      [actor.userId, network.id],
    );
    return rows.map(toChannelView);
  }

  async get(actor: Actor, channelId: string): Promise<ChannelView> {
    const access = await loadChannelAccess(this.dataSource.manager, actor.userId, channelId);
    enforce(policy.readChannel(access));
    return this.view(actor, channelId);
  }

  /**
   * For joining the channel's live room (`channel:join`): reading it, as over HTTP, and taking
   * part in the network (a suspended member reads over HTTP but is kept out of live rooms).
   */
  async joinLive(
    actor: Actor,
    channelId: string,
  ): Promise<{ networkId: string; channelId: string }> {
    const access = await loadChannelAccess(this.dataSource.manager, actor.userId, channelId);
    enforce(policy.readChannel(access));
    enforce(policy.participate(access, new Date()));
    return { networkId: access.networkId, channelId: access.channelId };
  }

  /**
   * The answer to a change a moderator was allowed to make. Admins and moderators manage a
   * private channel's list without being on it: they get the channel back (not a 404 for a write
   * that happened), but no unread count for a conversation they cannot read.
   */
  private async managedView(actor: Actor, channelId: string): Promise<ChannelView> {
    const access = await loadChannelAccess(this.dataSource.manager, actor.userId, channelId);
    enforce(policy.manageChannel(access));
    const view = await this.view(actor, channelId);
    return policy.canReadChannel(access) ? view : { ...view, unreadCount: 0 };
  }

  private async view(actor: Actor, channelId: string): Promise<ChannelView> {
    const rows: ChannelRow[] = await this.dataSource.query(`${CHANNEL_SELECT} WHERE c.id = $2`, [
      actor.userId,
      channelId,
    ]);
    return toChannelView(rows[0]);
  }

  async update(actor: Actor, channelId: string, dto: UpdateChannelDto): Promise<ChannelView> {
    const cutOff = await this.dataSource.transaction(async (manager) => {
      const access = await loadChannelAccess(manager, actor.userId, channelId);
      enforce(policy.changeChannelSettings(access));
      if (dto.visibility)
        enforce(policy.changeChannelVisibility(access.visibility, dto.visibility));
      const changes: Partial<ChannelEntity> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.topics !== undefined) changes.topics = dto.topics;
      if (dto.visibility !== undefined) changes.visibility = dto.visibility;
      if (dto.archived !== undefined) changes.archivedAt = dto.archived ? new Date() : null;
      if (Object.keys(changes).length > 0)
        await manager.update(ChannelEntity, { id: channelId }, changes);
      // Narrowing a network channel to private: its current readers keep nothing implicitly;
      // the moderator who narrowed it stays on the list so the channel is not orphaned.
      if (dto.visibility === 'private' && access.visibility === 'network') {
        await manager
          .createQueryBuilder()
          .insert()
          .into(ChannelMemberEntity)
          .values({ channelId, userId: actor.userId, addedBy: actor.userId })
          .orIgnore()
          .execute();
        // Everyone in the network who is not on the new list loses the channel now.
        const unlisted: { user_id: string }[] = await manager.query(
          `SELECT m.user_id FROM network_memberships m
            WHERE m.network_id = $1
              AND NOT EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = $2 AND cm.user_id = m.user_id)`,
          [access.networkId, channelId],
        );
        return unlisted.map((row) => row.user_id);
      }
      return [];
    });
    for (const userId of cutOff) {
      const event: ChannelAccessLostEvent = { channelId, userId };
      this.events.committed(EVENTS.channelAccessLost, event);
    }
    return this.managedView(actor, channelId);
  }

  async addMember(actor: Actor, channelId: string, dto: AddChannelMemberDto): Promise<ChannelView> {
    await this.dataSource.transaction(async (manager) => {
      const access = await loadChannelAccess(manager, actor.userId, channelId);
      enforce(policy.manageChannel(access));
      if (access.visibility === 'network') {
        throw conflict(
          'Everyone in the network already reads this channel; only private channels have a member list',
        );
      }
      if (
        !(await manager.existsBy(MembershipEntity, {
          networkId: access.networkId,
          userId: dto.userId,
        }))
      ) {
        throw notFound('Member');
      }
      const inserted = returnedRows(
        await manager.query(
          `INSERT INTO channel_members (channel_id, user_id, added_by) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING user_id`,
          [channelId, dto.userId, actor.userId],
        ),
      );
      // The pair managing their own pairing channel is not a moderator action.
      if (inserted.length > 0 && !access.pairing) {
        await this.audit.record(manager, {
          networkId: access.networkId,
          actorId: actor.userId,
          action: 'channel.member_added',
          subject: { type: 'channel', id: channelId },
          details: { userId: dto.userId },
        });
      }
    });
    return this.managedView(actor, channelId);
  }

  /** Moderators remove anyone from a private channel's list; a member may remove themselves. */
  async removeMember(actor: Actor, channelId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const access = await loadChannelAccess(manager, actor.userId, channelId);
      enforce(
        policy.removeFromChannel(access, {
          self: userId === actor.userId,
          isPairingPartner: access.pairingPartnerIds.includes(userId),
        }),
      );
      const result = await manager.delete(ChannelMemberEntity, { channelId, userId });
      if (!result.affected) throw notFound('Channel member');
      if (userId !== actor.userId && !access.pairing) {
        await this.audit.record(manager, {
          networkId: access.networkId,
          actorId: actor.userId,
          action: 'channel.member_removed',
          subject: { type: 'channel', id: channelId },
          details: { userId },
        });
      }
    });
    const event: ChannelAccessLostEvent = { channelId, userId };
    this.events.committed(EVENTS.channelAccessLost, event);
  }

  private async networkStanding(manager: EntityManager, actor: Actor, slug: string) {
    if (typeof slug !== 'string') throw notFound('Network');
    const network = await manager.findOneBy(NetworkEntity, { slug });
    if (!network) throw notFound('Network');
    const membership = await manager.findOneBy(MembershipEntity, {
      networkId: network.id,
      userId: actor.userId,
    });
    const standing = membership?.role ?? null;
    if (!policy.canSeeNetwork(network.visibility, standing)) throw notFound('Network');
    return { network, standing };
  }
}

function toChannelView(row: ChannelRow): ChannelView {
  return {
    id: row.id,
    networkId: row.network_id,
    networkSlug: row.network_slug,
    slug: row.slug,
    name: row.name,
    description: row.description,
    topics: row.topics,
    visibility: row.visibility,
    archived: row.archived_at !== null,
    slowModeSeconds: row.slow_mode_seconds,
    threadCount: Number(row.thread_count),
    unreadCount: Number(row.unread_count),
    createdAt: row.created_at.toISOString(),
  };
}
