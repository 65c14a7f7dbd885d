import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activePairing, makeMentoringCast, MentoringCast } from '../mentoring/fixtures';
import { startTestApp, TestApp } from '../support/app';
import { curate, download, publishEntry } from '../support/curation';
import { makeChannel, makeThread } from '../support/discussions';

/**
 * Two global response rules (apps/server/src/platform/http/response-headers.ts): nothing the API
 * answers may be stored by a browser or proxy (`Cache-Control: no-store`), whatever its type —
 * JSON, an error, CSV, iCal, an export, the data download; and the Content Security Policy
 * allows no inline script except on Swagger UI's own pages.
 */
describe('response headers', () => {
  let t: TestApp;
  let cast: MentoringCast;
  let webDist: string;
  let pairingId: string;
  let entryId: string;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'tandem-web-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(
      join(webDist, 'index.html'),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>',
    );
    t = await startTestApp({ WEB_DIST: webDist });
    cast = await makeMentoringCast(t.http);
    pairingId = (await activePairing(t.http, cast)).id;
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.member, channel.id);
    entryId = (await curate(t, cast.admin, thread.id)).id;
    await publishEntry(t, entryId, cast.admin, cast.moderator);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const personal: [string, () => string, () => string][] = [
    ['the signed-in user (JSON)', () => '/api/me', () => cast.member.token],
    [
      'a private network (JSON)',
      () => `/api/networks/${cast.network.slug}`,
      () => cast.member.token,
    ],
    [
      'an error',
      () => '/api/threads/00000000-0000-4000-8000-000000000000',
      () => cast.member.token,
    ],
    ['no token (401)', () => '/api/me', () => ''],
    [
      'the mentoring overview (CSV)',
      () => `/api/networks/${cast.network.slug}/mentoring/overview.csv`,
      () => cast.admin.token,
    ],
    [
      'a pairing calendar (iCal)',
      () => `/api/pairings/${pairingId}/calendar.ics`,
      () => cast.mentor.token,
    ],
    [
      'an entry export (Markdown)',
      () => `/api/entries/${entryId}/export?format=md`,
      () => cast.member.token,
    ],
    [
      'an entry export (HTML)',
      () => `/api/entries/${entryId}/export?format=html`,
      () => cast.member.token,
    ],
    ['the data download', () => '/api/me/data', () => cast.member.token],
  ];

  it.each(personal)('%s is never stored: Cache-Control no-store', async (_what, path, token) => {
    const response = await download(t, path(), { token: token() });
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('cache-control')).toMatch(/\bno-store\b/);
  });

  it('the web app allows scripts from its own origin only, never inline', async () => {
    for (const path of ['/', '/threads/some-route-of-the-spa']) {
      const response = await fetch(`${t.baseUrl}${path}`);
      expect(response.status).toBe(200);
      const policy = response.headers.get('content-security-policy') ?? '';
      const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(scripts.split(/\s+/)).toEqual(["'self'"]);
      expect(policy).not.toMatch(/unsafe-eval/);
    }
  });

  it('the API answers carry the same policy; only Swagger UI keeps its inline scripts', async () => {
    const api = await fetch(`${t.baseUrl}/api/health`);
    expect(api.headers.get('content-security-policy')).not.toMatch(
      /unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline/,
    );
    const docs = await fetch(`${t.baseUrl}/api/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
