/**
 * Why Postgres cannot serve a request right now. `down`: it cannot be reached (or is shutting
 * down); `busy`: it is there but saturated (no pooled connection free in time, no connection
 * slot left, a statement or lock wait that ran out of time). Both are worth a retry, neither is
 * a bug: they answer 503 with Retry-After, never 500.
 */
export type DatabaseUnavailability = 'down' | 'busy';

const DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const BUSY_CODES = new Set([
  '53300', // too_many_connections: every slot in max_connections is taken
  '57014', // query_canceled: statement_timeout ran out (nothing else here cancels queries)
  '55P03', // lock_not_available: lock_timeout ran out waiting for another transaction's lock
]);

// pg-pool's own error when no connection frees up within connectionTimeoutMillis.
const BUSY_MESSAGES = /timeout exceeded when trying to connect/i;

const DOWN_MESSAGES =
  /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|Connection is closed/i;

/** How long a client should wait before retrying, by reason. */
export const RETRY_AFTER_SECONDS: Record<DatabaseUnavailability, number> = {
  // A saturated moment usually clears within a second or two; a restart takes longer.
  busy: 2,
  down: 5,
};

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

function classify(candidate: unknown): DatabaseUnavailability | null {
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { code, message } = candidate as ErrorLike;
  if (typeof code === 'string') {
    if (BUSY_CODES.has(code)) return 'busy';
    if (DOWN_CODES.has(code)) return 'down';
  }
  if (typeof message === 'string') {
    if (BUSY_MESSAGES.test(message)) return 'busy';
    if (DOWN_MESSAGES.test(message)) return 'down';
  }
  return null;
}

/**
 * Whether the error means "Postgres cannot serve this right now", and why; null when the
 * query itself is wrong. Duck-typed on purpose: socket errors come from Node's own realm, so
 * `instanceof Error` is not reliable (it fails under jest's module sandbox, for one).
 */
export function databaseUnavailability(error: unknown): DatabaseUnavailability | null {
  if (typeof error !== 'object' || error === null) return null;
  const outer = error as ErrorLike;
  for (const candidate of [outer, outer.driverError, outer.cause]) {
    const reason = classify(candidate);
    if (reason) return reason;
  }
  return null;
}

/** True for errors that mean "Postgres cannot serve this right now", not "the query is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailability(error) !== null;
}

/** The message a person sees for each reason (HTTP error body, socket ack). */
export const UNAVAILABLE_MESSAGE: Record<DatabaseUnavailability, string> = {
  busy: 'The database is busy; try again shortly',
  down: 'The database is unavailable; try again shortly',
};
