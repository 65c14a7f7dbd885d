import fc from 'fast-check';
import { Client } from 'pg';
import { REFUSED_VALUE_MESSAGE } from '../../apps/server/src/platform/http/input-rules';
import { RealtimeGateway } from '../../apps/server/src/realtime/realtime.gateway';
import { startTestApp, TestApp } from '../support/app';
import { curate } from '../support/curation';
import {
  clientId,
  makeCast,
  makeChannel,
  makeThread,
  post,
  type Cast,
} from '../support/discussions';
import { makeOrganisation } from '../support/factories';
import { createCaseStudy, createSummary } from '../support/library';
import { connectSocket, TestSocket } from '../support/sockets';

/**
 * Property-based fuzzing of the whole API, generated from the server's own OpenAPI document and
 * socket gateway: every route, signed in (as a network's admin and as a plain member) and not,
 * with hostile values in path segments, query parameters and bodies; every socket event with
 * hostile payloads. The properties: nothing answers 5xx (nor the ack `internal`), every 400 names
 * the field at fault (`details`), nothing is refused by Postgres itself (the filter's last-resort
 * 400 means a missing input rule), and a request answered 4xx writes nothing.
 *
 * Seeded and bounded: FUZZ_SEED, FUZZ_RUNS (per route and round), FUZZ_BUDGET_MS (rounds stop
 * once it is spent; the first round always covers every route). A failure prints the seed and
 * the request, so `FUZZ_SEED=<seed>` replays it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS_PER_ROUND = Number(process.env.FUZZ_RUNS ?? 6);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 75_000);
const MAX_ROUNDS = 4;

/** The tables whose rows a refused request must leave alone (work done after commit excluded). */
const WATCHED_TABLES = [
  'users',
  'organisations',
  'networks',
  'network_memberships',
  'invitations',
  'network_suspensions',
  'channels',
  'channel_members',
  'threads',
  'messages',
  'message_revisions',
  'message_flags',
  'thread_links',
  'research_summaries',
  'case_studies',
  'entries',
  'entry_versions',
  'mentoring_profiles',
  'pairings',
  'pairing_goals',
  'pairing_sessions',
  'audit_log',
];

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  method: string;
  path: string;
  parameters: OpenApiParameter[];
  body?: Schema;
}
interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: OpenApiParameter[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

interface FuzzRequest {
  who: 'admin' | 'member' | 'none';
  path: string;
  query: string;
  body?: { raw: string; type: string };
}

// ---- hostile values -------------------------------------------------------------------------

const forgedCursor = (key: unknown): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  'x\u0001\u0007\u001b[31m',
  '\ud800',
  'tail \udfff',
  '%00',
  '',
  ' ',
  '\n\t',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  '\u202eevil',
  'e\u0301cole',
  '😀'.repeat(50),
  'x'.repeat(3_000),
  'y'.repeat(30_000),
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '99999999999999999999',
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000g',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '-infinity',
  '2026-02-30T25:61:00Z',
  forgedCursor(['not a timestamp', 'not a uuid']),
  forgedCursor([1e300]),
  forgedCursor([-5]),
  forgedCursor(['2025-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
  'eyJ.bad.sig',
  'a.b',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.integer({ min: 0, max: 0x1f }), { minLength: 1, maxLength: 5 })
      .chain((codes) =>
        fc.string({ maxLength: 10 }).map((text) => text + String.fromCharCode(...codes)),
      ),
  },
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    -(2 ** 53),
    1e308,
    -1,
    0,
    0.5,
    -0.000001,
    1e20,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const deepJson = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: hostileString },
    { weight: 2, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.oneof(hostileString, fc.constantFrom('$ne', '__proto__')),
        tie('value'),
        {
          maxKeys: 3,
        },
      ),
    },
  ),
})).value;

