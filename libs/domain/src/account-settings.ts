/**
 * Accounts people manage themselves: their profile and language, their email address (verified
 * by mail), their password (changed, or reset by mail) and their sign-in sessions. Pure rules;
 * the server's auth feature does the I/O.
 */
import { badRequest, conflict, DomainError, type FieldProblem } from './errors';
import type { Decision } from './networks';
import { isUiLocale, type UiLocale } from './locales';

/** A password-reset link works this long, once. */
export const PASSWORD_RESET_TTL_MINUTES = 60;
/** A verification link (sign-up or a new address) works this long, once. */
export const EMAIL_VERIFICATION_TTL_HOURS = 48;
/** At most this many reading languages per account. */
export const READING_LANGUAGES_MAX = 20;
/**
 * `POST /api/auth/password-reset` answers no sooner than this, whether or not the address has an
 * account, so the time it takes does not tell the two apart.
 */
export const PASSWORD_RESET_MIN_RESPONSE_MS = 300;

/** Longest User-Agent kept for a session; longer ones are cut. */
export const USER_AGENT_MAX_LENGTH = 512;

/** A User-Agent header as stored: printable, trimmed, at most USER_AGENT_MAX_LENGTH; else null. */
export function storedUserAgent(header: string | null | undefined): string | null {
  if (typeof header !== 'string') return null;
  const cleaned = header
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
    .slice(0, USER_AGENT_MAX_LENGTH);
  return cleaned === '' ? null : cleaned;
}

/** What a single-use account token is for; each purpose has its own lifetime. */
export const ACCOUNT_TOKEN_PURPOSES = ['verify_email', 'password_reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

export function accountTokenTtlMs(purpose: AccountTokenPurpose): number {
  return purpose === 'password_reset'
    ? PASSWORD_RESET_TTL_MINUTES * 60_000
    : EMAIL_VERIFICATION_TTL_HOURS * 3_600_000;
}

/**
 * The locale a new account starts with: the one the sign-up form sent, else the first
 * supported language of the browser's Accept-Language (by its q weights), else English.
 */
export function initialLocale(
  requested: string | null | undefined,
  acceptLanguage: string | null | undefined,
): UiLocale {
  if (isUiLocale(requested)) return requested;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 30)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      const weight = q === undefined ? 1 : Number(q);
      return {
        language: tag.trim().toLowerCase().split('-')[0],
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isUiLocale) ?? 'en';
}

/** Reading languages as stored: lower case, each once, in the order given. */
export function normaliseReadingLanguages(languages: readonly string[]): string[] {
  return [...new Set(languages.map((language) => language.trim().toLowerCase()))];
}

/** Why a single-use token cannot be used (unknown, used, expired), or that it can. */
export function useAccountToken(
  token: { usedAt: Date | null; expiresAt: Date } | null,
  now: Date,
  field = 'token',
): Decision {
  const invalid = (problem: string): Decision => ({
    allowed: false,
    error: badRequest(`This link is not valid: ${problem}. Ask for a new one.`, [
      { field, problems: [problem] },
    ]),
  });
  if (!token) return invalid('the token is unknown');
  if (token.usedAt) return invalid('the token was used already');
  if (token.expiresAt.getTime() <= now.getTime()) return invalid('the token has expired');
  return { allowed: true };
}

/** A new address must differ from the current one and be free. */
export function changeEmail(input: { current: string; next: string; taken: boolean }): Decision {
  if (input.current === input.next) {
    return {
      allowed: false,
      error: badRequest('That is already your email address', [
        { field: 'email', problems: ['email is already your address'] },
      ]),
    };
  }
  if (input.taken) {
    return {
      allowed: false,
      error: conflict('Another account uses this email address', [
        { field: 'email', problems: ['email belongs to another account'] },
      ]),
    };
  }
  return { allowed: true };
}

/** A new password must differ from the current one. */
export function changePassword(input: { sameAsCurrent: boolean }): Decision {
  if (input.sameAsCurrent) {
    return {
      allowed: false,
      error: badRequest('The new password is the same as the current one', [
        { field: 'newPassword', problems: ['newPassword must differ from the current password'] },
      ]),
    };
  }
  return { allowed: true };
}

/** The current password was wrong: 403 naming the field, like the account deletion. */
export function wrongPassword(field: string): DomainError {
  const problem: FieldProblem = { field, problems: [`${field} is not correct`] };
  return new DomainError('forbidden', 'The password is not correct', [problem]);
}

/** `PATCH /api/me`. */
export interface UpdateProfileBody {
  displayName?: string;
  locale?: UiLocale;
  readingLanguages?: string[];
}

/** `POST /api/me/password`: ends every other session. */
export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

/** `POST /api/me/email`: mails the new address, which replaces the old once verified. */
export interface ChangeEmailBody {
  email: string;
  password: string;
}

/** `POST /api/auth/password-reset`. */
export interface PasswordResetBody {
  email: string;
}

/** `POST /api/auth/password-reset/confirm`. */
export interface PasswordResetConfirmBody {
  token: string;
  password: string;
}

/** `POST /api/auth/verify-email`. */
export interface VerifyEmailBody {
  token: string;
}

/** `POST /api/auth/verify-email`: the address now verified on the account. */
export interface EmailVerified {
  email: string;
}

/** `POST /api/me/email`: where the verification mail went. */
export interface EmailChangeRequested {
  pendingEmail: string;
}

/** `GET /api/me/sessions`: one sign-in (a refresh-token family), newest first. */
export interface SessionView {
  id: string;
  /** When the person signed in. */
  startedAt: string;
  /** When the session was last renewed (its newest refresh token). */
  lastActiveAt: string;
  /** After this, without a renewal, the session ends by itself. */
  expiresAt: string;
  /** The browser's User-Agent at the last renewal, if it sent one. */
  userAgent: string | null;
  /** The session this request is made from. */
  current: boolean;
}
