import { Inject, Injectable } from '@nestjs/common';
import {
  changePassword,
  enforce,
  normaliseReadingLanguages,
  unauthorized,
  type UserView,
} from '@tandem/domain';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { DomainEvents } from '../platform/events/domain-event-bus';
import type { Actor } from '../platform/http/actor';
import { MailService } from '../platform/mail/mail.service';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { toUserView } from '../users/user-views';
import { UsersService } from '../users/users.service';
import { accountLinks } from './account-links';
import type { ChangePasswordDto, UpdateProfileDto } from './dto/account-settings.dto';
import { PasswordConfirmation } from './password-confirmation';
import { hashPassword, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';

/** The signed-in person's own profile, language and password. */
@Injectable()
export class AccountSettingsService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordConfirmation,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly events: DomainEvents,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `PATCH /api/me`: the fields given change; the locale is used for every later mail. */
  async updateProfile(actor: Actor, dto: UpdateProfileDto): Promise<UserView> {
    await this.limitChanges(actor);
    const user = await this.users.updateProfile(actor.userId, {
      displayName: dto.displayName,
      locale: dto.locale,
      readingLanguages:
        dto.readingLanguages === undefined
          ? undefined
          : normaliseReadingLanguages(dto.readingLanguages),
    });
    return toUserView(user);
  }

  /**
   * `POST /api/me/password`: the current password confirms it; every other session ends (this
   * one stays signed in) and the owner is told by mail.
   */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    await this.limitChanges(actor);
    await this.passwords.confirm(actor.userId, dto.currentPassword, 'currentPassword');
    const current = await this.users.passwordHash(actor.userId);
    enforce(
      changePassword({
        sameAsCurrent: current !== null && (await verifyPassword(current, dto.newPassword)),
      }),
    );
    const passwordHash = await hashPassword(dto.newPassword);
    await this.events.transaction(async (manager, events) => {
      const account = await this.users.lockRecipient(manager, actor.userId);
      if (!account) throw unauthorized('Your account no longer exists');
      await this.users.setPasswordHash(manager, account.id, passwordHash);
      await this.sessions.endAllInTransaction(manager, events, account.id, actor.sessionId);
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
    });
  }

  /** Ends one of the caller's sessions; counted with the other account changes. */
  async endSession(actor: Actor, sessionId: string): Promise<void> {
    await this.limitChanges(actor);
    await this.sessions.end(actor, sessionId);
  }

  private limitChanges(actor: Actor): Promise<void> {
    return this.rateLimits.consume(
      `account-change:acct:${actor.userId}`,
      this.config.rateLimits.accountChangesPerAccount,
      'Too many account changes; try again later',
    );
  }
}
