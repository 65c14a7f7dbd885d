import { Injectable } from '@nestjs/common';
import {
  conflict,
  coordinateMentoring,
  enforce,
  notFound,
  rankMentors,
  seeksMentoring,
  suggestMentors,
  SUGGESTIONS_LIMIT_DEFAULT,
  type MentoringProfileView,
  type Page,
  type SuggestionsView,
} from '@tandem/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { enforceNotSuspended, loadNetworkAccess } from '../networks/network-access';
import type {
  ProfileListQuery,
  SuggestionsQuery,
  UpsertMentoringProfileDto,
} from './dto/mentoring.dto';
import { joinFirst } from './mentoring-access';
import { mentoringFacts, toProfileView } from './mentoring-views';
import { candidateFacts, candidateToProfileView, ProfilesRepository } from './profiles.repository';

/** Mentoring profiles, and the mentors suggested from them. */
@Injectable()
export class MentoringProfilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfilesRepository,
  ) {}

  /** Creates or replaces the caller's own profile in the network. */
  async upsertProfile(
    actor: Actor,
    slug: string,
    dto: UpsertMentoringProfileDto,
  ): Promise<{ profile: MentoringProfileView; created: boolean }> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    if (standing === null) throw joinFirst();
    await enforceNotSuspended(this.dataSource.manager, network.id, actor.userId);
    const { created } = await this.profiles.upsert(network.id, actor.userId, dto);
    return { profile: await this.profileView(network.id, actor.userId), created };
  }

  async myProfile(actor: Actor, slug: string): Promise<MentoringProfileView> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    if (standing === null) throw notFound('Mentoring profile');
    return this.profileView(network.id, actor.userId);
  }

  /** For coordinators: everyone with a profile, by name. */
  async listProfiles(
    actor: Actor,
    slug: string,
    query: ProfileListQuery,
  ): Promise<Page<MentoringProfileView>> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    enforce(coordinateMentoring(standing));
    const limit = pageSize(query);
    const rows = await this.profiles.profilePage(
      network.id,
      query.mode,
      decodeCursor(query.cursor, 2),
      limit,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => candidateToProfileView(network.id, row)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([last.display_name.toLowerCase(), last.user_id])
          : null,
    };
  }

  async suggestions(actor: Actor, slug: string, query: SuggestionsQuery): Promise<SuggestionsView> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    const menteeId = query.menteeId ?? actor.userId;
    enforce(suggestMentors(standing, actor.userId, menteeId));
    const mentee = await this.profiles.profileWithPerson(
      this.dataSource.manager,
      network.id,
      menteeId,
    );
    if (!mentee) throw notFound('Mentoring profile');
    if (!seeksMentoring(mentee.profile.mode)) {
      throw conflict('This profile offers mentoring only; it does not seek a mentor');
    }
    const rows = await this.profiles.mentorCandidates(network.id, menteeId);
    const ranked = rankMentors(
      mentoringFacts(mentee.person, mentee.profile),
      rows.map((row) => ({ ...candidateFacts(row), row })),
      query.limit ?? SUGGESTIONS_LIMIT_DEFAULT,
    );
    return {
      mentee: toProfileView(mentee.profile, mentee.person, mentee.active),
      suggestions: ranked.map(({ candidate, score, reasons }) => ({
        mentor: candidateToProfileView(network.id, candidate.row),
        score,
        reasons,
      })),
    };
  }

  private async profileView(networkId: string, userId: string): Promise<MentoringProfileView> {
    const found = await this.profiles.profileWithPerson(this.dataSource.manager, networkId, userId);
    if (!found) throw notFound('Mentoring profile');
    return toProfileView(found.profile, found.person, found.active);
  }
}
