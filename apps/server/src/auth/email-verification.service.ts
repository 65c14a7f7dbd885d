import { Inject, Injectable } from '@nestjs/common';
import {
  accountTokenTtlMs,
  changeEmail,
  conflict,
  EmailChangeRequested,
  EmailVerified,
  enforce,
  normaliseEmail,
  unauthorized,
  useAccountToken,
} from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { DomainEvents } from '../platform/events/domain-event-bus';
import type { Actor } from '../platform/http/actor';
import { MailService } from '../platform/mail/mail.service';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { AccountTokensRepository } from '../users/account-tokens.repository';
import type { MailRecipient } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { accountLinks } from './account-links';
import type { ChangeEmailDto, VerifyEmailDto } from './dto/account-settings.dto';
import { PasswordConfirmation } from './password-confirmation';
import { hashToken, newOpaqueToken } from './tokens';

/**
 * Verified email addresses. Sign-up mails a link to the address given; changing the address
 * mails a link to the new one, which replaces the old only when that link is opened (and the
 * old address is told). Each link works once, for 48 hours; a newer link replaces older ones.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly users: UsersService,
    private readonly accountTokens: AccountTokensRepository,
    private readonly passwords: PasswordConfirmation,
    private readonly mail: MailService,
    private readonly events: DomainEvents,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** After sign-up: a link to confirm the account's own address. */
  async sendForSignUp(userId: string): Promise<void> {
    await this.events.transaction(async (manager) => {
      const account = await this.users.lockRecipient(manager, userId);
      if (account) await this.send(manager, account, account.email, 'sign_up');
    });
  }

  /** `POST /api/me/email`: checks the password, then mails the new address a link. */
  async requestChange(
    actor: Actor,
    dto: ChangeEmailDto,
    address: string,
  ): Promise<EmailChangeRequested> {
    await this.limitMail(actor, address);
    await this.passwords.confirm(actor.userId, dto.password, 'password');
    const next = normaliseEmail(dto.email);
    return this.events.transaction(async (manager) => {
      const account = await this.users.lockRecipient(manager, actor.userId);
      if (!account) throw unauthorized('Your account no longer exists');
      enforce(
        changeEmail({
          current: account.email,
          next,
          taken: await this.users.existsByEmail(next, manager),
        }),
      );
      await this.send(manager, account, next, 'change');
      return { pendingEmail: next };
    });
  }

  /**
   * `POST /api/me/email/resend`: a fresh link for the address waiting (a new one), else for the
   * account's own address while it is unverified; 409 when there is nothing to verify.
   */
  async resend(actor: Actor, address: string): Promise<EmailChangeRequested> {
    await this.limitMail(actor, address);
    return this.events.transaction(async (manager) => {
      const account = await this.users.lockRecipient(manager, actor.userId);
      if (!account) throw unauthorized('Your account no longer exists');
      const pending = await this.accountTokens.pendingVerification(manager, actor.userId);
      const user = await this.users.getById(actor.userId);
      const target = pending ?? (user.emailVerifiedAt ? null : account.email);
      if (!target) throw conflict('Your email address is verified already');
      await this.send(manager, account, target, target === account.email ? 'sign_up' : 'change');
      return { pendingEmail: target };
    });
  }

  /**
   * Opens a verification link: the address becomes (or stays) the account's, verified. A new
   * address that another account took meanwhile is 409; a wrong, used or expired token 400.
   */
  async verify(dto: VerifyEmailDto, address: string): Promise<EmailVerified> {
    await this.rateLimits.consume(
      `account-token:addr:${address}`,
      this.config.rateLimits.accountTokensPerAddress,
      'Too many attempts from this address; try again later',
    );
    return this.events.transaction(async (manager) => {
      const now = new Date();
      const token = await this.accountTokens.lockByHash(
        manager,
        'verify_email',
        hashToken(dto.token),
      );
      enforce(useAccountToken(token, now));
      const account = token ? await this.users.lockRecipient(manager, token.userId) : null;
      enforce(useAccountToken(account ? token : null, now));
      if (!token?.email || !account) throw unauthorized('Your account no longer exists');
      const email = token.email;
      if (email !== account.email && (await this.users.existsByEmail(email, manager))) {
        throw conflict('Another account uses this email address now', [
          { field: 'token', problems: ['the address belongs to another account now'] },
        ]);
      }
      await this.accountTokens.markUsed(manager, token.id);
      await this.users.setVerifiedEmail(manager, account.id, email);
      if (email !== account.email) {
        // The old address hears of it, in case the change was not its owner's doing.
        await this.accountTokens.revokeUnused(manager, account.id, 'verify_email');
        await this.mail.queue(manager, {
          to: account.email,
          template: 'email-changed',
          locale: account.locale,
          data: { name: account.displayName, newEmail: email },
          transactional: true,
        });
      }
      return { email };
    });
  }

  /** Mails that a person sets off themselves: a few per account, generously per address. */
  private async limitMail(actor: Actor, address: string): Promise<void> {
    const limits = this.config.rateLimits;
    await this.rateLimits.consumeAll([
      {
        key: `account-mail:acct:${actor.userId}`,
        rule: limits.accountMailPerAccount,
        message: 'Too many verification mails for this account; try again later',
      },
      {
        key: `account-mail:addr:${address}`,
        rule: limits.accountMailPerAddress,
        message: 'Too many verification mails from this address; try again later',
      },
    ]);
  }

  /** Replaces any earlier link with a new one to `email`, and queues its mail. */
  private async send(
    manager: EntityManager,
    account: MailRecipient,
    email: string,
    reason: 'sign_up' | 'change',
  ): Promise<void> {
    await this.accountTokens.revokeUnused(manager, account.id, 'verify_email');
    const token = newOpaqueToken();
    await this.accountTokens.insert(manager, {
      userId: account.id,
      purpose: 'verify_email',
      tokenHash: hashToken(token),
      email,
      expiresAt: new Date(Date.now() + accountTokenTtlMs('verify_email')),
    });
    await this.mail.queue(manager, {
      to: email,
      template: 'verify-email',
      locale: account.locale,
      data: {
        name: account.displayName,
        email,
        reason,
        verifyUrl: accountLinks.verifyEmail(this.config.publicUrl, token),
      },
      transactional: true,
    });
  }
}
