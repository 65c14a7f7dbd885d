import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Repository } from 'typeorm';
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
}
