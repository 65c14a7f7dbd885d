import { FORMER_MEMBER_NAME } from '@tandem/domain';
import { iso, PersonalDataPart } from '../platform/personal-data/personal-data';

/**
 * The member's notifications: what kind, about which subject (by id) and when. Not the title,
 * the excerpt or who caused it: those are other people's words and names (possibly a Chatham
 * House post that is not theirs).
 */
export const notificationsPart: PersonalDataPart = {
  name: 'notifications',
  async export(manager, userId) {
    const rows: {
      kind: string;
      network_id: string;
      subject_type: string;
      subject_id: string;
      message_id: string | null;
      created_at: Date;
      read_at: Date | null;
    }[] = await manager.query(
      `SELECT kind, network_id, subject_type, subject_id, message_id, created_at, read_at
         FROM notifications WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    return rows.map((row) => ({
      kind: row.kind,
      networkId: row.network_id,
      subject: { type: row.subject_type, id: row.subject_id },
      messageId: row.message_id,
      createdAt: iso(row.created_at),
      readAt: iso(row.read_at),
    }));
  },
  /** Their notifications go; others' notifications that named them now name a former member. */
  async erase(manager, userId) {
    await manager.query(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
    await manager.query(
      `UPDATE notifications SET payload = jsonb_set(payload, '{actor}', $2::jsonb)
        WHERE payload->'actor'->>'userId' = $1`,
      [
        userId,
        JSON.stringify({
          kind: 'named',
          userId: '',
          displayName: FORMER_MEMBER_NAME,
          handle: '',
          organisationLabel: null,
        }),
      ],
    );
  },
};
