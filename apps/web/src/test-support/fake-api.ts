import type { FetchLike } from '../api/api-client';

export interface RecordedCall {
  method: string;
  /** Path and query, e.g. '/api/organisations?q=gh'. */
  url: string;
  /** Path only, e.g. '/api/organisations'. */
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

export type FakeHandler = (call: RecordedCall) => FakeResponse | Promise<FakeResponse>;

export const reply = (status: number, body?: unknown): FakeResponse => ({ status, body });

export const errorReply = (
  status: number,
  error: string,
  message: string,
  details?: unknown,
): FakeResponse => reply(status, { statusCode: status, error, message, details });

/**
 * A fetch stand-in answering from a table keyed by "METHOD /api/path" (query ignored). Every
 * call is recorded, matched or not; unmatched calls answer 404 in the API's error shape.
 */
export function createFakeFetch(routes: Record<string, FakeHandler | FakeResponse>) {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    const path = url.split('?')[0] ?? url;
    const call: RecordedCall = {
      method: init.method,
      url,
      path,
      body: init.body === undefined ? undefined : (JSON.parse(init.body) as unknown),
      headers: init.headers,
    };
    calls.push(call);
    const route = routes[`${init.method} ${path}`];
    const answer =
      route === undefined
        ? errorReply(404, 'not_found', `No fake route for ${init.method} ${path}`)
        : typeof route === 'function'
          ? await route(call)
          : route;
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return {
      status: answer.status,
      ok: answer.status >= 200 && answer.status < 300,
      text: () => Promise.resolve(text),
    };
  };
  return { fetch, calls };
}
