import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { badRequest, DomainError } from '@tandem/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';
import { MAX_INPUT_DEPTH } from './input-rules';

/**
 * What a request body may be. The API speaks JSON: a body in any other type is refused with a
 * 400 naming `content-type`, except on a route that opts in to form posts with
 * `@RouteConfig(ACCEPTS_FORM_BODY)` (a mail client's RFC 8058 one-click unsubscribe posts
 * `application/x-www-form-urlencoded`). Fastify itself answers other types with 415, which the
 * exception filter turns into the same 400.
 */
export const ACCEPTS_FORM_BODY = { acceptsFormBody: true } as const;

const notJson = (contentType: string | undefined): DomainError =>
  badRequest('The request body must be JSON', [
    {
      field: 'content-type',
      problems: [
        `content-type must be application/json${contentType ? `, not ${contentType.split(';')[0]}` : ''}`,
      ],
    },
  ]);

/**
 * JSON.parse, then a nesting limit checked without recursion: a megabyte of `[[[[…` parses, but
 * would overflow the stack of whatever walks it next (the validator, a logger).
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('The request body is not valid JSON', [
      { field: 'body', problems: ['body is not valid JSON'] },
    ]);
  }
  if (depthOf(parsed, MAX_INPUT_DEPTH) > MAX_INPUT_DEPTH) {
    throw badRequest(`The request body is nested more than ${MAX_INPUT_DEPTH} levels deep`, [
      { field: 'body', problems: [`body is nested more than ${MAX_INPUT_DEPTH} levels deep`] },
    ]);
  }
  return parsed;
}

/** Nesting depth of a JSON value, counted up to `limit + 1` at most. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > limit) return depth + 1;
    deepest = Math.max(deepest, depth + 1);
    for (const item of Object.values(current)) stack.push([item, depth + 1]);
  }
  return deepest;
}

function acceptsForm(request: FastifyRequest): boolean {
  const config = request.routeOptions?.config as { acceptsFormBody?: boolean } | undefined;
  return config?.acceptsFormBody === true;
}

/**
 * Registers the body parsers: JSON with the depth limit, form posts only where a route opts in,
 * and nothing for text/plain (Fastify's default would hand a DTO a bare string).
 */
export function useJsonBodies(app: NestFastifyApplication, bodyLimit: number): void {
  app.useBodyParser('application/json', { bodyLimit }, (_request: FastifyRequest, raw: Buffer) =>
    Promise.resolve(parseJsonBody(raw)),
  );
  app.useBodyParser(
    'application/x-www-form-urlencoded',
    { bodyLimit },
    (request: FastifyRequest, raw: Buffer) => {
      if (!acceptsForm(request)) return Promise.reject(notJson(request.headers['content-type']));
      return Promise.resolve({ ...parseQueryString(raw.toString('utf8')) });
    },
  );
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
}

/** The exception filter's answer to Fastify's own 415 for a type no parser accepts. */
export const unsupportedMediaType = notJson;

/**
 * Fastify's answer to an address it cannot decode (`/api/threads/%ED%A0%80`, invalid UTF-8),
 * which it gives before any route or Nest filter runs: the API's own error shape instead of
 * Fastify's, naming the path. Passed to the adapter as `frameworkErrors`.
 */
export function answerFrameworkError(
  error: Error & { code?: string; statusCode?: number },
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const badUrl = error.code === 'FST_ERR_BAD_URL';
  const statusCode = badUrl ? 400 : (error.statusCode ?? 400);
  void reply
    .status(statusCode)
    .type('application/json; charset=utf-8')
    .send({
      statusCode,
      error: statusCode >= 500 ? 'internal' : 'bad_request',
      message: badUrl ? 'The address is not valid: it is not percent-encoded UTF-8' : error.message,
      ...(badUrl
        ? { details: [{ field: 'path', problems: ['path is not percent-encoded UTF-8'] }] }
        : {}),
    });
}
