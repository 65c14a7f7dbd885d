import { iso, PersonalDataPart } from '../platform/personal-data/personal-data';

/** Sign-in sessions: when each began and until when it may be renewed (never the tokens). */
export const sessionsPart: PersonalDataPart = {
  name: 'sessions',
  async export(manager, userId) {
    const rows: { started_at: Date; renewable_until: Date; ended_at: Date | null }[] =
      await manager.query(
        `SELECT min(created_at) AS started_at, max(expires_at) AS renewable_until,
                max(revoked_at) AS ended_at
           FROM refresh_tokens WHERE user_id = $1
          GROUP BY family_id ORDER BY min(created_at)`,
        [userId],
      );
    return rows.map((row) => ({
      startedAt: iso(row.started_at),
      renewableUntil: iso(row.renewable_until),
      endedAt: iso(row.ended_at),
    }));
  },
  /** Every session ends: refresh tokens die now, access tokens with them (JwtStrategy). */
  async erase(manager, userId, effects) {
    const rows: { family_id: string }[] = await manager.query(
      `SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    await manager.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    for (const row of rows) effects.sessionIds.add(row.family_id);
  },
};
