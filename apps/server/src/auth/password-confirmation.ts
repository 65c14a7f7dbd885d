import { Inject, Injectable } from '@nestjs/common';
import { unauthorized, wrongPassword } from '@tandem/domain';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { RateLimitService, rateLimited } from '../platform/rate-limit/rate-limit.service';
import { UsersService } from '../users/users.service';
import { verifyPassword } from './passwords';

/**
 * Checks the signed-in person's current password before a sensitive change (password, email).
 * Wrong answers count like failed sign-ins, per account, so a stolen access token cannot be
 * used to guess the password.
 */
@Injectable()
export class PasswordConfirmation {
  constructor(
    private readonly users: UsersService,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Resolves when `password` is the account's; 403 naming `field` otherwise. */
  async confirm(userId: string, password: string, field: string): Promise<void> {
    const rule = this.config.rateLimits.loginFailuresPerAccount;
    const key = `confirm-password:fail:${userId}`;
    const failures = await this.rateLimits.peek(key, rule);
    if (failures.count >= rule.limit) {
      throw rateLimited('Too many wrong passwords; try again later', failures.retryAfterSeconds);
    }
    const hash = await this.users.passwordHash(userId);
    if (hash === null) throw unauthorized('Your account no longer exists');
    if (!(await verifyPassword(hash, password))) {
      await this.rateLimits.hit(key, rule);
      throw wrongPassword(field);
    }
  }
}
