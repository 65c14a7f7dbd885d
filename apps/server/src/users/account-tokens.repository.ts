import { Injectable } from '@nestjs/common';
import type { AccountTokenPurpose } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { returnedRows } from '../platform/database/sql';

/** A single-use account token as its user needs it (never the hash). */
export interface AccountTokenRow {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  email: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

interface Row {
  id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  email: string | null;
  expires_at: Date;
  used_at: Date | null;
}

/**
 * Single-use tokens for verifying an address and resetting a password (`account_tokens`),
 * stored by SHA-256 hash only. A revoked token is treated as unknown.
 */
@Injectable()
export class AccountTokensRepository {
  async insert(
    manager: EntityManager,
    fields: {
      userId: string;
      purpose: AccountTokenPurpose;
      tokenHash: string;
      email: string | null;
      expiresAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, email, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [fields.userId, fields.purpose, fields.tokenHash, fields.email, fields.expiresAt],
    );
  }

  /**
   * The live token of this purpose with this hash, locked FOR UPDATE until the transaction ends
   * (call it inside one), so two requests with the same token cannot both use it.
   */
  async lockByHash(
    manager: EntityManager,
    purpose: AccountTokenPurpose,
    tokenHash: string,
  ): Promise<AccountTokenRow | null> {
    const rows: Row[] = await manager.query(
      `SELECT id, user_id, purpose, email, expires_at, used_at FROM account_tokens
        WHERE token_hash = $1 AND purpose = $2 AND revoked_at IS NULL FOR UPDATE`,
      [tokenHash, purpose],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          purpose: row.purpose,
          email: row.email,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
        }
      : null;
  }

  /** Uses the token; false when it was used already (the conditional UPDATE decides). */
  async markUsed(manager: EntityManager, tokenId: string): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE account_tokens SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`,
      [tokenId],
    );
    return returnedRows(result).length > 0;
  }

  /** Revokes the account's unused tokens of this purpose (a newer one replaces them). */
  async revokeUnused(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
  ): Promise<void> {
    await manager.query(
      `UPDATE account_tokens SET revoked_at = now()
        WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, purpose],
    );
  }

  /** The address of the newest live verification token, for "send it again". */
  async pendingVerification(manager: EntityManager, userId: string): Promise<string | null> {
    const rows: { email: string }[] = await manager.query(
      `SELECT email FROM account_tokens
        WHERE user_id = $1 AND purpose = 'verify_email' AND used_at IS NULL
          AND revoked_at IS NULL AND expires_at > now()
        ORDER BY created_at DESC LIMIT 1`,
      [userId],
    );
    return rows[0]?.email ?? null;
  }
}
