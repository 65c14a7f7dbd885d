import { startTestApp, TestApp } from './support/app';
import { makeNetwork, makeUser } from './support/factories';
import type { HttpResponse } from './support/http';

/** Tight limits, so each rule shows within a few requests (every request comes from 127.0.0.1). */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT: '2/600',
    RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS: '6/600',
    RATE_LIMIT_ACCOUNT_MAIL_PER_ACCOUNT: '2/600',
    RATE_LIMIT_ACCOUNT_CHANGES_PER_ACCOUNT: '3/600',
    RATE_LIMIT_ACCOUNT_TOKENS_PER_ADDRESS: '4/600',
    RATE_LIMIT_INVITATIONS_PER_ACCOUNT: '2/600',
  });
});
afterAll(async () => {
  await t?.close();
});

function expectRateLimited(response: HttpResponse): void {
  expect(response.status).toBe(429);
  expect(response.body).toMatchObject({ statusCode: 429, error: 'rate_limited' });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(600);
}

it('limits password resets per account, alike for unknown addresses, and per address', async () => {
  const user = await makeUser(t.http);
  const reset = (email: string) => t.http.post('/api/auth/password-reset', { email });
  expect((await reset(user.email)).status).toBe(202);
  expect((await reset(user.email)).status).toBe(202);
  expectRateLimited(await reset(user.email));
  // An address without an account answers exactly the same: the limit reveals nothing.
  expect((await reset('nobody-here@example.org')).status).toBe(202);
  expect((await reset('nobody-here@example.org')).status).toBe(202);
  const unknown = await reset('nobody-here@example.org');
  expectRateLimited(unknown);
  expect(unknown.body.message).toBe(
    'Too many password reset requests for this email; try again later',
  );
  // Six requests from this address so far: the seventh is refused whatever the email.
  expectRateLimited(await reset('someone-else@example.org'));
});

it('limits verification mails per account', async () => {
  const user = await makeUser(t.http);
  const resend = () => t.http.post('/api/me/email/resend', undefined, { token: user.token });
  expect((await resend()).status).toBe(202);
  expect((await resend()).status).toBe(202);
  expectRateLimited(await resend());
  const change = await t.http.post(
    '/api/me/email',
    { email: 'another-address@example.org', password: user.password },
    { token: user.token },
  );
  expectRateLimited(change);
  // Someone else is not affected.
  const other = await makeUser(t.http);
  expect(
    (await t.http.post('/api/me/email/resend', undefined, { token: other.token })).status,
  ).toBe(202);
});

it('limits account changes per account', async () => {
  const user = await makeUser(t.http);
  for (let i = 0; i < 3; i++) {
    expect(
      (await t.http.patch('/api/me', { displayName: `Name ${i}` }, { token: user.token })).status,
    ).toBe(200);
  }
  expectRateLimited(await t.http.patch('/api/me', { locale: 'fr' }, { token: user.token }));
  expectRateLimited(
    await t.http.post(
      '/api/me/password',
      { currentPassword: user.password, newPassword: 'a brand new passphrase' },
      { token: user.token },
    ),
  );
});

it('limits token guesses per address', async () => {
  for (let i = 0; i < 4; i++) {
    const response = await t.http.post('/api/auth/verify-email', {
      token: `guess-${i}`.padEnd(43, 'x'),
    });
    expect(response.status).toBe(400);
  }
  expectRateLimited(
    await t.http.post('/api/auth/verify-email', { token: 'guess-5'.padEnd(43, 'x') }),
  );
  expectRateLimited(
    await t.http.post('/api/auth/password-reset/confirm', {
      token: 'guess-6'.padEnd(43, 'x'),
      password: 'a brand new passphrase',
    }),
  );
});

it('limits invitations per inviting account', async () => {
  const admin = await makeUser(t.http);
  const network = await makeNetwork(t.http, admin);
  const invite = (email: string) =>
    t.http.post(
      `/api/networks/${network.slug}/invitations`,
      { email, role: 'member' },
      { token: admin.token },
    );
  expect((await invite('one@example.org')).status).toBe(201);
  expect((await invite('two@example.org')).status).toBe(201);
  expectRateLimited(await invite('three@example.org'));
});
