import { startTestApp, TEST_JWT_SECRET, TestApp } from '../support/app';
import { makeUser } from '../support/factories';
import { forgeJwt } from '../support/jwt';
import { makeScene, record, refusal, SocketPool } from '../support/realtime';
import { request, settle, until } from '../support/sockets';

const now = (): number => Math.floor(Date.now() / 1000);

describe('socket handshake', () => {
  let t: TestApp;
  const pool = new SocketPool();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
  });

  it('refuses a connection without a token, saying to pass auth.token', async () => {
    const error = await refusal(t.baseUrl, undefined);
    expect(error.message).toBe('Authentication required: pass auth.token');
    expect(error.data).toMatchObject({ code: 'unauthorized', reason: 'missing_token' });
  });

  it('refuses an empty or non-string token the same way', async () => {
    expect((await refusal(t.baseUrl, '')).message).toMatch(/Authentication required/);
  });

  it('refuses a malformed token and one signed with another key', async () => {
    const user = await makeUser(t.http);
    for (const token of [
      'not-a-jwt',
      forgeJwt({ sub: user.user.id, sid: 'x', exp: now() + 60 }, { secret: 'another-secret' }),
      forgeJwt({ sub: user.user.id, exp: now() + 60 }, { alg: 'none' }),
      forgeJwt({ sub: user.user.id, exp: now() + 60 }, { secret: TEST_JWT_SECRET, alg: 'HS512' }),
    ]) {
      const error = await refusal(t.baseUrl, token);
      expect(error.message).toBe('Access token is not valid');
      expect(error.data).toMatchObject({ code: 'unauthorized', reason: 'invalid_token' });
    }
  });

  it('refuses a correctly signed token whose claims are not ids, without leaking SQL errors', async () => {
    const token = forgeJwt(
      { sub: 'not-a-uuid', sid: 'also-not-a-uuid', exp: now() + 60 },
      { secret: TEST_JWT_SECRET },
    );
    const error = await refusal(t.baseUrl, token);
    expect(error.message).toBe('Access token is not valid');
    expect(error.data).toMatchObject({ code: 'unauthorized', reason: 'invalid_token' });
  });

  it('refuses an expired token, telling the client to refresh it', async () => {
    const user = await makeUser(t.http);
    // The real session's ids, signed with the real key: only the expiry is wrong.
    const claims = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString());
    const expired = forgeJwt(
      { ...claims, iat: now() - 120, exp: now() - 60 },
      { secret: TEST_JWT_SECRET },
    );
    const error = await refusal(t.baseUrl, expired);
    expect(error.message).toBe('Access token expired; refresh it');
    expect(error.data).toMatchObject({ code: 'unauthorized', reason: 'token_expired' });
  });

  it('refuses the token of a signed-out session', async () => {
    const user = await makeUser(t.http);
    const out = await t.http.post('/api/auth/logout', { refreshToken: user.refreshToken });
    expect(out.status).toBeLessThan(300);
    const error = await refusal(t.baseUrl, user.token);
    expect(error.message).toBe('This session has ended; sign in again');
    expect(error.data).toMatchObject({ code: 'unauthorized', reason: 'session_ended' });
  });

  it('refuses a browser page from another origin', async () => {
    const user = await makeUser(t.http);
    const { io } = await import('socket.io-client');
    const socket = io(t.baseUrl, {
      path: '/socket.io',
      auth: { token: user.token },
      transports: ['polling'],
      extraHeaders: { origin: 'http://evil.example' },
      reconnection: false,
      forceNew: true,
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
  });

  it('connects with a valid token, and the socket works', async () => {
    const { admin, thread } = await makeScene(t.http, { members: 0 });
    const socket = await pool.open(t, admin);
    expect(socket.connected).toBe(true);
    expect(await request(socket, 'thread:join', { threadId: thread.id })).toMatchObject({
      ok: true,
    });
  });

  it('on logout, tells the connected sockets of that session why and disconnects them, and only them', async () => {
    const user = await makeUser(t.http);
    const login = await t.http.post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(login.status).toBe(200);
    const signedOut = await pool.open(t, user);
    const sameSessionTab = await pool.open(t, user);
    const otherSession = await pool.open(t, login.body.accessToken);
    const events = [signedOut, sameSessionTab, otherSession].map(record);
    const reasons = [signedOut, sameSessionTab, otherSession].map((socket) => {
      const seen: string[] = [];
      socket.on('disconnect', (reason) => seen.push(reason));
      return seen;
    });

    await t.http.post('/api/auth/logout', { refreshToken: user.refreshToken });
    await until(() => reasons[0].length === 1 && reasons[1].length === 1);
    expect(events[0]).toEqual([{ event: 'session:ended', payload: { reason: 'signed_out' } }]);
    expect(events[1]).toEqual([{ event: 'session:ended', payload: { reason: 'signed_out' } }]);
    expect(reasons[0]).toEqual(['io server disconnect']);
    await settle();
    expect(otherSession.connected).toBe(true);
    expect(events[2]).toEqual([]);
  });

  it('ends the sockets of a session revoked for refresh-token reuse, telling them why', async () => {
    const user = await makeUser(t.http);
    const socket = await pool.open(t, user);
    const events = record(socket);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // A stolen refresh token used after its owner rotated it: the whole session is revoked.
    const rotated = await t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(rotated.status).toBe(200);
    const reused = await t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(reused.status).toBe(401);
    expect(await disconnected).toBe('io server disconnect');
    expect(events).toEqual([{ event: 'session:ended', payload: { reason: 'removed' } }]);
    expect((await refusal(t.baseUrl, rotated.body.accessToken)).data).toMatchObject({
      reason: 'session_ended',
    });
  });
});

describe('access token expiry while connected', () => {
  let t: TestApp;
  const pool = new SocketPool();
  beforeAll(async () => {
    t = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '5' });
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
  });

  it('emits session:ended {reason: token_expired} and disconnects when the token runs out', async () => {
    const user = await makeUser(t.http);
    const issuedAt = Date.now();
    const socket = await pool.open(t, user);
    const events = record(socket);
    let disconnectedAt = 0;
    let reason = '';
    socket.on('disconnect', (why) => {
      disconnectedAt = Date.now();
      reason = why;
    });
    await until(() => disconnectedAt > 0, 7000);
    expect(events).toEqual([{ event: 'session:ended', payload: { reason: 'token_expired' } }]);
    expect(reason).toBe('io server disconnect');
    // Not before the token expired (second precision), and promptly after.
    expect(disconnectedAt - issuedAt).toBeGreaterThan(3500);
    expect(disconnectedAt - issuedAt).toBeLessThan(6500);

    // The client refreshes and reconnects.
    const refreshed = await t.http.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(refreshed.status).toBe(200);
    const again = await pool.open(t, refreshed.body.accessToken);
    expect(again.connected).toBe(true);
  }, 20000);
});
