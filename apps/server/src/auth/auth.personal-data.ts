import { iso, PersonalDataPart } from '../platform/personal-data/personal-data';

/**
 * Sign-in sessions: when each began, until when it may be renewed and the browser it was last
 * renewed from (never the tokens).
 */
export const sessionsPart: PersonalDataPart = {
  name: 'sessions',
  async export(manager, userId) {
    const rows: {
      started_at: Date;
      renewable_until: Date;
      ended_at: Date | null;
      user_agent: string | null;
    }[] = await manager.query(
      `SELECT min(created_at) AS started_at, max(expires_at) AS renewable_until,
                max(revoked_at) AS ended_at,
                (array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent
           FROM refresh_tokens WHERE user_id = $1
          GROUP BY family_id ORDER BY min(created_at)`,
      [userId],
    );
    return rows.map((row) => ({
      startedAt: iso(row.started_at),
      renewableUntil: iso(row.renewable_until),
      endedAt: iso(row.ended_at),
      browser: row.user_agent,
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
    // Which browsers the account used is personal too; the rows stay only as revoked stubs.
    await manager.query(`UPDATE refresh_tokens SET user_agent = NULL WHERE user_id = $1`, [userId]);
    for (const row of rows) effects.sessionIds.add(row.family_id);
  },
};
