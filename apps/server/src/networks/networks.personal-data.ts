import { anonymisedEmail } from '@tandem/domain';
import { iso, PersonalDataPart } from '../platform/personal-data/personal-data';

/** Memberships, private-channel lists and invitations addressed to the member. */
export const membershipsPart: PersonalDataPart = {
  name: 'memberships',
  async export(manager, userId) {
    const networks: {
      id: string;
      slug: string;
      name: string;
      role: string;
      joined_at: Date;
    }[] = await manager.query(
      `SELECT n.id, n.slug, n.name, m.role, m.created_at AS joined_at
         FROM network_memberships m JOIN networks n ON n.id = m.network_id
        WHERE m.user_id = $1 ORDER BY m.created_at`,
      [userId],
    );
    const channels: { id: string; network_id: string; name: string; listed_at: Date }[] =
      await manager.query(
        `SELECT c.id, c.network_id, c.name, cm.created_at AS listed_at
           FROM channel_members cm JOIN channels c ON c.id = cm.channel_id
          WHERE cm.user_id = $1 ORDER BY cm.created_at`,
        [userId],
      );
    // Invitations the member received (to their own address); never those they sent, which
    // hold other people's email addresses.
    const invitations: {
      network_id: string;
      role: string;
      created_at: Date;
      accepted_at: Date | null;
    }[] = await manager.query(
      `SELECT i.network_id, i.role, i.created_at, i.accepted_at
         FROM invitations i JOIN users u ON u.email = i.email
        WHERE u.id = $1 ORDER BY i.created_at`,
      [userId],
    );
    return {
      networks: networks.map((row) => ({
        networkId: row.id,
        slug: row.slug,
        name: row.name,
        role: row.role,
        joinedAt: iso(row.joined_at),
      })),
      privateChannels: channels.map((row) => ({
        channelId: row.id,
        networkId: row.network_id,
        name: row.name,
        listedAt: iso(row.listed_at),
      })),
      invitationsReceived: invitations.map((row) => ({
        networkId: row.network_id,
        role: row.role,
        sentAt: iso(row.created_at),
        acceptedAt: iso(row.accepted_at),
      })),
    };
  },
  /**
   * Leaves every network and private-channel list, and takes the address off invitations sent to
   * it (a pending one then matches nobody). Runs before the profile part frees the email.
   */
  async erase(manager, userId, effects) {
    const rows: { network_id: string }[] = await manager.query(
      `SELECT network_id FROM network_memberships WHERE user_id = $1`,
      [userId],
    );
    for (const row of rows) effects.networkIds.add(row.network_id);
    await manager.query(`DELETE FROM channel_members WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM network_memberships WHERE user_id = $1`, [userId]);
    await manager.query(
      `UPDATE invitations SET email = $2,
              revoked_at = CASE WHEN accepted_at IS NULL THEN coalesce(revoked_at, now()) ELSE revoked_at END
        WHERE email = (SELECT email FROM users WHERE id = $1)`,
      [userId, anonymisedEmail(userId)],
    );
  },
};