const WHOLE_BODY_HOSTILES: { raw: string; type: string }[] = [
  { raw: deepJson(50_000), type: 'application/json' },
  { raw: `{"a":${deepJson(40)}}`, type: 'application/json' },
  { raw: '{"a":', type: 'application/json' },
  { raw: 'null', type: 'application/json' },
  { raw: '"just a string"', type: 'application/json' },
  { raw: '[1,2,3]', type: 'application/json' },
  { raw: '12345678901234567890', type: 'application/json' },
  { raw: '{"__proto__":{"isAdmin":true}}', type: 'application/json' },
  { raw: '{"constructor":{"prototype":{"x":1}}}', type: 'application/json' },
  { raw: '{"a":"\\u0000"}', type: 'application/json' },
  { raw: '{"body":"hi"}', type: 'text/plain' },
  { raw: 'body=hi&title=x', type: 'application/x-www-form-urlencoded' },
  { raw: '<x/>', type: 'application/xml' },
  {
    raw: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--b--',
    type: 'multipart/form-data; boundary=b',
  },
  { raw: '\u0000\u0001\u0002', type: 'application/octet-stream' },
  { raw: '{"a":1}', type: 'application/json; charset=latin1' },
];

/** What went wrong in a failed property: the error the property threw, not fast-check's report. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  const message = error instanceof Error ? error.message : String(error);
  return (
    message.split('\n').find((line) => /5xx|wrote|refused|internal|naming no field/.test(line)) ??
    message.slice(0, 800)
  );
}

/** encodeURIComponent, with a lone surrogate sent as the bytes it would be in UTF-8 (invalid). */
function encodePathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((char) => {
        const code = char.charCodeAt(0);
        if (char.length === 1 && code >= 0xd800 && code <= 0xdfff)
          return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join('');
        return encodeURIComponent(char);
      })
      .join('');
  }
}

// ---- the OpenAPI document -------------------------------------------------------------------

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

// ---- the test -------------------------------------------------------------------------------

