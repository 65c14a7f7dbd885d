import { Injectable } from '@nestjs/common';
import { notFound, type SessionView } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { EVENTS } from '../platform/events/domain-events';
import { DomainEvents, type PendingEvents } from '../platform/events/domain-event-bus';
import type { Actor } from '../platform/http/actor';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** More than anyone signs in from; the list stops here. */
const SESSIONS_LISTED_MAX = 100;

/** Sign-in sessions (refresh-token families) as their owner sees and ends them. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly tokens: RefreshTokensRepository,
    private readonly events: DomainEvents,
  ) {}

  async list(actor: Actor): Promise<SessionView[]> {
    const rows = await this.tokens.liveSessions(actor.userId, SESSIONS_LISTED_MAX);
    return rows.map((row) => ({
      id: row.id,
      startedAt: row.started_at.toISOString(),
      lastActiveAt: row.last_active_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      userAgent: row.user_agent,
      current: row.id === actor.sessionId,
    }));
  }

  /**
   * Ends one of the caller's own sessions (the current one too: that signs out here). Someone
   * else's session, or one already ended, is 404 alike.
   */
  async end(actor: Actor, sessionId: string): Promise<void> {
    if (!(await this.tokens.revokeOwnFamily(actor.userId, sessionId))) throw notFound('Session');
    this.events.committed(EVENTS.sessionEnded, { sessionId, reason: 'revoked' });
  }

  /**
   * Ends every session of the account but `keep` (null: all), in the caller's transaction; the
   * sessions' sockets are told once it commits.
   */
  async endAllInTransaction(
    manager: EntityManager,
    events: PendingEvents,
    userId: string,
    keep: string | null,
  ): Promise<void> {
    for (const sessionId of await this.tokens.revokeAllFamilies(manager, userId, keep)) {
      events.add(EVENTS.sessionEnded, { sessionId, reason: 'revoked' });
    }
  }
}
