import { Inject, Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  type ChathamAssignment,
  chathamLabelFor,
  type ChathamSettingsView,
  CHATHAM_MIN_GROUP_CEILING,
  effectiveMinGroup,
  enforce,
  type FineLabelCode,
  type LabelCode,
  type NetworkComposition,
  renderLabel,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import type { Actor } from '../platform/http/actor';
import { ChathamRepository } from './chatham.repository';
import type { UpdateChathamSettingsDto } from './dto/network.dto';
import { loadNetworkAccess } from './network-access';

/** The label a post is written with: its code and its English text (kept for SQL readers). */
export interface PostLabel {
  code: LabelCode;
  text: string;
}

/**
 * Chatham House labels for a network: which label a post gets when it is written (see
 * libs/domain/src/chatham.ts), and the network's group size setting.
 */
@Injectable()
export class ChathamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ChathamRepository,
    private readonly audit: AuditLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get instanceMinGroup(): number {
    return this.config.chathamMinGroup;
  }

  minGroupOf(networkMinGroup: number | null): number {
    return effectiveMinGroup(this.config.chathamMinGroup, networkMinGroup);
  }

  /**
   * The label a post by someone with `fine` label carries: in a named thread their own, in a
   * Chatham House thread the one at least the network's group size share now (frozen with the
   * post by the caller, which writes it).
   */
  labelForPost(
    attribution: policy.Attribution,
    fine: FineLabelCode,
    composition: NetworkComposition | null,
    networkMinGroup: number | null,
  ): PostLabel & { assignment: ChathamAssignment | null } {
    if (attribution !== 'chatham' || composition === null)
      return { code: fine, text: renderLabel(fine, 'en'), assignment: null };
    const assignment = chathamLabelFor(composition, this.minGroupOf(networkMinGroup), fine);
    return { code: assignment.code, text: renderLabel(assignment.code, 'en'), assignment };
  }

  /** As `labelForPost`, reading the network's composition and setting (not the hot path). */
  async labelFor(
    manager: EntityManager,
    networkId: string,
    attribution: policy.Attribution,
    userId: string,
  ): Promise<
    PostLabel & { assignment: ChathamAssignment | null; fine: FineLabelCode; minGroup: number }
  > {
    const fine = await this.repository.fineLabelOf(manager, userId);
    const networkMinGroup = await this.repository.networkMinGroup(manager, networkId);
    const composition =
      attribution === 'chatham' ? await this.repository.composition(manager, networkId) : null;
    return {
      ...this.labelForPost(attribution, fine, composition, networkMinGroup),
      fine,
      minGroup: this.minGroupOf(networkMinGroup),
    };
  }

  async settings(
    actor: Actor,
    slug: string,
  ): Promise<ChathamSettingsView & { canChange: boolean }> {
    const manager = this.dataSource.manager;
    const { network, standing } = await loadNetworkAccess(manager, actor.userId, slug);
    enforce(policy.readChathamSettings(standing));
    return {
      minGroup: this.minGroupOf(await this.repository.networkMinGroup(manager, network.id)),
      instanceMinGroup: this.config.chathamMinGroup,
      maxMinGroup: CHATHAM_MIN_GROUP_CEILING,
      canChange: standing === 'admin',
    };
  }

  /** Admins only. Posts already written keep their labels; only new posts use the new size. */
  async updateSettings(
    actor: Actor,
    slug: string,
    dto: UpdateChathamSettingsDto,
  ): Promise<ChathamSettingsView & { canChange: boolean }> {
    await this.dataSource.transaction(async (manager) => {
      const { network, standing } = await loadNetworkAccess(manager, actor.userId, slug, {
        lock: true,
      });
      enforce(policy.changeChathamSettings(standing, dto.minGroup, this.config.chathamMinGroup));
      const before = this.minGroupOf(await this.repository.networkMinGroup(manager, network.id));
      if (before === dto.minGroup) return;
      // Equal to the instance's value: store none, so the network follows the instance's.
      const stored = dto.minGroup === this.config.chathamMinGroup ? null : dto.minGroup;
      await this.repository.setNetworkMinGroup(manager, network.id, stored);
      await this.audit.record(manager, {
        networkId: network.id,
        actorId: actor.userId,
        action: 'network.chatham_min_group_changed',
        subject: { type: 'network', id: network.id },
        details: { from: before, to: dto.minGroup },
      });
    });
    return this.settings(actor, slug);
  }
}
