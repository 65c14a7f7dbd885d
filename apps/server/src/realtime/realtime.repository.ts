import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** What the socket handshake reads: the session behind a token, and who holds it. */
@Injectable()
export class RealtimeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Whether the sign-in session still lives, asked of Postgres on every handshake (no cached
   * answer: a reconnect is authenticated afresh). Ids must be UUIDs (checked by the caller).
   */
  async sessionIsLive(sessionId: string, userId: string): Promise<boolean> {
    const rows: { live: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL) AS live`,
      [sessionId, userId],
    );
    return rows[0]?.live === true;
  }

  /** The account, or null. */
  userWithOrganisation(userId: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOne(UserEntity, { where: { id: userId } });
  }

  /**
   * Whether the channel holds a Chatham House thread: its presence then tells how many are
   * online, not who. Once true it stays true (threads keep their attribution).
   */
  async channelHoldsChatham(channelId: string): Promise<boolean> {
    const rows: { chatham: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM threads WHERE channel_id = $1 AND attribution = 'chatham') AS chatham`,
      [channelId],
    );
    return rows[0]?.chatham === true;
  }
}
