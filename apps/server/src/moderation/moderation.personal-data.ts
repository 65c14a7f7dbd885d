import { iso, PersonalDataPart } from '../platform/personal-data/personal-data';

/**
 * Flags the member raised and suspensions they received (with the reason they were given, not
 * who decided). Both stay after deletion: they are the network's moderation record, and the
 * account they point at is anonymised.
 */
export const moderationPart: PersonalDataPart = {
  name: 'moderation',
  async export(manager, userId) {
    const flags: {
      id: string;
      message_id: string;
      reason: string;
      note: string | null;
      status: string;
      created_at: Date;
      closed_at: Date | null;
    }[] = await manager.query(
      `SELECT id, message_id, reason, note, status, created_at, closed_at
         FROM message_flags WHERE flagger_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    const suspensions: {
      network_id: string;
      reason: string;
      starts_at: Date;
      ends_at: Date;
      lifted_at: Date | null;
    }[] = await manager.query(
      `SELECT network_id, reason, starts_at, ends_at, lifted_at
         FROM network_suspensions WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return {
      flagsRaised: flags.map((row) => ({
        id: row.id,
        messageId: row.message_id,
        reason: row.reason,
        note: row.note,
        status: row.status,
        createdAt: iso(row.created_at),
        closedAt: iso(row.closed_at),
      })),
      suspensions: suspensions.map((row) => ({
        networkId: row.network_id,
        reason: row.reason,
        startsAt: iso(row.starts_at),
        endsAt: iso(row.ends_at),
        liftedAt: iso(row.lifted_at),
      })),
    };
  },
  async erase() {
    // Nothing to remove: see above.
  },
};
