import { Injectable } from '@nestjs/common';
import {
  addGoals,
  badRequest,
  conflict,
  editPairingWork,
  enforce,
  excerpt,
  notFound,
  PAIRING_SESSIONS_MAX,
  type Page,
  type PairingSessionView,
  type PairingView,
} from '@tandem/domain';
import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import type {
  AddGoalDto,
  CreateSessionDto,
  SessionListQuery,
  UpdateGoalDto,
  UpdateSessionDto,
} from './dto/mentoring.dto';
import { PairingEntity, PairingGoalEntity, PairingSessionEntity } from './mentoring.entities';
import { MentoringRepository } from './mentoring.repository';
import { pairingTitle, toSessionView } from './mentoring-views';
import { pairingCalendar } from './pairing-calendar';
import { Publication, PairingPublisher } from './pairing-publisher.service';
import { PairingViewService } from './pairing-view.service';
import { PairingWorkRepository, type PairingWorkRow } from './pairing-work.repository';
import { enforceNotSuspended } from '../networks/network-access';

/**
 * What differs between a pairing's goals and its sessions. Adding and changing either takes the
 * same path (`add`, `change`); a kind only says how many fit, what a new row holds, what an
 * edit changes and who hears about a new one.
 */
interface PairingWorkKind<Item extends PairingWorkRow, AddDto, ChangeDto> {
  what: 'goals' | 'sessions';
  /** The name in a 404 for an item that is not there. */
  label: string;
  entity: EntityTarget<Item>;
  /** Refuses another item when the pairing has `existing` already. */
  assertRoom(existing: number): void;
  newItem(pairing: PairingEntity, existing: number, dto: AddDto, actorId: string): Partial<Item>;
  /** The columns `dto` changes; empty when it changes nothing, and then nothing is written. */
  changes(item: Item, pairing: PairingEntity, dto: ChangeDto): Partial<Item>;
  /** Who is notified of a new item, beyond everyone's `pairing:updated`. */
  announceNew?(
    pairing: PairingEntity,
    item: Partial<Item>,
  ): Pick<Publication, 'kind' | 'notify' | 'excerpt'>;
}

const GOALS: PairingWorkKind<PairingGoalEntity, AddGoalDto, UpdateGoalDto> = {
  what: 'goals',
  label: 'Goal',
  entity: PairingGoalEntity,
  assertRoom: (existing) => enforce(addGoals(existing, 1)),
  newItem: (pairing, existing, dto, actorId) => ({
    pairingId: pairing.id,
    position: existing + 1,
    title: dto.title,
    createdBy: actorId,
  }),
  changes(goal, _pairing, dto) {
    const changes: Partial<PairingGoalEntity> = {};
    if (dto.title !== undefined) changes.title = dto.title;
    if (dto.note !== undefined) changes.note = dto.note;
    if (dto.status !== undefined && dto.status !== goal.status) {
      changes.status = dto.status;
      changes.achievedAt = dto.status === 'achieved' ? new Date() : null;
    }
    return changes;
  },
};

const SESSIONS: PairingWorkKind<PairingSessionEntity, CreateSessionDto, UpdateSessionDto> = {
  what: 'sessions',
  label: 'Session',
  entity: PairingSessionEntity,
  assertRoom(existing) {
    if (existing >= PAIRING_SESSIONS_MAX) {
      throw conflict(`A pairing records at most ${PAIRING_SESSIONS_MAX} sessions`);
    }
  },
  newItem(pairing, _existing, dto, actorId) {
    const participantIds = dto.participantIds ?? [pairing.mentorId, pairing.menteeId];
    assertParticipants(participantIds, pairing);
    return {
      pairingId: pairing.id,
      startsAt: new Date(dto.startsAt),
      durationMinutes: dto.durationMinutes,
      format: dto.format,
      location: dto.location ?? '',
      agenda: dto.agenda ?? '',
      notes: dto.notes ?? '',
      participantIds,
      otherParticipants: dto.otherParticipants ?? '',
      createdBy: actorId,
    };
  },
  changes(session, pairing, dto) {
    const changes: Partial<PairingSessionEntity> = {};
    if (dto.startsAt !== undefined) changes.startsAt = new Date(dto.startsAt);
    if (dto.durationMinutes !== undefined) changes.durationMinutes = dto.durationMinutes;
    if (dto.format !== undefined) changes.format = dto.format;
    if (dto.location !== undefined) changes.location = dto.location;
    if (dto.agenda !== undefined) changes.agenda = dto.agenda;
    if (dto.notes !== undefined) changes.notes = dto.notes;
    if (dto.otherParticipants !== undefined) changes.otherParticipants = dto.otherParticipants;
    if (dto.participantIds !== undefined) {
      assertParticipants(dto.participantIds, pairing);
      changes.participantIds = dto.participantIds;
    }
    if (dto.cancelled !== undefined) {
      changes.cancelledAt = dto.cancelled ? (session.cancelledAt ?? new Date()) : null;
    }
    // The revision is the calendar's SEQUENCE: each change makes the exported event newer.
    if (Object.keys(changes).length > 0) changes.revision = session.revision + 1;
    return changes;
  },
  announceNew: (pairing, session) => ({
    kind: 'pairing_session',
    notify: [pairing.mentorId, pairing.menteeId],
    excerpt: excerpt(session.agenda || session.location || ''),
  }),
};

