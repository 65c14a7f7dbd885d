import { anonymisedEmail, anonymisedHandle, FORMER_MEMBER_NAME } from '@tandem/domain';
import { iso, PersonalDataPart } from '../platform/personal-data/personal-data';

/** The account itself and the organisation it belongs to. */
export const profilePart: PersonalDataPart = {
  name: 'profile',
  async export(manager, userId) {
    const [user]: {
      id: string;
      email: string;
      display_name: string;
      handle: string;
      locale: string;
      reading_languages: string[];
      email_verified_at: Date | null;
      created_at: Date;
      updated_at: Date;
    }[] = await manager.query(
      `SELECT id, email, display_name, handle, locale, reading_languages, email_verified_at,
              created_at, updated_at
         FROM users WHERE id = $1`,
      [userId],
    );
    const organisations: {
      id: string;
      name: string;
      sector: string;
      level: string;
      country: string;
      city: string | null;
    }[] = await manager.query(
      `SELECT o.id, o.name, o.sector, o.level, o.country, o.city
         FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.id = $1`,
      [userId],
    );
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      handle: user.handle,
      locale: user.locale,
      readingLanguages: user.reading_languages,
      emailVerifiedAt: iso(user.email_verified_at),
      createdAt: iso(user.created_at),
      updatedAt: iso(user.updated_at),
      organisation: organisations[0] ?? null,
    };
  },
  /**
   * Anonymises the row (never deletes it: the audit log and old messages refer to it). The
   * email is freed for a new account; the empty password hash matches nothing, and sign-in
   * skips deleted accounts before verifying.
   */
  async erase(manager, userId) {
    await manager.query(
      `UPDATE users SET email = $2, display_name = $3, handle = $4, password_hash = '',
                        organisation_id = NULL, reading_languages = '{}', email_verified_at = NULL,
                        deleted_at = now(), updated_at = now()
        WHERE id = $1`,
      [userId, anonymisedEmail(userId), FORMER_MEMBER_NAME, anonymisedHandle(userId)],
    );
  },
};

/**
 * Verification and password-reset links sent to the account: when, for which address, and
 * whether they were used (never the token or its hash). Erasing deletes them, so no link sent
 * before the deletion can work afterwards.
 */
export const accountTokensPart: PersonalDataPart = {
  name: 'accountLinks',
  async export(manager, userId) {
    const rows: {
      purpose: string;
      email: string | null;
      created_at: Date;
      expires_at: Date;
      used_at: Date | null;
      revoked_at: Date | null;
    }[] = await manager.query(
      `SELECT purpose, email, created_at, expires_at, used_at, revoked_at
         FROM account_tokens WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return rows.map((row) => ({
      purpose: row.purpose,
      email: row.email,
      sentAt: iso(row.created_at),
      expiresAt: iso(row.expires_at),
      usedAt: iso(row.used_at),
      replacedAt: iso(row.revoked_at),
    }));
  },
  async erase(manager, userId) {
    await manager.query(`DELETE FROM account_tokens WHERE user_id = $1`, [userId]);
  },
};
