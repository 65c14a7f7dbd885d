import { Injectable } from '@nestjs/common';
import { EVENTS, SessionEndedEvent } from '../platform/events/domain-events';
import { OnDomainEvent } from '../platform/events/domain-event-bus';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** How long a positive answer is trusted before Postgres is asked again. */
const TRUST_MS = 5_000;
/** Bounded, so a flood of distinct sessions cannot grow the process. */
const MAX_ENTRIES = 10_000;

/**
 * Whether an access token's sign-in session still lives, asked on every authenticated request.
 * Postgres holds the truth (`refresh_tokens`); this process remembers a live answer for five
 * seconds, which saves a round trip on every request after the first. Ending a session here
 * (sign-out, token theft, account deletion) forgets it at once through the `session.ended`
 * event, so on one process an ended session is refused immediately; another process may accept
 * its access token for up to five seconds more (the token itself would live for minutes).
 * Only live answers are remembered: an ended session is asked about every time.
 */
@Injectable()
export class SessionLiveness {
  private readonly liveUntil = new Map<string, number>();

  constructor(private readonly tokens: RefreshTokensRepository) {}

  async isLive(sessionId: string, userId: string, now = Date.now()): Promise<boolean> {
    const key = `${sessionId}:${userId}`;
    const until = this.liveUntil.get(key);
    if (until !== undefined && until > now) return true;
    const live = await this.tokens.sessionIsLive(sessionId, userId);
    this.liveUntil.delete(key);
    if (live) {
      if (this.liveUntil.size >= MAX_ENTRIES) {
        // Maps iterate in insertion order: the first key is the oldest answer.
        const oldest = this.liveUntil.keys().next().value;
        if (oldest !== undefined) this.liveUntil.delete(oldest);
      }
      this.liveUntil.set(key, now + TRUST_MS);
    }
    return live;
  }

  /** Synchronous, inside the emit: the next request of that session is asked afresh. */
  @OnDomainEvent(EVENTS.sessionEnded)
  forget({ sessionId }: SessionEndedEvent): void {
    for (const key of this.liveUntil.keys()) {
      if (key.startsWith(`${sessionId}:`)) this.liveUntil.delete(key);
    }
  }
}
