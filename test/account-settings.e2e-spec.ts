import type { AuthResponse, SessionView } from '@tandem/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { mailsTo, settle, tokenFromLink, waitForMailsTo } from './support/account-mail';
import { makeUser, TestUser } from './support/factories';
import { TestSmtpServer } from './support/smtp';

const PUBLIC_URL = 'https://tandem.example.org';

let smtp: TestSmtpServer;
let t: TestApp;

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL, JOB_RETRY_DELAY_SECONDS: '1' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const unique = () => Math.random().toString(36).slice(2, 10);
const fields = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((detail) => detail.field).sort();

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';

async function signInAgain(user: TestUser, password = user.password): Promise<AuthResponse> {
  const response = await t.http.post<AuthResponse>(
    '/api/auth/login',
    { email: user.email, password },
    { headers: { 'user-agent': FIREFOX } },
  );
  expect(response.status).toBe(200);
  return response.body;
}

describe('PATCH /api/me', () => {
  it('changes the name, the locale and the reading languages, and the next mail is in the new locale', async () => {
    const user = await makeUser(t.http, { email: `profile-${unique()}@example.org` });
    const response = await t.http.patch(
      '/api/me',
      { displayName: '  Ana Ionescu ', locale: 'ro', readingLanguages: ['RO', 'en', 'ro'] },
      { token: user.token },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({
      displayName: 'Ana Ionescu',
      locale: 'ro',
      readingLanguages: ['ro', 'en'],
      email: user.email,
    });
    const partial = await t.http.patch('/api/me', { locale: 'ar' }, { token: user.token });
    expect(partial.body).toMatchObject({ displayName: 'Ana Ionescu', locale: 'ar' });

    await t.http.post('/api/auth/password-reset', { email: user.email });
    const [reset] = await waitForMailsTo(smtp, user.email, 1, {
      subject: 'إعادة تعيين كلمة مرور Tandem',
    });
    expect(reset.html).toEqual(expect.stringContaining('dir="rtl"'));
    expect(reset.text).toContain('مرحبًا Ana Ionescu،');
  });

  it('answers bad input with 400 naming each field and changes nothing', async () => {
    const user = await makeUser(t.http);
    for (const [body, expected] of [
      [{ locale: 'xx' }, ['locale']],
      [{ locale: 7 }, ['locale']],
      [{ displayName: '' }, ['displayName']],
      [{ displayName: { first: 'A' } }, ['displayName']],
      [{ readingLanguages: ['english'] }, ['readingLanguages']],
      [{ readingLanguages: 'en' }, ['readingLanguages']],
      [
        {
          readingLanguages: Array.from({ length: 21 }, (_, i) => `a${String.fromCharCode(97 + i)}`),
        },
        ['readingLanguages'],
      ],
      [{ email: 'new@example.org' }, ['email']],
      [{ displayName: 'Ana\u0000Ionescu' }, ['displayName']],
      // The input rule (platform/http) names the element that holds the control character.
      [{ readingLanguages: ['e\u0000'] }, ['readingLanguages.0']],
    ] as const) {
      const response = await t.http.patch('/api/me', body, { token: user.token });
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      expect(fields(response.body)).toEqual(expected);
    }
    const me = await t.http.get('/api/me', { token: user.token });
    expect(me.body).toMatchObject({ displayName: user.user.displayName, locale: 'en' });
    expect((await t.http.patch('/api/me', { locale: 'fr' })).status).toBe(401);
  });
});

describe('POST /api/me/password', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const user = await makeUser(t.http, { email: `pw-${unique()}@example.org` });
    const other = await signInAgain(user);

    const wrong = await t.http.post(
      '/api/me/password',
      { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
      { token: user.token },
    );
    expect(wrong.status).toBe(403);
    expect(fields(wrong.body)).toEqual(['currentPassword']);
    const same = await t.http.post(
      '/api/me/password',
      { currentPassword: user.password, newPassword: user.password },
      { token: user.token },
    );
    expect(same.status).toBe(400);
    expect(fields(same.body)).toEqual(['newPassword']);
    const short = await t.http.post(
      '/api/me/password',
      { currentPassword: user.password, newPassword: 'short' },
      { token: user.token },
    );
    expect(short.status).toBe(400);
    expect(fields(short.body)).toEqual(['newPassword']);

    const changed = await t.http.post(
      '/api/me/password',
      { currentPassword: user.password, newPassword: 'a brand new passphrase' },
      { token: user.token },
    );
    expect(changed.status).toBe(204);
    expect((await t.http.get('/api/me', { token: user.token })).status).toBe(200);
    expect((await t.http.get('/api/me', { token: other.accessToken })).status).toBe(401);
    expect(
      (await t.http.post('/api/auth/refresh', { refreshToken: other.refreshToken })).status,
    ).toBe(401);
    expect(
      (await t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken })).status,
    ).toBe(200);
    await signInAgain(user, 'a brand new passphrase');

    const [notice] = await waitForMailsTo(smtp, user.email, 1, {
      subject: 'Your Tandem password was changed',
    });
    expect(notice.text).toContain(`${PUBLIC_URL}/forgot-password`);
  });

  it('counts wrong current passwords like failed sign-ins', async () => {
    const user = await makeUser(t.http);
    for (let i = 0; i < 5; i++) {
      const response = await t.http.post(
        '/api/me/password',
        { currentPassword: `wrong ${i} password`, newPassword: 'a brand new passphrase' },
        { token: user.token },
      );
      expect(response.status).toBe(403);
    }
    const locked = await t.http.post(
      '/api/me/password',
      { currentPassword: user.password, newPassword: 'a brand new passphrase' },
      { token: user.token },
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('POST /api/me/email', () => {
  it('mails the new address, which replaces the old one only once verified', async () => {
    const user = await makeUser(t.http, { email: `old-${unique()}@example.org` });
    await t.http.patch('/api/me', { locale: 'sv' }, { token: user.token });
    const next = `new-${unique()}@example.org`;

    const wrong = await t.http.post(
      '/api/me/email',
      { email: next, password: 'not my password' },
      { token: user.token },
    );
    expect(wrong.status).toBe(403);
    expect(fields(wrong.body)).toEqual(['password']);

    const asked = await t.http.post(
      '/api/me/email',
      { email: ` ${next.toUpperCase()} `, password: user.password },
      { token: user.token },
    );
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ pendingEmail: next });
    const pending = await t.http.get('/api/me', { token: user.token });
    expect(pending.body).toMatchObject({ email: user.email, pendingEmail: next });

    const [mail] = await waitForMailsTo(smtp, next, 1);
    expect(mail.subject).toBe('Bekräfta din e-postadress för Tandem');
    expect(mail.text).toContain(next);
    const token = tokenFromLink(mail, PUBLIC_URL, '/verify-email');
    // Still the old address until the link is opened.
    await signInAgain(user);

    const verified = await t.http.post('/api/auth/verify-email', { token });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ email: next });
    const me = await t.http.get('/api/me', { token: user.token });
    expect(me.body).toMatchObject({ email: next, emailVerified: true, pendingEmail: null });
    expect(
      (await t.http.post('/api/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(401);
    expect(
      (await t.http.post('/api/auth/login', { email: next, password: user.password })).status,
    ).toBe(200);

    const [notice] = await waitForMailsTo(smtp, user.email, 1, {
      subject: 'Din e-postadress på Tandem har ändrats',
    });
    expect(notice.text).toContain(next);
    expect((await t.http.post('/api/auth/verify-email', { token })).status).toBe(400);
    await settle(1000);
    expect(mailsTo(smtp, next)).toHaveLength(1);
  });

  it('refuses the current address (400) and one another account uses (409)', async () => {
    const user = await makeUser(t.http);
    const other = await makeUser(t.http);
    const same = await t.http.post(
      '/api/me/email',
      { email: user.email, password: user.password },
      { token: user.token },
    );
    expect(same.status).toBe(400);
    expect(fields(same.body)).toEqual(['email']);
    const taken = await t.http.post(
      '/api/me/email',
      { email: other.email, password: user.password },
      { token: user.token },
    );
    expect(taken.status).toBe(409);
    const bad = await t.http.post('/api/me/email', { email: 'nope' }, { token: user.token });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['email', 'password']);
  });

  it('answers 409 when the address was taken before the link was opened', async () => {
    const user = await makeUser(t.http);
    const next = `race-${unique()}@example.org`;
    await t.http.post(
      '/api/me/email',
      { email: next, password: user.password },
      { token: user.token },
    );
    const token = tokenFromLink((await waitForMailsTo(smtp, next))[0], PUBLIC_URL, '/verify-email');
    await makeUser(t.http, { email: next });
    const late = await t.http.post('/api/auth/verify-email', { token });
    expect(late.status).toBe(409);
    expect((await t.http.get('/api/me', { token: user.token })).body.email).toBe(user.email);
  });

  it('sends the link again on request, and refuses once the address is verified', async () => {
    const user = await makeUser(t.http, { email: `resend-${unique()}@example.org` });
    const again = await t.http.post('/api/me/email/resend', undefined, { token: user.token });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ pendingEmail: user.email });
    const mails = await waitForMailsTo(smtp, user.email, 2);
    const [first, second] = mails.map((m) => tokenFromLink(m, PUBLIC_URL, '/verify-email'));
    expect((await t.http.post('/api/auth/verify-email', { token: first })).status).toBe(400);
    expect((await t.http.post('/api/auth/verify-email', { token: second })).status).toBe(200);
    const done = await t.http.post('/api/me/email/resend', undefined, { token: user.token });
    expect(done.status).toBe(409);
  });
});

