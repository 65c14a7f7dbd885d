import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_EXPORT_VERSION,
  AccountExport,
  deleteAccount,
  DomainError,
  enforce,
  unauthorized,
} from '@tandem/domain';
import { verifyPassword } from '../auth/passwords';
import type { Actor } from '../platform/http/actor';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { EVENTS } from '../platform/events/domain-events';
import { RateLimitService, rateLimited } from '../platform/rate-limit/rate-limit.service';
import type { DeleteAccountDto } from './dto/account.dto';
import { DomainEvents } from '../platform/events/domain-event-bus';
import type { ErasureEffects } from '../platform/personal-data/personal-data';
import { AccountRepository } from './account.repository';
import { PERSONAL_DATA_PARTS } from './personal-data.parts';

/** A member's own data: the download, and deleting the account (anonymising it). */
@Injectable()
export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly events: DomainEvents,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Everything the parts hold about the caller, from one consistent snapshot. */
  async export(actor: Actor): Promise<AccountExport> {
    return this.accounts.snapshot(async (manager) => {
      if (!(await this.accounts.isLive(manager, actor.userId)))
        throw unauthorized('Your account no longer exists');
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
    await this.events.transaction(async (manager, events) => {
      if (!(await this.accounts.lockLive(manager, actor.userId)))
        throw unauthorized('Your account no longer exists');
      const lastAdminOf = await this.accounts.lockNetworksOnlyAdministeredBy(manager, actor.userId);
      enforce(deleteAccount({ lastAdminOf }));
      const effects: ErasureEffects = { sessionIds: new Set(), networkIds: new Set() };
      for (const part of [...PERSONAL_DATA_PARTS].reverse()) {
        await part.erase(manager, actor.userId, effects);
      }
      for (const networkId of effects.networkIds) {
        events.add(EVENTS.networkAccessLost, { networkId, userId: actor.userId });
      }
      for (const sessionId of effects.sessionIds) {
        events.add(EVENTS.sessionEnded, { sessionId, reason: 'revoked' });
      }
    });
  }

  private async checkPassword(actor: Actor, password: string): Promise<void> {
    const rule = this.config.rateLimits.loginFailuresPerAccount;
    const key = `delete-account:fail:${actor.userId}`;
    const failures = await this.rateLimits.peek(key, rule);
    if (failures.count >= rule.limit) {
      throw rateLimited('Too many wrong passwords; try again later', failures.retryAfterSeconds);
    }
    const hash = await this.accounts.passwordHash(actor.userId);
    if (hash === null) throw unauthorized('Your account no longer exists');
    if (!(await verifyPassword(hash, password))) {
      await this.rateLimits.hit(key, rule);
      throw new DomainError('forbidden', 'The password is not correct', [
        { field: 'password', problems: ['the password is not correct'] },
      ]);
    }
  }
}
