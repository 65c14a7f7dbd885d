import { Logger } from '@nestjs/common';
import { Ack, DomainError, ErrorCode } from '@tandem/domain';
import { databaseUnavailability, RETRY_AFTER_SECONDS } from '../platform/database/database-errors';
import { isRefusedValue, REFUSED_VALUE_MESSAGE } from '../platform/http/input-rules';

const logger = new Logger('Realtime');

/** The socket twin of the HTTP exception filter: every failure becomes `{ ok: false, error, message }`. */
export function toAck(error: unknown): Ack {
  if (error instanceof DomainError) {
    const retryAfterSeconds = (error.details as { retryAfterSeconds?: number } | undefined)
      ?.retryAfterSeconds;
    return {
      ok: false,
      error: error.code,
      message: error.message,
      ...(error.code === 'rate_limited' && retryAfterSeconds
        ? { retryAfterMs: retryAfterSeconds * 1000 }
        : {}),
    };
  }
  const unavailable = databaseUnavailability(error);
  if (unavailable) {
    return {
      ok: false,
      error: 'unavailable',
      message: `The database is ${unavailable === 'busy' ? 'busy' : 'unavailable'}; nothing was saved, try again shortly`,
      retryAfterMs: RETRY_AFTER_SECONDS[unavailable] * 1000,
    };
  }
  const refused = isRefusedValue(error);
  if (refused) {
    // As over HTTP: the client's value, which an input rule should have caught (see input-rules).
    logger.warn(`Postgres refused a value (${refused}): ${(error as Error).message}`);
    return { ok: false, error: 'bad_request', message: REFUSED_VALUE_MESSAGE };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  const code: ErrorCode = 'internal';
  return { ok: false, error: code, message: 'Something went wrong on our side' };
}

/** Runs a handler and answers with its result or the mapped refusal; never throws to socket.io. */
export async function acknowledge<T extends object>(work: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    return toAck(error);
  }
}
