import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import { ChannelView, conflict, enforce, notFound } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import type { Actor } from '../platform/http/actor';
import { ChannelAccessLostEvent, EVENTS } from '../platform/events/domain-events';
import { loadNetworkAccess } from '../networks/network-access';
import { loadChannelAccess } from './channel-access';
import type { ChannelEntity } from './channel.entity';
import { ChannelsRepository } from './channels.repository';
import type {
  AddChannelMemberDto,
  ChannelListQuery,
  CreateChannelDto,
  UpdateChannelDto,
} from './dto/channel.dto';
import { DomainEvents } from '../platform/events/domain-event-bus';

@Injectable()
export class ChannelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly audit: AuditLogService,
    private readonly channels: ChannelsRepository,
  ) {}

  async create(actor: Actor, networkSlug: string, dto: CreateChannelDto): Promise<ChannelView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const { network, standing } = await loadNetworkAccess(manager, actor.userId, networkSlug);
      enforce(policy.createChannel(standing));
      if (await this.channels.slugTaken(manager, network.id, dto.slug)) {
        throw conflict(`This network already has a channel "${dto.slug}"`);
      }
      const channel = await this.channels.create(manager, {
        networkId: network.id,
        slug: dto.slug,
        name: dto.name,
        description: dto.description ?? '',
        topics: dto.topics ?? [],
        visibility: dto.visibility,
        createdBy: actor.userId,
      });
      // The creator of a private channel is on its list, or they could not read what they made.
      if (dto.visibility === 'private') {
        await this.channels.addToList(manager, channel.id, actor.userId, actor.userId);
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
    const created = await this.channels.create(manager, {
      networkId: channel.networkId,
      slug: channel.slug,
      name: channel.name,
      description: '',
      topics: channel.topics,
      visibility: 'private',
      createdBy: channel.createdBy,
    });
    for (const userId of channel.memberIds) {
      await this.channels.addToList(manager, created.id, userId, channel.createdBy);
    }
    return created.id;
  }

  /**
   * Archives a channel that a feature owns (a pairing's, when the pairing ends): it stays
   * readable and is never writable again. Like `openPrivateChannel`, the caller has decided and
   * runs it inside its own transaction.
   */
  async archiveOwnedChannel(manager: EntityManager, channelId: string, at: Date): Promise<void> {
    await this.channels.update(manager, channelId, { archivedAt: at });
  }

  async list(actor: Actor, networkSlug: string, query: ChannelListQuery): Promise<ChannelView[]> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      networkSlug,
    );
    if (standing === null)
      throw new policy.DomainError('forbidden', 'Join the network to read its channels');
    return this.channels.listReadable(actor.userId, network.id, query.archived === true);
  }

  async get(actor: Actor, channelId: string): Promise<ChannelView> {
    const access = await loadChannelAccess(this.dataSource.manager, actor.userId, channelId);
    enforce(policy.readChannel(access));
    return this.channels.viewFor(actor.userId, channelId);
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
    const view = await this.channels.viewFor(actor.userId, channelId);
    return policy.canReadChannel(access) ? view : { ...view, unreadCount: 0 };
  }

  async update(actor: Actor, channelId: string, dto: UpdateChannelDto): Promise<ChannelView> {
    await this.events.transaction(async (manager, events) => {
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
      if (Object.keys(changes).length > 0) await this.channels.update(manager, channelId, changes);
      // Narrowing a network channel to private: its current readers keep nothing implicitly;
      // the moderator who narrowed it stays on the list so the channel is not orphaned.
      if (dto.visibility === 'private' && access.visibility === 'network') {
        await this.channels.addToList(manager, channelId, actor.userId, actor.userId);
        // Everyone in the network who is not on the new list loses the channel now.
        for (const userId of await this.channels.unlistedMembers(
          manager,
          access.networkId,
          channelId,
        )) {
          const event: ChannelAccessLostEvent = { channelId, userId };
          events.add(EVENTS.channelAccessLost, event);
        }
      }
    });
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
      if (!(await this.channels.isNetworkMember(manager, access.networkId, dto.userId))) {
        throw notFound('Member');
      }
      const added = await this.channels.addToList(manager, channelId, dto.userId, actor.userId);
      // The pair managing their own pairing channel is not a moderator action.
      if (added && !access.pairing) {
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
    await this.events.transaction(async (manager, events) => {
      const access = await loadChannelAccess(manager, actor.userId, channelId);
      enforce(
        policy.removeFromChannel(access, {
          self: userId === actor.userId,
          isPairingPartner: access.pairingPartnerIds.includes(userId),
        }),
      );
      if (!(await this.channels.removeFromList(manager, channelId, userId))) {
        throw notFound('Channel member');
      }
      if (userId !== actor.userId && !access.pairing) {
        await this.audit.record(manager, {
          networkId: access.networkId,
          actorId: actor.userId,
          action: 'channel.member_removed',
          subject: { type: 'channel', id: channelId },
          details: { userId },
        });
      }
      const event: ChannelAccessLostEvent = { channelId, userId };
      events.add(EVENTS.channelAccessLost, event);
    });
  }
}