describe('sessions', () => {
  it('lists the live sessions, marks the current one, and ends one on request', async () => {
    const user = await makeUser(t.http);
    const other = await signInAgain(user);
    const list = await t.http.get<SessionView[]>('/api/me/sessions', { token: user.token });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.body).toHaveLength(2);
    expect(list.body.filter((s) => s.current)).toHaveLength(1);
    const otherSession = list.body.find((s) => !s.current);
    expect(otherSession).toMatchObject({
      userAgent: FIREFOX,
      startedAt: expect.any(String),
      lastActiveAt: expect.any(String),
      expiresAt: expect.any(String),
    });

    // Another person's session id, a made-up one and an ended one are all 404 alike.
    const stranger = await makeUser(t.http);
    const foreign = await t.http.delete(`/api/me/sessions/${otherSession?.id}`, {
      token: stranger.token,
    });
    expect(foreign.status).toBe(404);
    expect((await t.http.get('/api/me', { token: other.accessToken })).status).toBe(200);
    expect(
      (await t.http.delete(`/api/me/sessions/${randomUUID()}`, { token: user.token })).status,
    ).toBe(404);
    expect((await t.http.delete('/api/me/sessions/not-a-uuid', { token: user.token })).status).toBe(
      400,
    );

    const ended = await t.http.delete(`/api/me/sessions/${otherSession?.id}`, {
      token: user.token,
    });
    expect(ended.status).toBe(204);
    expect((await t.http.get('/api/me', { token: other.accessToken })).status).toBe(401);
    expect(
      (await t.http.post('/api/auth/refresh', { refreshToken: other.refreshToken })).status,
    ).toBe(401);
    expect(
      (await t.http.delete(`/api/me/sessions/${otherSession?.id}`, { token: user.token })).status,
    ).toBe(404);
    const after = await t.http.get<SessionView[]>('/api/me/sessions', { token: user.token });
    expect(after.body.map((s) => s.current)).toEqual([true]);
    // A refresh keeps the session, under the same id.
    const refreshed = await t.http.post<AuthResponse>('/api/auth/refresh', {
      refreshToken: user.refreshToken,
    });
    const again = await t.http.get<SessionView[]>('/api/me/sessions', {
      token: refreshed.body.accessToken,
    });
    expect(again.body.map((s) => s.id)).toEqual(after.body.map((s) => s.id));
  });
});

