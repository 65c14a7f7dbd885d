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
      created_at: Date;
      updated_at: Date;
    }[] = await manager.query(
      `SELECT id, email, display_name, handle, created_at, updated_at FROM users WHERE id = $1`,
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
                        organisation_id = NULL, deleted_at = now(), updated_at = now()
        WHERE id = $1`,
      [userId, anonymisedEmail(userId), FORMER_MEMBER_NAME, anonymisedHandle(userId)],
    );
  },
};
