import { createLocalSessionStore } from '../auth/session-store';
import { createFakeFetch, errorReply, reply, type RecordedCall } from '../test-support/fake-api';
import { makeAuthResponse, makeSession, makeUser } from '../test-support/fixtures';
import { ApiClient } from './api-client';
import { ApiError } from './api-error';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const bearer = (call: RecordedCall) => call.headers.Authorization;

function setup(routes: Parameters<typeof createFakeFetch>[0], withSession = true) {
  const store = createLocalSessionStore();
  if (withSession)
    store.write(makeSession({ accessToken: 'old-access', refreshToken: 'old-refresh-token' }));
  const { fetch, calls } = createFakeFetch(routes);
  const api = new ApiClient({ fetch, sessionStore: store });
  const expired = jest.fn();
  api.onSessionExpired(expired);
  return { api, store, calls, expired };
}

describe('ApiClient', () => {
  it('sends the access token and returns the parsed body', async () => {
    const { api, calls } = setup({ 'GET /api/me': reply(200, makeUser()) });

    await expect(api.get('/me')).resolves.toMatchObject({ displayName: 'Amira Haddad' });
    expect(bearer(calls[0])).toBe('Bearer old-access');
  });

  it('parses the error body into an ApiError with field problems', async () => {
    const { api } = setup({
      'POST /api/networks': errorReply(400, 'bad_request', 'Invalid request: slug, name', [
        { field: 'slug', problems: ['slug is taken'] },
        { field: 'name', problems: ['name is too long', 'name is odd'] },
      ]),
    });

    const error = await api.post('/networks', {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'Invalid request: slug, name',
    });
    expect((error as ApiError).fieldProblems()).toEqual({
      slug: 'slug is taken',
      name: 'name is too long; name is odd',
    });
  });

  it('answers 204 with undefined', async () => {
    const { api } = setup({ 'POST /api/networks/welcoming-cities/leave': reply(204) });
    await expect(api.post('/networks/welcoming-cities/leave')).resolves.toBeUndefined();
  });

  it('refreshes exactly once for concurrent 401s, stores the rotated tokens and retries each request', async () => {
    const refreshAnswer = deferred<void>();
    const { api, store, calls } = setup({
      'GET /api/me': (call) =>
        bearer(call) === 'Bearer new-access'
          ? reply(200, makeUser())
          : errorReply(401, 'unauthorized', 'Token expired'),
      'GET /api/networks': (call) =>
        bearer(call) === 'Bearer new-access'
          ? reply(200, { items: [], nextCursor: null })
          : errorReply(401, 'unauthorized', 'Token expired'),
      'POST /api/auth/refresh': async () => {
        await refreshAnswer.promise; // hold the refresh so both 401s arrive while it is in flight
        return reply(
          200,
          makeAuthResponse(makeUser(), {
            accessToken: 'new-access',
            refreshToken: 'new-refresh-token',
          }),
        );
      },
    });

    const both = Promise.all([api.get('/me'), api.get('/networks'), api.get('/me')]);
    await new Promise((settle) => setTimeout(settle, 0));
    refreshAnswer.resolve();
    const [me, networks] = await both;

    expect(me).toMatchObject({ displayName: 'Amira Haddad' });
    expect(networks).toEqual({ items: [], nextCursor: null });
    const refreshes = calls.filter((call) => call.path === '/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].body).toEqual({ refreshToken: 'old-refresh-token' });
    expect(store.read()).toMatchObject({
      accessToken: 'new-access',
      refreshToken: 'new-refresh-token',
    });
    const retries = calls.filter(
      (call) => call.method === 'GET' && bearer(call) === 'Bearer new-access',
    );
    expect(retries).toHaveLength(3);
  });

  it('uses the new refresh token for the next refresh (rotation)', async () => {
    let issued = 0;
    const { api, calls } = setup({
      'POST /api/auth/refresh': () => {
        issued += 1;
        return reply(
          200,
          makeAuthResponse(makeUser(), {
            accessToken: `access-${issued}`,
            refreshToken: `refresh-token-${issued}`,
          }),
        );
      },
    });

    await api.refreshSession();
    await api.refreshSession();

    const sent = calls.filter((call) => call.path === '/api/auth/refresh').map((call) => call.body);
    expect(sent).toEqual([
      { refreshToken: 'old-refresh-token' },
      { refreshToken: 'refresh-token-1' },
    ]);
  });

  it('signs out when the refresh token is refused', async () => {
    const { api, store, calls, expired } = setup({
      'GET /api/me': errorReply(401, 'unauthorized', 'Token expired'),
      'POST /api/auth/refresh': errorReply(401, 'unauthorized', 'Refresh token revoked'),
    });

    await expect(api.get('/me')).rejects.toMatchObject({ status: 401 });

    expect(store.read()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
    expect(calls.filter((call) => call.path === '/api/me')).toHaveLength(1); // no retry without a token
  });

  it('keeps the session when the refresh could not reach the server', async () => {
    const { api, store, expired } = setup({
      'GET /api/me': errorReply(401, 'unauthorized', 'Token expired'),
      'POST /api/auth/refresh': errorReply(
        503,
        'unavailable',
        'The database is unavailable; try again shortly',
      ),
    });

    await expect(api.get('/me')).rejects.toMatchObject({ status: 503 });

    expect(store.read()).toMatchObject({ refreshToken: 'old-refresh-token' });
    expect(expired).not.toHaveBeenCalled();
  });

  it('turns a failed fetch into a network ApiError', async () => {
    const store = createLocalSessionStore();
    const api = new ApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      sessionStore: store,
    });

    await expect(api.get('/me')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('does not retry public calls on 401', async () => {
    const { api, calls } = setup(
      { 'POST /api/auth/login': errorReply(401, 'unauthorized', 'Wrong email or password') },
      false,
    );

    await expect(
      api.authenticate('/auth/login', { email: 'a@b.org', password: 'x' }),
    ).rejects.toMatchObject({
      message: 'Wrong email or password',
    });
    expect(calls).toHaveLength(1);
    expect(bearer(calls[0])).toBeUndefined();
  });

  it('signs out on the server with the refresh token and forgets the session', async () => {
    const { api, store, calls, expired } = setup({ 'POST /api/auth/logout': reply(204) });

    await api.signOut();

    expect(calls[0]).toMatchObject({
      path: '/api/auth/logout',
      body: { refreshToken: 'old-refresh-token' },
    });
    expect(store.read()).toBeNull();
    expect(expired).not.toHaveBeenCalled();
  });
});
