/**
 * Personal data: what a member may download about themselves and what deleting an account does.
 * An account is anonymised, never row-deleted: the audit log refuses deletes and refers to
 * users, and threads must stay readable.
 */
import { DomainError } from './errors';
import type { Decision } from './networks';

/** What an anonymised account shows wherever it still appears. */
export const FORMER_MEMBER_NAME = 'Former member';

/** Schema version of the JSON download; bump it when a part changes shape incompatibly. */
export const ACCOUNT_EXPORT_VERSION = 1;

/** `GET /api/me/data`: one object per part, each named by the module that owns the data. */
export interface AccountExport {
  format: 'tandem-account-export';
  version: number;
  exportedAt: string;
  userId: string;
  parts: Record<string, unknown>;
}

/**
 * Deleting an account removes its memberships; a network must keep an admin, so someone who is
 * the last admin of a network hands it over first (the 409 names those networks).
 */
export function deleteAccount(input: { lastAdminOf: { slug: string; name: string }[] }): Decision {
  if (input.lastAdminOf.length > 0) {
    const names = input.lastAdminOf.map((network) => network.name).join(', ');
    return {
      allowed: false,
      error: new DomainError(
        'conflict',
        `You are the last admin of ${names}; make someone else admin before deleting your account`,
        { lastAdminOf: input.lastAdminOf },
      ),
    };
  }
  return { allowed: true };
}

/** The email an anonymised account keeps: unique, valid in the schema, never deliverable. */
export function anonymisedEmail(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}

/** A handle nobody can mention by mistake: "deleted-" and the first 23 hex digits of the id. */
export function anonymisedHandle(userId: string): string {
  return `deleted-${userId.replace(/-/g, '').slice(0, 23)}`;
}

/** `DELETE /api/me`: deleting the account, confirmed by the current password. */
export interface DeleteAccountBody {
  password: string;
}