/** What the pair record as they work: goals and sessions, and the sessions' calendar. */
@Injectable()
export class PairingWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MentoringRepository,
    private readonly work: PairingWorkRepository,
    private readonly views: PairingViewService,
    private readonly publisher: PairingPublisher,
  ) {}

  async addGoal(actor: Actor, pairingId: string, dto: AddGoalDto): Promise<PairingView> {
    await this.add(GOALS, actor, pairingId, dto);
    return this.views.get(actor, pairingId);
  }

  async updateGoal(
    actor: Actor,
    pairingId: string,
    goalId: string,
    dto: UpdateGoalDto,
  ): Promise<PairingView> {
    await this.change(GOALS, actor, pairingId, goalId, dto);
    return this.views.get(actor, pairingId);
  }

  async createSession(
    actor: Actor,
    pairingId: string,
    dto: CreateSessionDto,
  ): Promise<PairingSessionView> {
    const sessionId = await this.add(SESSIONS, actor, pairingId, dto);
    return toSessionView(await this.work.session(sessionId));
  }

  async updateSession(
    actor: Actor,
    pairingId: string,
    sessionId: string,
    dto: UpdateSessionDto,
  ): Promise<PairingSessionView> {
    await this.change(SESSIONS, actor, pairingId, sessionId, dto);
    return toSessionView(await this.work.session(sessionId));
  }

  /** Sessions by start, oldest first, a page at a time. */
  async listSessions(
    actor: Actor,
    pairingId: string,
    query: SessionListQuery,
  ): Promise<Page<PairingSessionView>> {
    const { pairing } = await this.repository.loadPairing(
      this.dataSource.manager,
      actor.userId,
      pairingId,
    );
    const limit = pageSize(query);
    const rows = await this.work.sessionPage(pairing.id, decodeCursor(query.cursor, 2), limit);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toSessionView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null,
    };
  }

  /** The sessions as an iCalendar file, for a reader of the pairing. */
  async calendar(actor: Actor, pairingId: string): Promise<{ filename: string; body: string }> {
    const manager = this.dataSource.manager;
    const { pairing } = await this.repository.loadPairing(manager, actor.userId, pairingId);
    const people = await this.repository.peopleByIds(manager, [pairing.mentorId, pairing.menteeId]);
    const sessions = await this.repository.sessions(manager, pairing.id);
    const title = pairingTitle(
      people.get(pairing.mentorId)?.display_name ?? '',
      people.get(pairing.menteeId)?.display_name ?? '',
    );
    return {
      filename: `tandem-pairing-${pairing.id}.ics`,
      body: pairingCalendar(pairing, title, sessions),
    };
  }

  /**
   * The pairing, locked for the rest of the transaction, once the actor may change its goals or
   * sessions. Run inside the transaction that makes the change.
   */
  private async lockForWork(
    manager: EntityManager,
    actor: Actor,
    pairingId: string,
    what: 'goals' | 'sessions',
  ): Promise<PairingEntity> {
    const { pairing, access } = await this.repository.loadPairing(
      manager,
      actor.userId,
      pairingId,
      { lock: true },
    );
    enforce(editPairingWork(access, pairing.state, what));
    await enforceNotSuspended(manager, pairing.networkId, actor.userId);
    return pairing;
  }

  /** Adds one item under the pairing's lock, announces it once committed; returns its id. */
  private async add<Item extends PairingWorkRow, AddDto, ChangeDto>(
    kind: PairingWorkKind<Item, AddDto, ChangeDto>,
    actor: Actor,
    pairingId: string,
    dto: AddDto,
  ): Promise<string> {
    const added = await this.dataSource.transaction(async (manager) => {
      const pairing = await this.lockForWork(manager, actor, pairingId, kind.what);
      const existing = await this.work.count(manager, kind.entity, pairing.id);
      kind.assertRoom(existing);
      const item = kind.newItem(pairing, existing, dto, actor.userId);
      return { pairing, item, id: await this.work.insert(manager, kind.entity, item) };
    });
    await this.publisher.publish({
      pairingId,
      actorId: actor.userId,
      ...kind.announceNew?.(added.pairing, added.item),
    });
    return added.id;
  }

  /** Changes one item of the pairing under its lock, and tells the people involved. */
  private async change<Item extends PairingWorkRow, AddDto, ChangeDto>(
    kind: PairingWorkKind<Item, AddDto, ChangeDto>,
    actor: Actor,
    pairingId: string,
    itemId: string,
    dto: ChangeDto,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const pairing = await this.lockForWork(manager, actor, pairingId, kind.what);
      if (typeof itemId !== 'string') throw notFound(kind.label);
      const item = await this.work.find(manager, kind.entity, pairing.id, itemId);
      if (!item) throw notFound(kind.label);
      const changes = kind.changes(item, pairing, dto);
      if (Object.keys(changes).length > 0) {
        await this.work.update(manager, kind.entity, pairing.id, item.id, changes);
      }
    });
    await this.publisher.publish({ pairingId, actorId: actor.userId });
  }
}

/** Session participants are the pair; anyone else is named in `otherParticipants`. */
function assertParticipants(ids: string[], pairing: PairingEntity): void {
  const pair = [pairing.mentorId, pairing.menteeId];
  if (ids.some((id) => !pair.includes(id))) {
    throw badRequest('Invalid request: participantIds', [
      {
        field: 'participantIds',
        problems: [
          'participants must be the mentor or the mentee; name others in otherParticipants',
        ],
      },
    ]);
  }
}
