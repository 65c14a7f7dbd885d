import { Inject, Injectable } from '@nestjs/common';
import {
  accountTokenTtlMs,
  enforce,
  normaliseEmail,
  PASSWORD_RESET_MIN_RESPONSE_MS,
  useAccountToken,
} from '@tandem/domain';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { DomainEvents } from '../platform/events/domain-event-bus';
import { MailService } from '../platform/mail/mail.service';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { AccountTokensRepository } from '../users/account-tokens.repository';
import { UsersService } from '../users/users.service';
import { accountLinks } from './account-links';
import type { PasswordResetConfirmDto, PasswordResetDto } from './dto/account-settings.dto';
import { hashPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { hashToken, newOpaqueToken } from './tokens';

/**
 * "Forgot my password": a single-use link by mail, valid for an hour, that sets a new password
 * and ends every session of the account. Asking never reveals whether an address has an
 * account: the answer, its timing and its rate limits are the same either way.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly users: UsersService,
    private readonly accountTokens: AccountTokensRepository,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly events: DomainEvents,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Mails a reset link when the address has a live account; does the same visible thing when it
   * has none. The answer waits until PASSWORD_RESET_MIN_RESPONSE_MS has passed, so the time
   * taken by the token and the outbox writes does not tell the two apart.
   */
  async request(dto: PasswordResetDto, address: string): Promise<void> {
    const started = Date.now();
    const email = normaliseEmail(dto.email);
    const limits = this.config.rateLimits;
    try {
      await this.rateLimits.consumeAll([
        {
          key: `reset:addr:${address}`,
          rule: limits.passwordResetPerAddress,
          message: 'Too many password reset requests from this address; try again later',
        },
        {
          key: `reset:acct:${email}`,
          rule: limits.passwordResetPerAccount,
          message: 'Too many password reset requests for this email; try again later',
        },
      ]);
      await this.events.transaction(async (manager) => {
        const account = await this.users.recipientByEmail(manager, email);
        if (!account) return;
        // Only the newest link works: asking again replaces the earlier one.
        await this.accountTokens.revokeUnused(manager, account.id, 'password_reset');
        const token = newOpaqueToken();
        await this.accountTokens.insert(manager, {
          userId: account.id,
          purpose: 'password_reset',
          tokenHash: hashToken(token),
          email: null,
          expiresAt: new Date(Date.now() + accountTokenTtlMs('password_reset')),
        });
        await this.mail.queue(manager, {
          to: account.email,
          template: 'password-reset',
          locale: account.locale,
          data: {
            name: account.displayName,
            email: account.email,
            resetUrl: accountLinks.resetPassword(this.config.publicUrl, token),
          },
          transactional: true,
        });
      });
    } finally {
      const left = PASSWORD_RESET_MIN_RESPONSE_MS - (Date.now() - started);
      if (left > 0) await sleep(left);
    }
  }

  /**
   * Sets the new password if the token is live, uses the token, ends every session of the
   * account and tells its owner by mail, all in one transaction. A wrong, used or expired
   * token is 400 naming `token`.
   */
  async confirm(dto: PasswordResetConfirmDto, address: string): Promise<void> {
    await this.rateLimits.consume(
      `account-token:addr:${address}`,
      this.config.rateLimits.accountTokensPerAddress,
      'Too many attempts from this address; try again later',
    );
    const passwordHash = await hashPassword(dto.password);
    const email = await this.events.transaction(async (manager, events) => {
      const token = await this.accountTokens.lockByHash(
        manager,
        'password_reset',
        hashToken(dto.token),
      );
      enforce(useAccountToken(token, new Date()));
      const account = token ? await this.users.lockRecipient(manager, token.userId) : null;
      enforce(useAccountToken(account ? token : null, new Date()));
      if (!token || !account) return null; // unreachable: enforce threw
      await this.accountTokens.markUsed(manager, token.id);
      await this.users.setPasswordHash(manager, account.id, passwordHash);
      // The link came to this address: if it was not verified yet, it is now.
      await this.users.markVerifiedIfUnverified(manager, account.id, account.email);
      await this.sessions.endAllInTransaction(manager, events, account.id, null);
      await this.mail.queue(manager, {
        to: account.email,
        template: 'password-changed',
        locale: account.locale,
        data: {
          name: account.displayName,
          changedAt: new Date().toISOString(),
          resetUrl: accountLinks.forgotPassword(this.config.publicUrl),
        },
        transactional: true,
      });
      return account.email;
    });
    // The person has proved they own the address: failed sign-ins before the reset no longer count.
    if (email) await this.rateLimits.reset(`login:fail:${email}`);
  }
}
