import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/app';
import { curate } from '../support/curation';
import { activePairing, makeMentoringCast, MentoringCast } from '../mentoring/fixtures';
import { makeChannel, makeThread, post } from '../support/discussions';
import { makeUser, TestUser } from '../support/factories';
import { createCaseStudy, createSummary } from '../support/library';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
}
interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
  components: { schemas: Record<string, Schema> };
}

/**
 * A resource the caller may not see answers exactly like one that does not exist: the same
 * status and the same body, message included, on every route of the OpenAPI document that names
 * one by id or slug. Run for an outsider (no membership in the private network) and for a member
 * outside a private channel. A message naming the parent it checked ("Network not found" for a
 * thread id) would tell an outsider that the id exists.
 */
describe('a hidden resource answers exactly like a missing one', () => {
  let t: TestApp;
  let cast: MentoringCast;
  let document: OpenApiDocument;
  let hidden: Record<string, string>;
  let hiddenFromMember: Record<string, string>;
  let outsider: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await makeMentoringCast(t.http); // a private network, with a mentor and a mentee
    const pairing = await activePairing(t.http, cast);
    outsider = await makeUser(t.http);
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    const message = await post(t.http, cast.admin, thread.id, 'Hidden words');
    const entry = await curate(t, cast.admin, thread.id);
    const summary = await createSummary(t.http, cast.admin, cast.network.slug);
    const caseStudy = await createCaseStudy(t.http, cast.admin, cast.network.slug);
    hidden = {
      slug: cast.network.slug,
      channels: channel.id,
      threads: thread.id,
      messages: message.id,
      entries: entry.id,
      'research-summaries': summary.id,
      'case-studies': caseStudy.id,
      userId: cast.member.user.id,
      pairings: pairing.id,
      goalId: pairing.goals[0].id,
    };
    // A private channel the member is not listed on, in the member's own network.
    const secret = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    const secretThread = await makeThread(t.http, cast.admin, secret.id);
    const secretMessage = await post(t.http, cast.admin, secretThread.id, 'Listed eyes only');
    hiddenFromMember = {
      channels: secret.id,
      threads: secretThread.id,
      messages: secretMessage.id,
    };
    document = (await t.http.get<OpenApiDocument>('/api/docs-json')).body;
  }, 120_000);
  afterAll(() => t.close());

  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref
      ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]
      : schema;

  /** A body the route's DTO most likely accepts, so the request reaches the access check. */
  function sampleBody(schema: Schema | undefined, name = '', depth = 0): unknown {
    const resolved = resolve(schema);
    if (!resolved || depth > 4) return undefined;
    if (resolved.enum?.length) return resolved.enum[0];
    if (resolved.example !== undefined) return resolved.example;
    switch (resolved.type) {
      case 'integer':
      case 'number':
        return resolved.minimum ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return [sampleBody(resolved.items, name, depth + 1)];
      case 'string':
        if (resolved.format === 'uuid' || /Id$/.test(name)) return cast.member.user.id;
        if (/email/i.test(name)) return 'someone@example.org';
        if (/startsAt|At$/.test(name)) return new Date(Date.now() + 86_400_000).toISOString();
        return 'Some text for this field';
      case 'object':
      case undefined:
      default:
        return Object.fromEntries(
          Object.entries(resolved.properties ?? {}).map(([key, property]) => [
            key,
            sampleBody(property, key, depth + 1),
          ]),
        );
    }
  }

  function pathWith(path: string, ids: Record<string, string>, fallback: () => string): string {
    return path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'id') return ids[path.split('/')[2]] ?? fallback();
      return ids[name] ?? fallback();
    });
  }

  async function compare(
    who: TestUser,
    ids: Record<string, string>,
  ): Promise<{ checked: number; leaks: string[] }> {
    const leaks: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const named = names.filter((name) =>
        name === 'id' ? ids[path.split('/')[2]] !== undefined : ids[name] !== undefined,
      );
      if (named.length === 0) continue;
      for (const [method, operation] of Object.entries(methods)) {
        const body = sampleBody(operation.requestBody?.content?.['application/json']?.schema);
        const missingIds = Object.fromEntries(
          Object.keys(ids).map((key) => [
            key,
            key === 'slug' ? `no-such-${Date.now()}` : randomUUID(),
          ]),
        );
        const send = (url: string) =>
          t.http.request(method.toUpperCase(), url, body, { token: who.token });
        const existing = await send(pathWith(path, ids, randomUUID));
        const missing = await send(pathWith(path, missingIds, randomUUID));
        checked++;
        const shape = (response: { status: number; body: unknown }) => ({
          status: response.status,
          body: response.body,
        });
        if (JSON.stringify(shape(existing)) !== JSON.stringify(shape(missing)))
          leaks.push(
            `${method.toUpperCase()} ${path}: hidden → ${existing.status} ${existing.text.slice(0, 160)} | missing → ${missing.status} ${missing.text.slice(0, 160)}`,
          );
      }
    }
    return { checked, leaks };
  }

  it('for someone outside the private network, on every route naming a resource', async () => {
    const { checked, leaks } = await compare(outsider, hidden);
    expect(checked).toBeGreaterThan(50);
    expect(leaks).toEqual([]);
  }, 120_000);

  it('for a member outside a private channel, on every route naming its channel, threads or messages', async () => {
    const { checked, leaks } = await compare(cast.member, hiddenFromMember);
    expect(checked).toBeGreaterThan(15);
    expect(leaks).toEqual([]);
  }, 120_000);
});
