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
