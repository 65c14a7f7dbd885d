import type { AuthResponse } from '@tandem/domain';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { settle, tokenFromLink, mailsTo, waitForMailsTo } from './support/account-mail';
import { makeNetwork, makeUser } from './support/factories';
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

async function register(
  body: { email: string; locale?: string; displayName?: string },
  headers: Record<string, string> = {},
) {
  const response = await t.http.post<AuthResponse>(
    '/api/auth/register',
    { password: 'correct horse battery', displayName: 'Nadia Test', ...body },
    { headers },
  );
  expect(response.status).toBe(201);
  return response.body;
}

describe('email verification at sign-up', () => {
  it('mails a link once, in the locale chosen at sign-up, that verifies the address once', async () => {
    const email = `verify-${unique()}@example.org`;
    const session = await register({ email, locale: 'de', displayName: 'Jonas' });
    expect(session.user).toMatchObject({ email, locale: 'de', emailVerified: false });

    const [mail] = await waitForMailsTo(smtp, email, 1);
    expect(mail.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse für Tandem');
    expect(mail.text).toContain('Guten Tag Jonas,');
    expect(mail.html).toEqual(expect.stringContaining('lang="de"'));
    const token = tokenFromLink(mail, PUBLIC_URL, '/verify-email');

    const verified = await t.http.post('/api/auth/verify-email', { token });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ email });
    expect(verified.headers.get('cache-control')).toBe('no-store');
    const me = await t.http.get('/api/me', { token: session.accessToken });
    expect(me.body).toMatchObject({ emailVerified: true, pendingEmail: null });
    expect(me.headers.get('cache-control')).toBe('no-store');

    const again = await t.http.post('/api/auth/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.body.details).toEqual([
      { field: 'token', problems: ['the token was used already'] },
    ]);
    await settle(1500);
    expect(mailsTo(smtp, email)).toHaveLength(1);
  });

  it('takes the account locale from Accept-Language when the form sends none', async () => {
    const email = `lang-${unique()}@example.org`;
    const session = await register({ email }, { 'accept-language': 'ja, uk;q=0.9, fr;q=0.5' });
    expect(session.user.locale).toBe('uk');
    const [mail] = await waitForMailsTo(smtp, email, 1);
    expect(mail.subject).toBe('Підтвердьте свою адресу електронної пошти для Tandem');
    const plain = await register({ email: `plain-${unique()}@example.org` });
    expect(plain.user.locale).toBe('en');
  });

  it('refuses an unknown or expired token with 400 naming the token', async () => {
    const unknown = await t.http.post('/api/auth/verify-email', { token: 'x'.repeat(43) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'token', problems: ['the token is unknown'] }]);

    const email = `expire-${unique()}@example.org`;
    await register({ email });
    const token = tokenFromLink(
      (await waitForMailsTo(smtp, email))[0],
      PUBLIC_URL,
      '/verify-email',
    );
    await t.app.get(DataSource).query(
      `UPDATE account_tokens SET created_at = now() - interval '3 days', expires_at = now() - interval '1 second'
          WHERE email = $1`,
      [email],
    );
    const expired = await t.http.post('/api/auth/verify-email', { token });
    expect(expired.status).toBe(400);
    expect(expired.body.details).toEqual([{ field: 'token', problems: ['the token has expired'] }]);
  });

  it('answers bad input with 400 naming the field, never a 5xx', async () => {
    for (const body of [{}, { token: 42 }, { token: { $ne: '' } }, { token: 'short' }]) {
      const response = await t.http.post('/api/auth/verify-email', body);
      expect(response.status).toBe(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(['token']);
    }
    const raw = await t.http.post('/api/auth/verify-email', undefined, { raw: '{"token":' });
    expect(raw.status).toBe(400);
  });
});

