import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The account's own row, as the download and the deletion need it. */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one read-only REPEATABLE READ transaction: every table as of one moment, so
   * the parts of a download agree with each other.
   */
  snapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  /** Whether the account exists and is not deleted. */
  async isLive(manager: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [userId],
    );
    return rows.length > 0;
  }

  /**
   * Locks the account's row FOR UPDATE until the surrounding transaction ends (call it inside
   * one); false when it is gone or deleted already.
   */
  async lockLive(manager: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [userId],
    );
    return rows.length > 0;
  }

  /**
   * The networks this account is the only admin of, their rows locked as NetworksService locks
   * them for the last-admin rule, so a co-admin leaving at the same moment cannot strand a
   * network. Run inside the deletion's transaction.
   */
  lockNetworksOnlyAdministeredBy(
    manager: EntityManager,
    userId: string,
  ): Promise<{ slug: string; name: string }[]> {
    return manager.query(
      `SELECT n.slug, n.name FROM networks n
        WHERE n.id IN (SELECT network_id FROM network_memberships WHERE user_id = $1 AND role = 'admin')
          AND (SELECT count(*) FROM network_memberships a WHERE a.network_id = n.id AND a.role = 'admin') = 1
        ORDER BY n.name
        FOR UPDATE OF n`,
      [userId],
    );
  }

  /** The live account's password hash, or null when it is gone or deleted. */
  async passwordHash(userId: string): Promise<string | null> {
    const rows: { password_hash: string }[] = await this.dataSource.query(
      `SELECT password_hash FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [userId],
    );
    return rows[0]?.password_hash ?? null;
  }
}
