import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/app';

let t: TestApp;
let webDist: string;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'tandem-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Tandem test shell</title>');
  writeFileSync(join(webDist, 'app.js'), 'console.log("app")');
  t = await startTestApp({ WEB_DIST: webDist });
});
afterAll(async () => {
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

it('serves the web app at /', async () => {
  const response = await t.http.get('/');
  expect(response.status).toBe(200);
  expect(response.text).toContain('Tandem test shell');
});

it('serves static files', async () => {
  const response = await t.http.get('/app.js');
  expect(response.status).toBe(200);
  expect(response.text).toContain('console.log');
});

it('answers the app shell for client-side routes such as an invitation link', async () => {
  const response = await t.http.get('/invitations/some-token');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(response.text).toContain('Tandem test shell');
});

it('keeps unknown API paths as JSON 404s', async () => {
  const response = await t.http.get('/api/no-such-thing');
  expect(response.status).toBe(404);
  expect(response.body).toMatchObject({ statusCode: 404, error: 'not_found' });
});

it('sets security headers', async () => {
  const response = await t.http.get('/');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
});
