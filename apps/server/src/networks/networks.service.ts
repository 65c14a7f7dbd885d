import { Inject, Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  conflict,
  enforce,
  INVITATION_TTL_DAYS,
  InvitationCreated,
  InvitationPreview,
  InvitationView,
  MemberView,
  NetworkView,
  normaliseEmail,
  notFound,
  Page,
  Standing,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import { hashToken, newOpaqueToken } from '../auth/tokens';
import { EVENTS } from '../platform/events/domain-events';
import type { Actor } from '../platform/http/actor';
import type { PageQuery } from '../platform/http/pagination';
import type {
  ChangeRoleDto,
  CreateInvitationDto,
  CreateNetworkDto,
  NetworkListQuery,
} from './dto/network.dto';
import type { InvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { loadNetworkAccess, loadStanding } from './network-access';
import type { NetworkEntity } from './network.entity';
import { toInvitationView, toNetworkView } from './network-views';
import { NetworksRepository } from './networks.repository';
import { DomainEvents } from '../platform/events/domain-event-bus';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { MailService } from '../platform/mail/mail.service';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { UsersService } from '../users/users.service';

interface NetworkContext {
  network: NetworkEntity;
  standing: Standing;
}

@Injectable()
export class NetworksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly networkRepository: NetworksRepository,
    private readonly invitationRepository: InvitationsRepository,
    private readonly events: DomainEvents,
    private readonly audit: AuditLogService,
    private readonly mail: MailService,
    private readonly users: UsersService,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, dto: CreateNetworkDto): Promise<NetworkView> {
    return this.dataSource.transaction(async (manager) => {
      if (await this.networkRepository.slugTaken(manager, dto.slug)) {
        throw conflict(`The address "${dto.slug}" is taken; choose another slug`);
      }
      const network = await this.networkRepository.insertNetwork(manager, {
        slug: dto.slug,
        name: dto.name,
        description: dto.description ?? '',
        visibility: dto.visibility,
        createdBy: actor.userId,
      });
      await this.networkRepository.addMember(manager, {
        networkId: network.id,
        userId: actor.userId,
        role: 'admin',
      });
      return toNetworkView(network, 1, 'admin');
    });
  }

  /** Networks the caller belongs to, plus open and invite-only ones (canSeeNetwork). */
  list(actor: Actor, query: NetworkListQuery): Promise<Page<NetworkView>> {
    return this.networkRepository.listVisible(this.dataSource.manager, actor.userId, query);
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
      await this.networkRepository.addMemberIfAbsent(manager, {
        networkId: network.id,
        userId: actor.userId,
        role: 'member',
      });
      return this.view(manager, network, 'member');
    });
  }

  async leave(actor: Actor, slug: string): Promise<void> {
    await this.remove(actor, slug, actor.userId);
  }

  /** Removing and demoting lock the network row so two admins cannot both step down at once. */
  async remove(actor: Actor, slug: string, userId: string): Promise<void> {
    await this.events.transaction(async (manager, events) => {
      const { network, standing } = await this.context(manager, actor, slug, { lock: true });
      const target =
        userId === actor.userId ? standing : await this.standing(manager, network.id, userId);
      enforce(
        policy.removeMember({
          visibility: network.visibility,
          actor: standing,
          target,
          self: userId === actor.userId,
          adminCount: await this.networkRepository.adminCount(manager, network.id),
        }),
      );
      await this.networkRepository.removeMember(manager, network.id, userId);
      if (userId !== actor.userId) {
        await this.audit.record(manager, {
          networkId: network.id,
          actorId: actor.userId,
          action: 'member.removed',
          subject: { type: 'user', id: userId },
          details: { role: target },
        });
      }
      events.add(EVENTS.networkAccessLost, { networkId: network.id, userId });
    });
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
          adminCount: await this.networkRepository.adminCount(manager, network.id),
        }),
      );
      await this.networkRepository.setRole(manager, network.id, userId, dto.role);
      if (target !== dto.role) {
        await this.audit.record(manager, {
          networkId: network.id,
          actorId: actor.userId,
          action: 'member.role_changed',
          subject: { type: 'user', id: userId },
          details: { from: target, to: dto.role },
        });
      }
      return this.networkRepository.member(manager, network.id, userId);
    });
  }

  async members(actor: Actor, slug: string, query: PageQuery): Promise<Page<MemberView>> {
    const { network, standing } = await this.context(this.dataSource.manager, actor, slug);
    enforce(policy.listMembers(network.visibility, standing));
    return this.networkRepository.members(this.dataSource.manager, network.id, query);
  }

  /**
   * Creates the invitation and mails it, in one transaction: to the invitee in their own
   * locale when the address has an account, else in the inviter's. The inviter still gets the
   * link (the token is shown once) to pass on another way.
   */
  async invite(actor: Actor, slug: string, dto: CreateInvitationDto): Promise<InvitationCreated> {
    await this.rateLimits.consume(
      `invite:acct:${actor.userId}`,
      this.config.rateLimits.invitationsPerAccount,
      'Too many invitations sent; try again later',
    );
    return this.dataSource.transaction(async (manager) => {
      const { network, standing } = await this.context(manager, actor, slug);
      enforce(policy.invite(network.visibility, standing, dto.role));
      const email = normaliseEmail(dto.email);
      if (await this.networkRepository.hasMemberWithEmail(manager, network.id, email)) {
        throw conflict('That person is already a member of this network');
      }
      // A fresh invitation replaces any still pending for the same address.
      await this.invitationRepository.revokePendingFor(manager, network.id, email);
      const token = newOpaqueToken();
      const invitation = await this.invitationRepository.insert(manager, {
        networkId: network.id,
        email,
        role: dto.role,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      });
      const inviter = await this.networkRepository.user(manager, actor.userId);
      const invitee = await this.users.recipientByEmail(manager, email);
      await this.mail.queue(manager, {
        to: email,
        template: 'invitation',
        locale: invitee?.locale ?? inviter.locale,
        data: {
          inviterName: inviter.displayName,
          networkName: network.name,
          role: dto.role,
          email,
          acceptUrl: `${this.config.publicUrl}/invitations/${token}`,
          expiresAt: invitation.expiresAt.toISOString(),
        },
        transactional: true,
      });
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
    return this.invitationRepository.pending(this.dataSource.manager, network.id, query);
  }

  async revokeInvitation(actor: Actor, slug: string, invitationId: string): Promise<void> {
    const { network, standing } = await this.context(this.dataSource.manager, actor, slug);
    enforce(policy.invite(network.visibility, standing, 'member'));
    const revoked = await this.invitationRepository.revoke(
      this.dataSource.manager,
      network.id,
      invitationId,
    );
    if (!revoked) throw notFound('Invitation');
  }

  async previewInvitation(actor: Actor, token: string): Promise<InvitationPreview> {
    const manager = this.dataSource.manager;
    const invitation = await this.findInvitation(manager, token);
    const network = await this.networkRepository.byId(manager, invitation.networkId);
    await this.checkInvitation(manager, actor, invitation);
    const inviter = invitation.invitedBy
      ? await this.networkRepository.displayName(manager, invitation.invitedBy)
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
      invitedBy: inviter ?? 'A former member',
    };
  }

  async acceptInvitation(actor: Actor, token: string): Promise<NetworkView> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.findInvitation(manager, token, { lock: true });
      await this.checkInvitation(manager, actor, invitation);
      await this.networkRepository.addMember(manager, {
        networkId: invitation.networkId,
        userId: actor.userId,
        role: invitation.role,
      });
      await this.invitationRepository.markAccepted(manager, invitation.id, actor.userId);
      // The invitation was mailed to this address, and its link was opened by its owner.
      await this.users.markVerifiedIfUnverified(manager, actor.userId, invitation.email);
      const network = await this.networkRepository.byId(manager, invitation.networkId);
      return this.view(manager, network, invitation.role);
    });
  }

  private async findInvitation(
    manager: EntityManager,
    token: string,
    options: { lock?: boolean } = {},
  ): Promise<InvitationEntity> {
    const invitation = await this.invitationRepository.findByTokenHash(
      manager,
      hashToken(token),
      options,
    );
    if (!invitation) throw notFound('Invitation');
    return invitation;
  }

  private async checkInvitation(
    manager: EntityManager,
    actor: Actor,
    invitation: InvitationEntity,
  ): Promise<void> {
    const user = await this.networkRepository.user(manager, actor.userId);
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

  private async view(
    manager: EntityManager,
    network: NetworkEntity,
    standing: Standing,
  ): Promise<NetworkView> {
    return toNetworkView(
      network,
      await this.networkRepository.memberCount(manager, network.id),
      standing,
    );
  }
}
