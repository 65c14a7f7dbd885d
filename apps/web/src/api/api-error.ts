import type { ErrorBody, FieldProblem } from '@tandem/domain';

/** The status ApiError carries when no HTTP response arrived at all (offline, DNS, CORS...). */
export const NETWORK_FAILURE_STATUS = 0;

/**
 * An error answer from the API, or the lack of one. `message` is the server's human-readable
 * sentence when it sent one, and empty otherwise so the UI can say something in its own language.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static networkFailure(): ApiError {
    return new ApiError(NETWORK_FAILURE_STATUS, 'network', '');
  }

  /** Builds the error from a response body, tolerating bodies that are not the API's shape. */
  static fromBody(status: number, body: unknown): ApiError {
    if (isErrorBody(body)) return new ApiError(status, body.error, body.message, body.details);
    return new ApiError(status, status >= 500 ? 'internal' : 'unknown', '');
  }

  /**
   * Problems per field from a 400's `details: [{ field, problems }]`, joined into one sentence
   * per field. Empty when the error carries no field details.
   */
  fieldProblems(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const problems: Record<string, string> = {};
    for (const entry of this.details as unknown[]) {
      if (!isFieldProblem(entry)) continue;
      const text = entry.problems.join('; ');
      problems[entry.field] = problems[entry.field] ? `${problems[entry.field]}; ${text}` : text;
    }
    return problems;
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Record<keyof ErrorBody, unknown>>;
  return typeof candidate.error === 'string' && typeof candidate.message === 'string';
}

function isFieldProblem(entry: unknown): entry is FieldProblem {
  if (typeof entry !== 'object' || entry === null) return false;
  const candidate = entry as Partial<Record<keyof FieldProblem, unknown>>;
  return (
    typeof candidate.field === 'string' &&
    Array.isArray(candidate.problems) &&
    candidate.problems.every((problem) => typeof problem === 'string')
  );
}