describe('OpenAPI-driven fuzzing: no input yields a 5xx or a write', () => {
  let t: TestApp;
  let cast: Cast;
  let db: Client;
  let document: OpenApiDocument;
  const real: Record<string, string> = {};

  beforeAll(async () => {
    // Limits high enough that the fuzzing reaches the handlers instead of answering 429 early.
    const generous = '100000/60';
    t = await startTestApp({
      RATE_LIMIT_REGISTER_PER_ADDRESS: generous,
      RATE_LIMIT_REGISTER_PER_ACCOUNT: generous,
      RATE_LIMIT_LOGIN_PER_ADDRESS: generous,
      RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: generous,
      RATE_LIMIT_REFRESH_PER_ADDRESS: generous,
      RATE_LIMIT_POST_PER_USER: generous,
      RATE_LIMIT_POST_PER_THREAD: generous,
      RATE_LIMIT_SEARCH_PER_USER: generous,
      RATE_LIMIT_EXPORT_PER_USER: generous,
      RATE_LIMIT_PDF_EXPORT_PER_USER: generous,
      RATE_LIMIT_FLAG_PER_USER: generous,
      RATE_LIMIT_INVITATION_PER_USER: generous,
      RATE_LIMIT_SOCKET_CONNECTIONS_PER_USER: generous,
    });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    cast = await makeCast(t.http);
    const organisation = await makeOrganisation(t.http, cast.admin);
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.member, channel.id);
    const message = await post(t.http, cast.member, thread.id, 'A reply to flag and edit');
    const entry = await curate(t, cast.admin, thread.id);
    const summary = await createSummary(t.http, cast.admin, cast.network.slug);
    const caseStudy = await createCaseStudy(t.http, cast.admin, cast.network.slug);
    Object.assign(real, {
      slug: cast.network.slug,
      channels: channel.id,
      threads: thread.id,
      messages: message.id,
      entries: entry.id,
      'research-summaries': summary.id,
      'case-studies': caseStudy.id,
      organisations: organisation.id,
      // The user whose role, suspension or removal a fuzzed admin request may change: not the
      // member or admin whose tokens the fuzzing uses.
      userId: cast.other.user.id,
      version: '1',
    });
    document = (await t.http.get<OpenApiDocument>('/api/docs-json')).body;
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  async function rowCounts(): Promise<Record<string, number>> {
    const { rows } = await db.query<{ name: string; n: number }>(
      WATCHED_TABLES.map(
        (name) => `SELECT '${name}' AS name, count(*)::int AS n FROM ${name}`,
      ).join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.n]));
  }

  function resolveRef(schema: Schema | undefined): Schema | undefined {
    if (!schema?.$ref) return schema;
    return document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
  }

  /** A value the schema accepts, as far as the schema says, so hostile parts reach deeper rules. */
  function plausible(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const resolved = resolveRef(schema);
    if (!resolved || depth > 4) return fc.constant('text');
    if (resolved.enum?.length) return fc.constantFrom(...resolved.enum);
    const composite = resolved.allOf?.[0] ?? resolved.oneOf?.[0];
    if (composite) return plausible(composite, depth + 1);
    switch (resolved.type) {
      case 'integer':
      case 'number':
        return fc.integer({ min: 0, max: 12 });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(plausible(resolved.items, depth + 1), { maxLength: 2 });
      case 'object':
      case undefined: {
        if (!resolved.properties) return fc.constant({});
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, property] of Object.entries(resolved.properties))
          shape[name] = plausible(property, depth + 1);
        return fc.record(shape, { requiredKeys: resolved.required ?? [] });
      }
      default:
        if (resolved.format === 'uuid')
          return fc.constantFrom(real.threads, real.messages, real.userId, real.channels);
        if (resolved.format === 'date-time')
          return fc.constant(new Date(Date.now() + 86_400_000).toISOString());
        return fc.constantFrom('A plausible text', real.slug, 'en', 'IT', clientId());
    }
  }

  /** A plausible body with one to three fields made hostile, or an unknown hostile field. */
  function hostileBody(schema: Schema): fc.Arbitrary<unknown> {
    const resolved = resolveRef(schema);
    const names = Object.keys(resolved?.properties ?? {});
    const base = plausible(schema);
    if (names.length === 0) return fc.oneof(base, hostileValue);
    return fc
      .tuple(
        base,
        fc.array(fc.tuple(fc.constantFrom(...names, 'unknownField'), hostileValue), {
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([value, replacements]) => {
        if (typeof value !== 'object' || value === null) return value;
        const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
        for (const [name, hostile] of replacements) copy[name] = hostile;
        return copy;
      });
  }

  function realValueFor(name: string, path: string): string {
    if (name !== 'id') return real[name] ?? '00000000-0000-4000-8000-000000000000';
    const collection = path.split('/')[2];
    return real[collection] ?? '00000000-0000-4000-8000-000000000000';
  }

  function requests(operation: Operation): fc.Arbitrary<FuzzRequest> {
    const pathParameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    const pathValues = fc.tuple(
      ...pathParameters.map((name) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(realValueFor(name, operation.path)) },
          { weight: 1, arbitrary: hostileString },
          { weight: 1, arbitrary: hostileNumber.map(String) },
        ),
      ),
    );
    const queryNames = [
      ...new Set([
        ...operation.parameters.filter((p) => p.in === 'query').map((p) => p.name),
        'cursor',
        'limit',
        'q',
      ]),
    ];
    const query = fc.array(
      fc.tuple(
        fc.constantFrom(...queryNames),
        fc.oneof(hostileString, hostileNumber.map(String), fc.constant('1')),
      ),
      { maxLength: 3 },
    );
    const sendsBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(operation.method);
    const body: fc.Arbitrary<FuzzRequest['body']> = !sendsBody
      ? fc.constant(undefined)
      : fc.oneof(
          {
            weight: 4,
            arbitrary: (operation.body ? hostileBody(operation.body) : hostileValue).map(
              (value) => ({ raw: JSON.stringify(value) ?? 'null', type: 'application/json' }),
            ),
          },
          { weight: 1, arbitrary: fc.constantFrom(...WHOLE_BODY_HOSTILES) },
          { weight: 1, arbitrary: fc.constant(undefined) },
        );
    return fc
      .record({
        who: fc.constantFrom('admin' as const, 'member' as const, 'none' as const),
        pathValues,
        query,
        body,
      })
      .map(({ who, pathValues: values, query: pairs, body: payload }) => {
        let index = 0;
        const path = operation.path.replace(/\{\w+\}/g, () =>
          encodePathSegment(values[index++] ?? ''),
        );
        const search = new URLSearchParams(pairs).toString();
        return { who, path, query: search ? `?${search}` : '', body: payload };
      });
  }

  /** How the answers fell, reported at the end: how deep the fuzzing got. */
  const statuses = new Map<string, number>();

  async function send(operation: Operation, request: FuzzRequest): Promise<string | null> {
    const token =
      request.who === 'admin'
        ? cast.admin.token
        : request.who === 'member'
          ? cast.member.token
          : undefined;
    const writes = operation.method !== 'GET';
    const before = writes ? await rowCounts() : null;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (request.body) headers['content-type'] = request.body.type;
    const response = await fetch(`${t.baseUrl}${request.path}${request.query}`, {
      method: operation.method,
      headers,
      body: request.body?.raw,
    });
    const text = await response.text();
    const statusClass = `${Math.floor(response.status / 100)}xx`;
    statuses.set(statusClass, (statuses.get(statusClass) ?? 0) + 1);
    const describe = (): string =>
      `${operation.method} ${request.path}${request.query} as ${request.who}` +
      (request.body ? ` with ${request.body.type} ${request.body.raw.slice(0, 300)}` : '') +
      ` → ${response.status} ${text.slice(0, 300)}`;
    if (response.status >= 500) return `5xx: ${describe()}`;
    if (response.status === 400 && !text.includes('"details"'))
      return `a 400 naming no field: ${describe()}`;
    if (text.includes(REFUSED_VALUE_MESSAGE))
      return `refused by Postgres, not by a rule: ${describe()}`;
    if (before && response.status >= 400) {
      const after = await rowCounts();
      const changed = WATCHED_TABLES.filter((name) => after[name] !== before[name]);
      if (changed.length > 0)
        return `a ${response.status} wrote to ${changed.join(', ')}: ${describe()}`;
    }
    return null;
  }

  it('every route, signed in and not, with hostile path segments, queries and bodies', async () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(100);
    const started = Date.now();
    const failures: string[] = [];
    const runsByRoute = new Map<string, number>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (round > 0 && Date.now() - started > BUDGET_MS) break;
      for (const [index, operation] of operations.entries()) {
        const key = `${operation.method} ${operation.path}`;
        const seed = SEED + round * 1000 + index;
        try {
          await fc.assert(
            fc.asyncProperty(requests(operation), async (request) => {
              runsByRoute.set(key, (runsByRoute.get(key) ?? 0) + 1);
              const failure = await send(operation, request);
              if (failure) throw new Error(failure);
            }),
            { seed, numRuns: RUNS_PER_ROUND, endOnFailure: true },
          );
        } catch (error) {
          failures.push(
            `${key} (FUZZ_SEED=${SEED}, round ${round}, seed ${seed}): ${reasonOf(error)}`,
          );
        }
      }
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    const requestsSent = [...runsByRoute.values()].reduce((sum, runs) => sum + runs, 0);
    console.info(
      `fuzzed ${operations.length} routes with ${requestsSent} requests in ${seconds} s (seed ${SEED}); ` +
        `answers: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures).toEqual([]);
    expect(runsByRoute.size).toBe(operations.length);
  }, 300_000);

  it('every socket event, with hostile payloads, never acknowledges internal nor writes on a refusal', async () => {
    const events = Object.getOwnPropertyNames(RealtimeGateway.prototype)
      .map((name) => {
        const handler = (RealtimeGateway.prototype as unknown as Record<string, unknown>)[name];
        return typeof handler === 'function'
          ? (Reflect.getMetadata('message', handler) as string | undefined)
          : undefined;
      })
      .filter((event): event is string => typeof event === 'string');
    expect(events).toEqual(expect.arrayContaining(['message:send', 'thread:join', 'read']));
    // `typing` is fire-and-forget (no ack in ClientToServerEvents): checked by the socket surviving.
    const withoutAck = new Set(['typing']);
    const payloadKeys = [
      'threadId',
      'channelId',
      'afterSeq',
      'afterChange',
      'body',
      'clientId',
      'seq',
      'replyToId',
    ];
    const realFor: Record<string, fc.Arbitrary<unknown>> = {
      threadId: fc.constant(real.threads),
      channelId: fc.constant(real.channels),
      replyToId: fc.constant(real.messages),
      afterSeq: fc.integer({ min: 0, max: 5 }),
      afterChange: fc.integer({ min: 0, max: 5 }),
      seq: fc.integer({ min: 0, max: 5 }),
      body: fc.constant('A plausible message'),
      clientId: fc.constant('c-fuzz'),
    };
    const payloads = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          Object.fromEntries(
            payloadKeys.map((key) => [
              key,
              fc.oneof(
                { weight: 2, arbitrary: realFor[key] },
                { weight: 1, arbitrary: hostileValue },
              ),
            ]),
          ),
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: hostileValue },
      { weight: 1, arbitrary: fc.constant(JSON.parse(`{"threadId":${deepJson(200)}}`) as unknown) },
    );
    const sockets: Record<'admin' | 'member', TestSocket> = {
      admin: await connectSocket(t.baseUrl, cast.admin.token),
      member: await connectSocket(t.baseUrl, cast.member.token),
    };
    const failures: string[] = [];
    try {
      for (const [index, event] of events.entries()) {
        try {
          await fc.assert(
            fc.asyncProperty(
              fc.constantFrom('admin' as const, 'member' as const),
              payloads,
              async (who, payload) => {
                const socket = sockets[who];
                const before = await rowCounts();
                if (withoutAck.has(event)) {
                  (socket as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
                  return;
                }
                const ack = (await (
                  socket as unknown as {
                    timeout(ms: number): {
                      emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; error?: string }>;
                    };
                  }
                )
                  .timeout(5000)
                  .emitWithAck(event, payload)) ?? { ok: false, error: 'no ack' };
                const describe = `${event} as ${who} with ${JSON.stringify(payload)?.slice(0, 300)} → ${JSON.stringify(ack).slice(0, 300)}`;
                if (!ack.ok && (ack.error === 'internal' || ack.error === 'no ack'))
                  throw new Error(`internal: ${describe}`);
                if (!ack.ok) {
                  const after = await rowCounts();
                  const changed = WATCHED_TABLES.filter((name) => after[name] !== before[name]);
                  if (changed.length > 0)
                    throw new Error(`a refusal wrote to ${changed.join(', ')}: ${describe}`);
                }
              },
            ),
            { seed: SEED + 50_000 + index, numRuns: 25, endOnFailure: true },
          );
        } catch (error) {
          failures.push(`${event} (FUZZ_SEED=${SEED}): ${reasonOf(error)}`);
        }
      }
      // Fire-and-forget events must not have cost the connections.
      for (const socket of Object.values(sockets)) expect(socket.connected).toBe(true);
    } finally {
      for (const socket of Object.values(sockets)) socket.close();
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('a socket handshake with a hostile token is refused as unauthorized, never internal', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (token) => {
        try {
          const socket = await connectSocket(t.baseUrl, token as string);
          socket.close();
          throw new Error(`connected with ${JSON.stringify(token)}`);
        } catch (error) {
          const data = (error as { data?: { code?: string } }).data;
          expect(data?.code).toBe('unauthorized');
        }
      }),
      { seed: SEED + 90_000, numRuns: 20 },
    );
  }, 60_000);
});
