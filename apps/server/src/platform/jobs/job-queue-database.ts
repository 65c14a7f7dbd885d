import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';

/** The pg pool under TypeORM's Postgres driver, typed by the one method used here. */
interface PgPool {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss on the application's own connection pool: no second pool to size, secure or close,
 * and the queue follows the database wherever DATABASE_URL points. pg-boss sends its schema
 * plans as several statements in one text without values, which the pool runs as a simple
 * query; the rows of such a call are never read.
 */
export function poolDatabase(dataSource: DataSource): PgBoss.Db {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  return {
    executeSql: async (text, values) => {
      const result = await pool.query(text, values);
      return { rows: Array.isArray(result) ? [] : result.rows };
    },
  };
}

/**
 * pg-boss through the connection of an open transaction, so a job is inserted if and only if
 * the caller's transaction commits (the outbox pattern). Precondition: `manager` is the one
 * `DataSource.transaction` (or DomainEvents.transaction) handed to the caller.
 */
export function transactionDatabase(manager: EntityManager): PgBoss.Db {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive)
    throw new Error('A job sent in a transaction needs the manager of an open transaction');
  return {
    executeSql: async (text, values) => {
      const result = await runner.query(text, values, true);
      return { rows: result.records };
    },
  };
}

/**
 * Creates pg-boss's own schema (`pgboss`), or migrates it to the installed pg-boss version,
 * with the application's migrations: the one-shot `db:migrate` of a multi-process deployment
 * does it once, and test databases copied from a migrated template already have it. Servers
 * then only check the version at start and never run DDL on it themselves.
 */
export async function installJobQueueSchema(dataSource: DataSource): Promise<void> {
  const boss = new PgBoss({
    db: poolDatabase(dataSource),
    migrate: true,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, close: false });
}
