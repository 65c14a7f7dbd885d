import { Client } from 'pg';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/app';
import { makeUser } from './support/factories';
import { forgeJwt } from './support/jwt';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function countUsers(): Promise<number> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM users');
  await client.end();
  return Number(rows[0].n);
}

describe('register', () => {
  it('creates an account and returns tokens and the user, never the password hash', async () => {
    const response = await t.http.post('/api/auth/register', {
      email: '  Amira@Example.ORG ',
      password: 'a long enough passphrase',
      displayName: 'Amira',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      accessTokenExpiresAt: expect.any(String),
      user: {
        id: expect.any(String),
        email: 'amira@example.org',
        displayName: 'Amira',
        handle: 'amira',
        organisation: null,
        createdAt: expect.any(String),
        locale: 'en',
        readingLanguages: [],
        emailVerified: false,
        pendingEmail: null,
      },
    });
    expect(response.text).not.toMatch(/argon2|passwordHash|password_hash/);
  });

  it('refuses a second account for the same email, whatever its case (409)', async () => {
    const user = await makeUser(t.http);
    const response = await t.http.post('/api/auth/register', {
      email: user.email.toUpperCase(),
      password: 'another long password',
      displayName: 'Copy',
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('conflict');
  });

  it.each([
    [
      'a password shorter than 10 characters',
      { email: 'p@example.org', password: '123456789', displayName: 'P' },
      'password',
    ],
    [
      'a malformed email',
      { email: 'not-an-email', password: 'long enough password', displayName: 'P' },
      'email',
    ],
    [
      'an object where a string belongs',
      { email: { $gt: '' }, password: 'long enough password', displayName: 'P' },
      'email',
    ],
    [
      'a missing display name',
      { email: 'p@example.org', password: 'long enough password' },
      'displayName',
    ],
    [
      'a display name that is too long',
      { email: 'p@example.org', password: 'long enough password', displayName: 'x'.repeat(81) },
      'displayName',
    ],
    [
      'an unknown field',
      { email: 'p@example.org', password: 'long enough password', displayName: 'P', isAdmin: true },
      'isAdmin',
    ],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_case, body, field) => {
    const before = await countUsers();
    const response = await t.http.post('/api/auth/register', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'bad_request' });
    expect(response.body.message).toContain(field);
    expect(response.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
    expect(await countUsers()).toBe(before);
  });

  it('refuses a malformed JSON body with 400', async () => {
    const response = await t.http.post('/api/auth/register', undefined, { raw: '{"email": "x@' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      error: 'bad_request',
      message: expect.any(String),
    });
  });

  it('gives each account a unique handle derived from its name', async () => {
    const first = await makeUser(t.http, { displayName: 'Élodie Martin' });
    const second = await makeUser(t.http, { displayName: 'Elodie  Martin!' });
    expect(first.user.handle).toBe('elodie-martin');
    expect(second.user.handle).toBe('elodie-martin-2');
  });

  it('stores the password as an argon2id hash', async () => {
    const user = await makeUser(t.http);
    const client = new Client({ connectionString: t.db.url });
    await client.connect();
    const { rows } = await client.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE email = $1',
      [user.email],
    );
    await client.end();
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(user.password);
  });
});

describe('login', () => {
  it('signs in with the right password', async () => {
    const user = await makeUser(t.http);
    const response = await t.http.post('/api/auth/login', {
      email: user.email.toUpperCase(),
      password: user.password,
    });
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(user.user.id);
  });

  it('answers the same 401 for a wrong password and for an unknown email', async () => {
    const user = await makeUser(t.http);
    const wrong = await t.http.post('/api/auth/login', {
      email: user.email,
      password: 'not the password',
    });
    const unknown = await t.http.post('/api/auth/login', {
      email: 'nobody@example.org',
      password: 'whatever it is',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });
});

describe('access tokens', () => {
  it('GET /api/me answers with the caller', async () => {
    const user = await makeUser(t.http);
    const response = await t.http.get('/api/me', { token: user.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.user.id, email: user.email });
  });

  it('refuses a missing token with 401', async () => {
    const response = await t.http.get('/api/me');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'unauthorized',
      message: 'Authentication required',
    });
  });

  it('refuses an expired token with a message that says to refresh', async () => {
    const user = await makeUser(t.http);
    const now = Math.floor(Date.now() / 1000);
    const token = forgeJwt(
      { sub: user.user.id, sid: 'x', iat: now - 1000, exp: now - 10 },
      { secret: TEST_JWT_SECRET },
    );
    const response = await t.http.get('/api/me', { token });
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/expired/);
  });

  it.each([
    [
      'alg none',
      (sub: string) =>
        forgeJwt({ sub, sid: 's', exp: Math.floor(Date.now() / 1000) + 600 }, { alg: 'none' }),
    ],
    [
      'another algorithm with the right secret',
      (sub: string) =>
        forgeJwt(
          { sub, sid: 's', exp: Math.floor(Date.now() / 1000) + 600 },
          { alg: 'HS512', secret: TEST_JWT_SECRET },
        ),
    ],
    [
      'the wrong secret',
      (sub: string) =>
        forgeJwt(
          { sub, sid: 's', exp: Math.floor(Date.now() / 1000) + 600 },
          { secret: 'guessed-secret-guessed-secret-guessed' },
        ),
    ],
  ])('refuses a token signed with %s', async (_case, forge) => {
    const user = await makeUser(t.http);
    const response = await t.http.get('/api/me', { token: forge(user.user.id) });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Access token is not valid');
  });

  it('refuses a tampered token (payload changed after signing)', async () => {
    const [alice, bob] = [await makeUser(t.http), await makeUser(t.http)];
    const [header, , signature] = alice.token.split('.');
    const payload = JSON.parse(Buffer.from(alice.token.split('.')[1], 'base64url').toString());
    const tampered = Buffer.from(JSON.stringify({ ...payload, sub: bob.user.id })).toString(
      'base64url',
    );
    const response = await t.http.get('/api/me', { token: `${header}.${tampered}.${signature}` });
    expect(response.status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotates: the new refresh token works and the old one is spent', async () => {
    const user = await makeUser(t.http);
    const first = await t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    const me = await t.http.get('/api/me', { token: first.body.accessToken });
    expect(me.status).toBe(200);
    const second = await t.http.post('/api/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    expect(second.status).toBe(200);
  });

  it('treats re-use of a rotated token as theft and revokes the whole family', async () => {
    const user = await makeUser(t.http);
    const rotated = await t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(rotated.status).toBe(200);
    const replay = await t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.message).toMatch(/already used/);
    // The legitimate holder's newer token is now dead as well.
    const legit = await t.http.post('/api/auth/refresh', {
      refreshToken: rotated.body.refreshToken,
    });
    expect(legit.status).toBe(401);
    // Other sessions of the same user are untouched.
    const other = await t.http.post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(
      (await t.http.post('/api/auth/refresh', { refreshToken: other.body.refreshToken })).status,
    ).toBe(200);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const user = await makeUser(t.http);
    const results = await Promise.all([
      t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken }),
      t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('refuses an unknown refresh token', async () => {
    const response = await t.http.post('/api/auth/refresh', { refreshToken: 'x'.repeat(43) });
    expect(response.status).toBe(401);
  });

  it('logout ends the session: its refresh token stops working', async () => {
    const user = await makeUser(t.http);
    const logout = await t.http.post('/api/auth/logout', { refreshToken: user.refreshToken });
    expect(logout.status).toBe(204);
    const refresh = await t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(refresh.status).toBe(401);
  });
});

describe('access tokens follow their session', () => {
  const me = (token: string) => t.http.get('/api/me', { token });

  it('refuses the access token at once after sign-out, even right after it was accepted', async () => {
    const user = await makeUser(t.http);
    expect((await me(user.token)).status).toBe(200);
    expect((await me(user.token)).status).toBe(200);
    await t.http.post('/api/auth/logout', { refreshToken: user.refreshToken });
    const refused = await me(user.token);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('This session has ended; sign in again');
  });

  it('refuses it within five seconds when the session ends elsewhere (another process)', async () => {
    const user = await makeUser(t.http);
    expect((await me(user.token)).status).toBe(200);
    // As another server process would: straight in Postgres, with no event reaching this one.
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    try {
      await db.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1`, [
        user.user.id,
      ]);
    } finally {
      await db.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    expect((await me(user.token)).status).toBe(401);
  });
});
