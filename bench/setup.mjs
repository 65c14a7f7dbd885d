// The population every benchmark uses: one owner who registers through the API, N bench users,
// one open network and channel, and threads created through the API.
//
// By default the bench users are not registered through POST /api/auth/register: each
// registration hashes a password with argon2id, which on this 2-core machine runs at about 25-30
// registrations per second (19 MiB, t=2, p=1; it was 4-5 per second with the library defaults),
// so 2,000 accounts would add 70-80 s to every run. Instead the owner registers through the API
// (one real hash), and the bench users are inserted in one SQL statement with a copy of that hash
// (they can sign in with the same password), each with a sign-in session row (refresh_tokens) as
// login writes it; their access tokens are HS256 JWTs signed with the JWT_SECRET the bench gives
// the server. The server checks them as it checks its own (signature, expiry, live session,
// existing user): setup verifies one with GET /api/me before anything runs. Joining the network
// and creating threads go through the HTTP API. BENCH_REGISTER_VIA_API=1 registers every user
// through the API instead.
import { createHmac } from 'node:crypto';
import pg from 'pg';
import { httpClient, log, pool } from './common.mjs';

const PASSWORD = 'benchmark-password-1';

function signAccessToken(secret, claims, ttlSeconds) {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const head = encode({ alg: 'HS256', typ: 'JWT' });
  const body = encode({ ...claims, iat, exp: iat + ttlSeconds });
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/**
 * Creates `userCount` users (all network members) and returns
 * `{ owner, users: [{ id, token }], network, channel }`.
 */
export async function populate({ url, databaseUrl, jwtSecret, userCount, ttlSeconds = 3600 }) {
  const http = httpClient(url, { maxSockets: 16 });
  const started = Date.now();
  try {
    const registered = await http.call('POST', '/api/auth/register', {
      body: { email: 'owner@bench.test', password: PASSWORD, displayName: 'Bench owner' },
    });
    const owner = { id: registered.user.id, token: registered.accessToken };
    const network = await http.call('POST', '/api/networks', {
      token: owner.token,
      body: { slug: 'bench', name: 'Benchmark network', description: 'bench', visibility: 'open' },
    });
    const channel = await http.call('POST', `/api/networks/${network.slug}/channels`, {
      token: owner.token,
      body: {
        slug: 'general',
        name: 'General',
        description: 'bench',
        topics: [],
        visibility: 'network',
      },
    });

    if (process.env.BENCH_REGISTER_VIA_API === '1') {
      const users = await pool(userCount, 8, async (i) => {
        const response = await http.call('POST', '/api/auth/register', {
          body: {
            email: `bench-${i + 1}@bench.test`,
            password: PASSWORD,
            displayName: `Bench user ${i + 1}`,
          },
        });
        return { id: response.user.id, token: response.accessToken };
      });
      await pool(users.length, 16, (i) =>
        http.call('POST', `/api/networks/${network.slug}/join`, { token: users[i].token }),
      );
      log(
        'setup',
        `${userCount} users registered through the API in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return { owner, users, network, channel };
    }

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    let rows;
    try {
      ({ rows } = await db.query(
        `WITH hash AS (SELECT password_hash FROM users WHERE id = $1),
              created AS (
                INSERT INTO users (email, display_name, password_hash, handle)
                SELECT 'bench-' || g || '@bench.test', 'Bench user ' || g, hash.password_hash, 'bench-user-' || g
                  FROM generate_series(1, $2) g, hash
                RETURNING id, email),
              sessions AS (
                INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
                SELECT id, gen_random_uuid(), md5(random()::text || id::text) || md5(random()::text || email),
                       now() + interval '1 day'
                  FROM created
                RETURNING user_id, family_id)
         SELECT c.id, c.email, s.family_id FROM created c JOIN sessions s ON s.user_id = c.id`,
        [owner.id, userCount],
      ));
    } finally {
      await db.end();
    }
    const byNumber = (email) => Number(/^bench-(\d+)@/.exec(email)[1]);
    rows.sort((a, b) => byNumber(a.email) - byNumber(b.email));
    const users = rows.map((row) => ({
      id: row.id,
      token: signAccessToken(jwtSecret, { sub: row.id, sid: row.family_id }, ttlSeconds),
    }));

    const me = await http.call('GET', '/api/me', { token: users[0].token });
    if (me.id !== users[0].id) throw new Error(`GET /api/me answered ${JSON.stringify(me)}`);

    await pool(users.length, 16, (i) =>
      http.call('POST', `/api/networks/${network.slug}/join`, { token: users[i].token }),
    );
    log(
      'setup',
      `${userCount} users, network and channel ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return { owner, users, network, channel };
  } finally {
    http.close();
  }
}

/** Creates one thread per entry of `creators` (user objects) through the API; returns their ids. */
export async function createThreads({ url, channelId, creators, label }) {
  const http = httpClient(url, { maxSockets: 16 });
  try {
    return await pool(creators.length, 8, async (i) => {
      const thread = await http.call('POST', `/api/channels/${channelId}/threads`, {
        token: creators[i].token,
        body: {
          title: `${label} ${i + 1}`,
          body: `Opening message of ${label} ${i + 1}`,
          attribution: 'named',
          topics: [],
          clientId: `${label}-thread-${i + 1}`,
        },
      });
      return thread.id;
    });
  } finally {
    http.close();
  }
}
