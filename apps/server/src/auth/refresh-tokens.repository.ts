import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { preparedQuery, returnedRows } from '../platform/database/sql';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Refresh tokens, one family of them per sign-in session. */
@Injectable()
export class RefreshTokensRepository {
  private readonly tokens: Repository<RefreshTokenEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.tokens = dataSource.getRepository(RefreshTokenEntity);
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  async insert(fields: {
    userId: string;
    familyId: string;
    tokenHash: string;
    expiresAt: Date;
    userAgent: string | null;
  }): Promise<void> {
    await this.tokens.insert(fields);
  }

  /**
   * Marks the token used, if it is neither used nor revoked; false otherwise. The conditional
   * UPDATE lets only one of two concurrent callers win.
   */
  async markRotated(tokenId: string): Promise<boolean> {
    const rotated: unknown = await this.dataSource.query(
      `UPDATE refresh_tokens SET rotated_at = now()
        WHERE id = $1 AND rotated_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [tokenId],
    );
    return returnedRows(rotated).length > 0;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Whether the session has a token not yet revoked; asked on every authenticated request. */
  async sessionIsLive(sessionId: string, userId: string): Promise<boolean> {
    const rows = await preparedQuery<{ live: boolean }>(
      this.dataSource,
      'session-live',
      `SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL) AS live`,
      [sessionId, userId],
    );
    return rows[0]?.live === true;
  }

  /**
   * The account's live sessions (families whose newest token is neither used, revoked nor
   * expired), the most recently active first; at most `limit`.
   */
  async liveSessions(
    userId: string,
    limit: number,
  ): Promise<
    {
      id: string;
      started_at: Date;
      last_active_at: Date;
      expires_at: Date;
      user_agent: string | null;
    }[]
  > {
    return this.dataSource.query(
      `SELECT family_id AS id, min(created_at) AS started_at, max(created_at) AS last_active_at,
              max(expires_at) AS expires_at,
              (array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent
         FROM refresh_tokens WHERE user_id = $1
        GROUP BY family_id
       HAVING bool_or(revoked_at IS NULL AND rotated_at IS NULL AND expires_at > now())
        ORDER BY max(created_at) DESC, family_id
        LIMIT $2`,
      [userId, limit],
    );
  }

  /** Ends one of the account's sessions; false when it has none live by that id. */
  async revokeOwnFamily(userId: string, familyId: string): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL RETURNING id`,
      [userId, familyId],
    );
    return returnedRows(result).length > 0;
  }

  /**
   * Ends every session of the account but `keepFamilyId` (null: every one), inside the caller's
   * transaction; returns the sessions ended, to announce after the commit.
   */
  async revokeAllFamilies(
    manager: EntityManager,
    userId: string,
    keepFamilyId: string | null,
  ): Promise<string[]> {
    const rows = returnedRows<{ family_id: string }>(
      await manager.query(
        `UPDATE refresh_tokens SET revoked_at = now()
          WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2::uuid)
        RETURNING family_id`,
        [userId, keepFamilyId],
      ),
    );
    return [...new Set(rows.map((row) => row.family_id))];
  }
}
