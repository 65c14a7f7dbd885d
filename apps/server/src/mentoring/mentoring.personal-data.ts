import { camelCaseRow, PersonalDataPart } from '../platform/personal-data/personal-data';

/**
 * Mentoring: the member's profiles, the pairings they were in (without the other side's
 * words), and the goals, sessions, feedback and follow-up answers they wrote.
 */
export const mentoringPart: PersonalDataPart = {
  name: 'mentoring',
  async export(manager, userId) {
    const profiles: Record<string, unknown>[] = await manager.query(
      `SELECT network_id, mode, topics, about, availability_note, created_at, updated_at
         FROM mentoring_profiles WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const pairings: Record<string, unknown>[] = await manager.query(
      `SELECT id, network_id, CASE WHEN mentor_id = $1 THEN 'mentor' ELSE 'mentee' END AS role,
              state, topics, created_at, activated_at, ended_at
         FROM pairings WHERE mentor_id = $1 OR mentee_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    const goals: Record<string, unknown>[] = await manager.query(
      `SELECT pairing_id, title, note, created_at FROM pairing_goals
        WHERE created_by = $1 ORDER BY created_at`,
      [userId],
    );
    const sessions: Record<string, unknown>[] = await manager.query(
      `SELECT pairing_id, format, location, agenda, notes, created_at FROM pairing_sessions
        WHERE created_by = $1 ORDER BY created_at`,
      [userId],
    );
    const feedback: Record<string, unknown>[] = await manager.query(
      `SELECT pairing_id, side, usefulness, programme_changes, would_recommend, created_at
         FROM pairing_feedback WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const followUps: Record<string, unknown>[] = await manager.query(
      `SELECT pairing_id, side, milestone, lasting, still_in_contact, usefulness, created_at
         FROM pairing_follow_ups WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return {
      profiles: profiles.map(camelCaseRow),
      pairings: pairings.map(camelCaseRow),
      goalsWritten: goals.map(camelCaseRow),
      sessionsRecorded: sessions.map(camelCaseRow),
      feedback: feedback.map(camelCaseRow),
      followUps: followUps.map(camelCaseRow),
    };
  },
  /**
   * Open pairings end (cancelled, their channel archived: the other side keeps the record but
   * cannot be left waiting on someone who is gone). Feedback and follow-up answers lose their
   * free text and their author, and keep the ratings, which the network's overview counts and
   * which identify nobody. Goals and sessions stay with the pairing, the shared record of both.
   */
  async erase(manager, userId) {
    await manager.query(
      `UPDATE channels SET archived_at = coalesce(archived_at, now())
        WHERE id IN (SELECT channel_id FROM pairings
                      WHERE (mentor_id = $1 OR mentee_id = $1) AND state IN ('proposed', 'active')
                        AND channel_id IS NOT NULL)`,
      [userId],
    );
    await manager.query(
      `UPDATE pairings SET state = 'cancelled', ended_at = now(), ended_by = NULL, updated_at = now()
        WHERE (mentor_id = $1 OR mentee_id = $1) AND state IN ('proposed', 'active')`,
      [userId],
    );
    await manager.query(
      `UPDATE pairing_feedback SET programme_changes = '', user_id = NULL WHERE user_id = $1`,
      [userId],
    );
    await manager.query(
      `UPDATE pairing_follow_ups SET lasting = '', user_id = NULL WHERE user_id = $1`,
      [userId],
    );
    await manager.query(`DELETE FROM mentoring_profiles WHERE user_id = $1`, [userId]);
  },
};
