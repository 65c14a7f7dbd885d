/**
 * Typed domain errors. Services throw these; one exception filter maps them to HTTP and one to
 * socket acknowledgements, so no service ever builds a transport response.
 */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_transition',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  problems: string[];
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError('not_found', `${what} not found`);
export const forbidden = (message: string): DomainError => new DomainError('forbidden', message);
export const conflict = (message: string, details?: unknown): DomainError =>
  new DomainError('conflict', message, details);
export const badRequest = (message: string, details?: FieldProblem[]): DomainError =>
  new DomainError('bad_request', message, details);
export const unauthorized = (message = 'Authentication required'): DomainError =>
  new DomainError('unauthorized', message);

/** HTTP status for each code: the single source for the HTTP filter and for clients. */
export const HTTP_STATUS_FOR: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
