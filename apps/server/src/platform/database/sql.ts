import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * TypeORM's Postgres driver answers `query()` for UPDATE and DELETE with `[rows, rowCount]`
 * and for everything else with the rows alone; this returns the rows either way.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

/** Unique-violation check by constraint name (for the retry-returns-original paths). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)
    ?.driverError;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}

/** The pg pool under TypeORM's Postgres driver (typed by its one method used here). */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot statement as a named prepared statement: Postgres parses and plans it once per
 * pooled connection instead of on every call, which on the posting and reading paths costs more
 * than executing it. Outside transactions only (it takes any pooled connection). The text of a
 * name must never change while the process runs, and should list its columns rather than `*`,
 * so that a migration cannot change a prepared result's shape. Errors come back as TypeORM's
 * `QueryFailedError`, exactly like `dataSource.query`'s, so the same error mapping applies.
 */
export async function preparedQuery<T>(
  dataSource: DataSource,
  name: string,
  text: string,
  params: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  try {
    const result = await pool.query({ name, text, values: params });
    return result.rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, params, error as Error);
  }
}

/**
 * `preparedQuery` through an entity manager: prepared on the pool when the manager is the
 * plain one, run as is inside the manager's transaction (which holds its own connection).
 */
export async function hotQuery<T>(
  manager: EntityManager,
  name: string,
  text: string,
  params: unknown[],
): Promise<T[]> {
  if (manager.queryRunner) return returnedRows<T>(await manager.query(text, params));
  return preparedQuery<T>(manager.connection, name, text, params);
}
