import { FieldProblem, isPlainText } from '@tandem/domain';

/**
 * The rules every value from outside obeys before any DTO rule runs, whatever the route: they are
 * the ones whose breach would otherwise reach Postgres or the stack and answer 500 instead of 400.
 * One place, so a new DTO field is covered without remembering a decorator.
 */

/** Postgres `integer`: every numeric column that takes a request number is at most this wide. */
export const PG_INT_MIN = -2_147_483_648;
export const PG_INT_MAX = 2_147_483_647;

/**
 * Levels of nesting a request may have: the deepest DTO (an entry's context inside its body) needs
 * four; deeper input only costs the stack and the validator time.
 */
export const MAX_INPUT_DEPTH = 32;

/** Object keys that would reach an object's prototype if a value were ever merged. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const describe = (field: string): string => field || 'the request';

/**
 * Problems with text anywhere in `value`: control characters (Postgres refuses NUL in text and
 * jsonb, XML the other C0 characters), unpaired UTF-16 surrogates (Postgres would store U+FFFD
 * instead of what was sent), prototype keys, numbers Postgres's integer cannot hold and nesting
 * past MAX_INPUT_DEPTH. `field` names the root (a query parameter's name, or '' for a body);
 * problems name the path to the bad part, e.g. `resources.note` or `topics.2`.
 */
export function inputProblems(value: unknown, field = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, problem: string): void => {
    const existing = problems.find((p) => p.field === path);
    if (existing) existing.problems.push(problem);
    else problems.push({ field: path, problems: [problem] });
  };
  // Iterative on purpose: input nested a hundred thousand deep must not overflow the stack here.
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: field, depth: 0 },
  ];
  while (stack.length > 0 && problems.length < 20) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) add(path, `${describe(path)} ${problem}`);
    } else if (typeof current === 'number') {
      const problem = numberProblem(current);
      if (problem) add(path, `${describe(path)} ${problem}`);
    } else if (typeof current === 'object' && current !== null && !(current instanceof Date)) {
      if (depth >= MAX_INPUT_DEPTH) {
        add(path, `${describe(path)} is nested more than ${MAX_INPUT_DEPTH} levels deep`);
        continue;
      }
      const entries = Array.isArray(current)
        ? current.map((item, index) => [String(index), item] as const)
        : Object.entries(current);
      for (const [key, item] of entries) {
        const childPath = path ? `${path}.${key}` : key;
        if (!Array.isArray(current)) {
          const keyProblem = textProblem(key);
          if (keyProblem || FORBIDDEN_KEYS.has(key)) {
            add(path || 'body', `${describe(path)} has a field name that is not allowed`);
            continue;
          }
        }
        stack.push({ value: item, path: childPath, depth: depth + 1 });
      }
    }
  }
  return problems;
}

/** A UTF-16 surrogate without its pair (`String.prototype.isWellFormed` is ES2024). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(text: string): string | null {
  if (!isPlainText(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text';
  return null;
}

export function numberProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (value < PG_INT_MIN || value > PG_INT_MAX)
    return `must be between ${PG_INT_MIN} and ${PG_INT_MAX}`;
  return null;
}

/**
 * A path segment or query value bound to a `number` parameter (`@Param('version') version:
 * number`): checked as text before a ParseIntPipe turns it into a number Postgres cannot hold.
 */
export function numericTextProblem(text: string): string | null {
  if (!/^-?\d+$/.test(text.trim())) return null; // not a whole number: the route's own pipe says so
  return numberProblem(Number(text));
}

/**
 * SQLSTATEs by which Postgres refuses a value rather than a statement: class 22 (data exception:
 * NUL in text, a bad timestamp or uuid, a number out of range) and 54000 (a value too large for an
 * index row or a tsvector). The rules above and the DTOs keep such values out; should one slip
 * through a route nobody anticipated, it is still the client's input, so it answers 400 (with a
 * warning in the log, which the fuzz test in test/fuzz treats as a failure) and never 500.
 */
export function isRefusedValue(error: unknown): string | null {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  const code = driverError?.code ?? (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (!(error instanceof Error)) return null;
  return /^22[0-9A-Z]{3}$/.test(code) || code === '54000' ? code : null;
}

/** The message a refused value answers with; test/fuzz fails on it, as a rule that is missing. */
export const REFUSED_VALUE_MESSAGE = 'A value in the request cannot be stored';