describe('deleting the account', () => {
  it('removes its verification and reset links, so none works afterwards', async () => {
    const user = await makeUser(t.http, { email: `gone-${unique()}@example.org` });
    await t.http.post('/api/auth/password-reset', { email: user.email });
    const resetMail = await waitForMailsTo(smtp, user.email, 1, {
      subject: 'Reset your Tandem password',
    });
    const token = tokenFromLink(resetMail[0], PUBLIC_URL, '/reset-password');
    const deleted = await t.http.request(
      'DELETE',
      '/api/me',
      { password: user.password },
      {
        token: user.token,
      },
    );
    expect(deleted.status).toBe(204);
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM account_tokens WHERE user_id = $1`, [user.user.id]);
    expect(rows[0].n).toBe(0);
    const late = await t.http.post('/api/auth/password-reset/confirm', {
      token,
      password: 'a brand new passphrase',
    });
    expect(late.status).toBe(400);
  });
});

it('documents the account routes in OpenAPI', async () => {
  const response = await t.http.get('/api/docs-json');
  expect(response.status).toBe(200);
  const paths = response.body.paths as Record<string, Record<string, unknown>>;
  for (const [path, method] of [
    ['/api/me', 'patch'],
    ['/api/me/password', 'post'],
    ['/api/me/email', 'post'],
    ['/api/me/email/resend', 'post'],
    ['/api/me/sessions', 'get'],
    ['/api/me/sessions/{id}', 'delete'],
    ['/api/auth/password-reset', 'post'],
    ['/api/auth/password-reset/confirm', 'post'],
    ['/api/auth/verify-email', 'post'],
  ]) {
    expect([path, method, Boolean(paths[path]?.[method])]).toEqual([path, method, true]);
  }
  const schemas = response.body.components.schemas as Record<string, { properties: object }>;
  expect(Object.keys(schemas.UpdateProfileDto.properties).sort()).toEqual([
    'displayName',
    'locale',
    'readingLanguages',
  ]);
});

it('refuses control characters in a name at sign-up too (400, not a database error)', async () => {
  const response = await t.http.post('/api/auth/register', {
    email: `nul-${unique()}@example.org`,
    password: 'correct horse battery',
    displayName: 'Nul\u0000Name',
    locale: 'fr',
  });
  expect(response.status).toBe(400);
  expect(fields(response.body)).toEqual(['displayName']);
  const badLocale = await t.http.post('/api/auth/register', {
    email: `loc-${unique()}@example.org`,
    password: 'correct horse battery',
    displayName: 'Fine Name',
    locale: 'xx',
  });
  expect(badLocale.status).toBe(400);
  expect(fields(badLocale.body)).toEqual(['locale']);
});
