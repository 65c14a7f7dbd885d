const UNAVAILABLE_CODES = new Set([
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

const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|Connection is closed/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * True for errors that mean "Postgres cannot be reached right now", not "the query is wrong".
 * Duck-typed on purpose: socket errors come from Node's own realm, so `instanceof Error` is not
 * reliable (it fails under jest's module sandbox, for one).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const outer = error as ErrorLike;
  return [outer, outer.driverError, outer.cause].some((candidate) => {
    if (typeof candidate !== 'object' || candidate === null) return false;
    const { code, message } = candidate as ErrorLike;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
  });
}
