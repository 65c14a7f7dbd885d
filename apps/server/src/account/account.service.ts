import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_EXPORT_VERSION,
  AccountExport,
  deleteAccount,
  DomainError,
  enforce,
  unauthorized,
} from '@tandem/domain';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../auth/passwords';
import type { Actor } from '../platform/http/actor';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import {
  EVENTS,
  NetworkAccessLostEvent,
  SessionEndedEvent,
} from '../platform/events/domain-events';
import { RateLimitService, rateLimited } from '../platform/rate-limit/rate-limit.service';
import type { DeleteAccountDto } from './dto/account.dto';
import type { ErasureEffects } from './personal-data';
import { PERSONAL_DATA_PARTS } from './personal-data.parts';
import { DomainEvents } from '../platform/events/domain-event-bus';

/** A member's own data: the download, and deleting the account (anonymising it). */
@Injectable()
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Everything the parts hold about the caller, from one consistent snapshot. */
  async export(actor: Actor): Promise<AccountExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const live: unknown[] = await manager.query(
        `SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL`,
        [actor.userId],
      );
      if (live.length === 0) throw unauthorized('Your account no longer exists');
      const parts: Record<string, unknown> = {};
      for (const part of PERSONAL_DATA_PARTS) {
        parts[part.name] = await part.export(manager, actor.userId);
      }
      return {
        format: 'tandem-account-export',
        version: ACCOUNT_EXPORT_VERSION,
        exportedAt: new Date().toISOString(),
        userId: actor.userId,
        parts,
      };
    });
  }

  /**
   * Deletes the caller's account after checking their password: every part is erased or
   * anonymised in one transaction (the users row stays, anonymised, for the audit log and the
   * threads that still show "Former member"). Then, after the commit, every session ends (open
   * sockets are told and closed) and the account's sockets leave its networks' rooms.
   * Failed passwords count like failed sign-ins, so a stolen access token cannot guess it.
   */
  async deleteAccount(actor: Actor, dto: DeleteAccountDto): Promise<void> {
    await this.checkPassword(actor, dto.password);
    const effects: ErasureEffects = { sessionIds: new Set(), networkIds: new Set() };
    await this.dataSource.transaction(async (manager) => {
      const user: unknown[] = await manager.query(
        `SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [actor.userId],
      );
      if (user.length === 0) throw unauthorized('Your account no longer exists');
      // The networks this account administers, locked as NetworksService locks them for the
      // last-admin rule, so a co-admin leaving at the same moment cannot strand a network.
      const lastAdminOf: { slug: string; name: string }[] = await manager.query(
        `SELECT n.slug, n.name FROM networks n
          WHERE n.id IN (SELECT network_id FROM network_memberships WHERE user_id = $1 AND role = 'admin')
            AND (SELECT count(*) FROM network_memberships a WHERE a.network_id = n.id AND a.role = 'admin') = 1
          ORDER BY n.name
          FOR UPDATE OF n`,
        [actor.userId],
      );
      enforce(deleteAccount({ lastAdminOf }));
      for (const part of [...PERSONAL_DATA_PARTS].reverse()) {
        await part.erase(manager, actor.userId, effects);
      }
    });
    for (const networkId of effects.networkIds) {
      const event: NetworkAccessLostEvent = { networkId, userId: actor.userId };
      this.events.committed(EVENTS.networkAccessLost, event);
    }
    for (const sessionId of effects.sessionIds) {
      const event: SessionEndedEvent = { sessionId, reason: 'revoked' };
      this.events.committed(EVENTS.sessionEnded, event);
    }
  }

  private async checkPassword(actor: Actor, password: string): Promise<void> {
    const rule = this.config.rateLimits.loginFailuresPerAccount;
    const key = `delete-account:fail:${actor.userId}`;
    const failures = await this.rateLimits.peek(key, rule);
    if (failures.count >= rule.limit) {
      throw rateLimited('Too many wrong passwords; try again later', failures.retryAfterSeconds);
    }
    const rows: { password_hash: string }[] = await this.dataSource.query(
      `SELECT password_hash FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [actor.userId],
    );
    if (rows.length === 0) throw unauthorized('Your account no longer exists');
    if (!(await verifyPassword(rows[0].password_hash, password))) {
      await this.rateLimits.hit(key, rule);
      throw new DomainError('forbidden', 'The password is not correct', [
        { field: 'password', problems: ['the password is not correct'] },
      ]);
    }
  }
}