describe('password reset', () => {
  it('mails a single-use link that sets the password and ends every session', async () => {
    const user = await makeUser(t.http, { email: `reset-${unique()}@example.org` });
    const second = await t.http.post<AuthResponse>('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    await waitForMailsTo(smtp, user.email, 1); // the sign-up verification

    const asked = await t.http.post('/api/auth/password-reset', {
      email: user.email.toUpperCase(),
    });
    expect(asked.status).toBe(202);
    const [mail] = await waitForMailsTo(smtp, user.email, 1, {
      subject: 'Reset your Tandem password',
    });
    expect(mail.text).toContain(`${PUBLIC_URL}/reset-password?token=`);
    const token = tokenFromLink(mail, PUBLIC_URL, '/reset-password');

    const newPassword = 'a brand new passphrase';
    const done = await t.http.post('/api/auth/password-reset/confirm', {
      token,
      password: newPassword,
    });
    expect(done.status).toBe(204);

    // Every session has ended: access tokens at once, refresh tokens too.
    for (const session of [user, second.body]) {
      expect((await t.http.get('/api/me', { token: session.accessToken })).status).toBe(401);
      expect(
        (await t.http.post('/api/auth/refresh', { refreshToken: session.refreshToken })).status,
      ).toBe(401);
    }
    expect(
      (await t.http.post('/api/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(401);
    const signedIn = await t.http.post('/api/auth/login', {
      email: user.email,
      password: newPassword,
    });
    expect(signedIn.status).toBe(200);
    // The link came to the address, so it counts as verified now.
    expect(signedIn.body.user.emailVerified).toBe(true);

    const reused = await t.http.post('/api/auth/password-reset/confirm', {
      token,
      password: 'yet another passphrase',
    });
    expect(reused.status).toBe(400);
    expect(reused.body.details).toEqual([
      { field: 'token', problems: ['the token was used already'] },
    ]);

    const [notice] = await waitForMailsTo(smtp, user.email, 1, {
      subject: 'Your Tandem password was changed',
    });
    expect(notice.text).toContain(`${PUBLIC_URL}/forgot-password`);
    await settle(1500);
    expect(mailsTo(smtp, user.email).map((m) => m.subject)).toEqual([
      'Confirm your email address for Tandem',
      'Reset your Tandem password',
      'Your Tandem password was changed',
    ]);
  });

  it('answers an unknown address exactly like a known one, and mails nobody', async () => {
    const user = await makeUser(t.http, { email: `known-${unique()}@example.org` });
    const unknownEmail = `nobody-${unique()}@example.org`;
    const before = smtp.mails.length;

    const timed = async (email: string) => {
      const started = Date.now();
      const response = await t.http.post('/api/auth/password-reset', { email });
      return { response, ms: Date.now() - started };
    };
    const known = await timed(user.email);
    const unknown = await timed(unknownEmail);
    expect(unknown.response.status).toBe(known.response.status);
    expect(unknown.response.status).toBe(202);
    expect(unknown.response.text).toBe(known.response.text);
    expect(known.ms).toBeGreaterThanOrEqual(290);
    expect(unknown.ms).toBeGreaterThanOrEqual(290);

    await waitForMailsTo(smtp, user.email, 1, { subject: 'Reset your Tandem password' });
    await settle(1500);
    expect(mailsTo(smtp, unknownEmail)).toHaveLength(0);
    expect(smtp.mails.length - before).toBe(2); // sign-up verification and the reset, for user
  });

  it('lets only the newest link work, and none after 60 minutes', async () => {
    const user = await makeUser(t.http, { email: `twice-${unique()}@example.org` });
    await t.http.post('/api/auth/password-reset', { email: user.email });
    await t.http.post('/api/auth/password-reset', { email: user.email });
    const mails = await waitForMailsTo(smtp, user.email, 2, {
      subject: 'Reset your Tandem password',
    });
    const [first, second] = mails.map((mail) => tokenFromLink(mail, PUBLIC_URL, '/reset-password'));
    const replaced = await t.http.post('/api/auth/password-reset/confirm', {
      token: first,
      password: 'a brand new passphrase',
    });
    expect(replaced.status).toBe(400);

    await t.app.get(DataSource).query(
      `UPDATE account_tokens SET created_at = now() - interval '61 minutes', expires_at = now() - interval '1 minute'
          WHERE purpose = 'password_reset' AND user_id = $1 AND revoked_at IS NULL`,
      [user.user.id],
    );
    const expired = await t.http.post('/api/auth/password-reset/confirm', {
      token: second,
      password: 'a brand new passphrase',
    });
    expect(expired.status).toBe(400);
    expect(expired.body.details).toEqual([{ field: 'token', problems: ['the token has expired'] }]);
    expect(
      (await t.http.post('/api/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(200);
  });

  it('answers bad input with 400 naming each field', async () => {
    const noEmail = await t.http.post('/api/auth/password-reset', { email: 'not an address' });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.details.map((d: { field: string }) => d.field)).toEqual(['email']);
    const objectEmail = await t.http.post('/api/auth/password-reset', { email: { a: 1 } });
    expect(objectEmail.status).toBe(400);
    const confirm = await t.http.post('/api/auth/password-reset/confirm', {
      token: 7,
      password: 'short',
    });
    expect(confirm.status).toBe(400);
    expect(confirm.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'password',
      'token',
    ]);
  });
});

describe('invitation mail', () => {
  it('mails a new colleague in the inviter’s locale; they join from the mail', async () => {
    const admin = await makeUser(t.http);
    await t.http.patch('/api/me', { locale: 'es' }, { token: admin.token });
    const network = await makeNetwork(t.http, admin, { visibility: 'invite', name: 'Red Sur' });
    const email = `colleague-${unique()}@example.org`;

    const invited = await t.http.post(
      `/api/networks/${network.slug}/invitations`,
      { email, role: 'moderator' },
      { token: admin.token },
    );
    expect(invited.status).toBe(201);
    expect(invited.body.token).toEqual(expect.any(String)); // the inviter still sees the link

    const [mail] = await waitForMailsTo(smtp, email, 1);
    expect(mail.subject).toBe(`${admin.user.displayName} te invita a unirte a Red Sur en Tandem`);
    expect(mail.text).toContain('como moderador/a');
    const acceptUrl = `${PUBLIC_URL}/invitations/${invited.body.token}`;
    expect(mail.text).toContain(acceptUrl);
    expect(mail.html).toEqual(expect.stringContaining(`href="${acceptUrl}"`));

    // The colleague opens the link, signs up with the invited address and accepts.
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    const colleague = await register({ email });
    const accepted = await t.http.post(`/api/invitations/${token}/accept`, undefined, {
      token: colleague.accessToken,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ slug: network.slug, myRole: 'moderator' });
    const me = await t.http.get('/api/me', { token: colleague.accessToken });
    expect(me.body.emailVerified).toBe(true);
    await settle(1000);
    expect(mailsTo(smtp, email).filter((m) => m.subject === mail.subject)).toHaveLength(1);
  });

  it('writes to someone with an account in their own locale', async () => {
    const admin = await makeUser(t.http);
    const network = await makeNetwork(t.http, admin, { name: 'Sieć Północ' });
    const invitee = await register({ email: `pl-${unique()}@example.org`, locale: 'pl' });
    await waitForMailsTo(smtp, invitee.user.email, 1);
    await t.http.post(
      `/api/networks/${network.slug}/invitations`,
      { email: invitee.user.email, role: 'member' },
      { token: admin.token },
    );
    const [mail] = await waitForMailsTo(smtp, invitee.user.email, 1, { subject: /Sieć Północ/ });
    expect(mail.subject).toBe(
      `${admin.user.displayName} zaprasza Cię do sieci Sieć Północ w Tandem`,
    );
    expect(mail.html).toEqual(expect.stringContaining('lang="pl"'));
  });
});
