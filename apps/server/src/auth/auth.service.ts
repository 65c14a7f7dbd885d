import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  AuthResponse,
  conflict,
  initialLocale,
  normaliseEmail,
  storedUserAgent,
  unauthorized,
  UserView,
} from '@tandem/domain';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../platform/http/actor';
import { toUserView } from '../users/user-views';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { EVENTS, SessionEndedEvent } from '../platform/events/domain-events';
import { RateLimitService, rateLimited } from '../platform/rate-limit/rate-limit.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { LoginDto, RefreshDto, RegisterDto } from './dto/auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { AccessTokenClaims, hashToken, newOpaqueToken } from './tokens';
import { DomainEvents } from '../platform/events/domain-event-bus';
import { EmailVerificationService } from './email-verification.service';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both paths take the same time. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly tokens: RefreshTokensRepository,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly rateLimits: RateLimitService,
    private readonly events: DomainEvents,
    private readonly emailVerification: EmailVerificationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates the account in the locale the form sent (else the browser's Accept-Language, else
   * English) and mails a link to verify its address.
   */
  async register(
    dto: RegisterDto,
    address: string,
    acceptLanguage: string | null,
    userAgent: string | null = null,
  ): Promise<AuthResponse> {
    const email = normaliseEmail(dto.email);
    const limits = this.config.rateLimits;
    await this.rateLimits.consume(
      `register:addr:${address}`,
      limits.registerPerAddress,
      'Too many sign-ups from this address; try again later',
    );
    await this.rateLimits.consume(
      `register:acct:${email}`,
      limits.registerPerAccount,
      'Too many sign-up attempts for this email; try again later',
    );
    if (await this.users.existsByEmail(email)) {
      throw conflict('An account with this email already exists; sign in instead');
    }
    const passwordHash = await hashPassword(dto.password);
    const user = await this.users.create({
      email,
      displayName: dto.displayName,
      passwordHash,
      locale: initialLocale(dto.locale, acceptLanguage),
    });
    // Its own transaction, after the account's: the link and its mail commit together, and a
    // failure here leaves an account whose owner can ask for the link again.
    await this.emailVerification.sendForSignUp(user.id);
    return this.issue(await this.users.getById(user.id), randomUUID(), userAgent);
  }

  async login(
    dto: LoginDto,
    address: string,
    userAgent: string | null = null,
  ): Promise<AuthResponse> {
    const email = normaliseEmail(dto.email);
    const limits = this.config.rateLimits;
    await this.rateLimits.consume(
      `login:addr:${address}`,
      limits.loginPerAddress,
      'Too many sign-in attempts from this address; try again later',
    );
    const failuresKey = `login:fail:${email}`;
    const failures = await this.rateLimits.peek(failuresKey, limits.loginFailuresPerAccount);
    if (failures.count >= limits.loginFailuresPerAccount.limit) {
      throw rateLimited(
        'Too many failed sign-ins for this account; try again later',
        failures.retryAfterSeconds,
      );
    }

    const user = await this.users.findWithPasswordHash(email);
    const valid = user
      ? await verifyPassword(user.passwordHash, dto.password)
      : await verifyPassword(await this.decoy(), dto.password).then(() => false);
    if (!user || !valid) {
      await this.rateLimits.hit(failuresKey, limits.loginFailuresPerAccount);
      throw unauthorized('Email or password is incorrect');
    }
    await this.rateLimits.reset(failuresKey);
    return this.issue(await this.users.getById(user.id), randomUUID(), userAgent);
  }

  /**
   * Rotates a refresh token. The conditional UPDATE makes rotation single-use even under
   * concurrent requests: only one caller can flip `rotated_at`, and any later presentation of
   * the same token is treated as theft and revokes its whole family.
   */
  async refresh(
    dto: RefreshDto,
    address: string,
    userAgent: string | null = null,
  ): Promise<AuthResponse> {
    await this.rateLimits.consume(
      `refresh:addr:${address}`,
      this.config.rateLimits.refreshPerAddress,
      'Too many token refreshes from this address; try again later',
    );
    const token = await this.tokens.findByHash(hashToken(dto.refreshToken));
    if (!token) throw unauthorized('Refresh token is not valid; sign in again');
    if (token.revokedAt) throw unauthorized('This session has ended; sign in again');
    if (token.expiresAt.getTime() <= Date.now())
      throw unauthorized('Refresh token has expired; sign in again');

    if (!(await this.tokens.markRotated(token.id))) {
      await this.revokeFamily(token.familyId);
      throw unauthorized(
        'Refresh token was already used; for safety this session has been ended, sign in again',
      );
    }
    return this.issue(await this.users.getById(token.userId), token.familyId, userAgent);
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored (idempotent). */
  async logout(dto: RefreshDto): Promise<void> {
    const token = await this.tokens.findByHash(hashToken(dto.refreshToken));
    if (token) await this.revokeFamily(token.familyId, 'signed_out');
  }

  async me(actor: Actor): Promise<UserView> {
    return toUserView(await this.users.getById(actor.userId));
  }

  /** Ends a sign-in session: its refresh tokens die and its open sockets are closed. */
  private async revokeFamily(
    familyId: string,
    reason: SessionEndedEvent['reason'] = 'revoked',
  ): Promise<void> {
    await this.tokens.revokeFamily(familyId);
    const event: SessionEndedEvent = { sessionId: familyId, reason };
    this.events.committed(EVENTS.sessionEnded, event);
  }

  private async issue(
    user: UserEntity,
    familyId: string,
    userAgent: string | null,
  ): Promise<AuthResponse> {
    const refreshToken = newOpaqueToken();
    await this.tokens.insert({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
      userAgent: storedUserAgent(userAgent),
    });
    const claims: AccessTokenClaims = { sub: user.id, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: new Date(
        Date.now() + this.config.accessTokenTtlSeconds * 1000,
      ).toISOString(),
      user: toUserView(user),
    };
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword(newOpaqueToken());
    return this.decoyHash;
  }
}
