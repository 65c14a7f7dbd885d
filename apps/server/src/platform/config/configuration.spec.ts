import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHATHAM_MIN_GROUP_CEILING,
  CHATHAM_MIN_GROUP_DEFAULT,
  CHATHAM_MIN_GROUP_FLOOR,
} from '@tandem/domain';
import { ConfigError, loadConfig, type AppConfig } from './configuration';

type Env = Record<string, string | undefined>;

const SECRET = 'x'.repeat(32);

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(tmpdir() + '/cfg-');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Loads with DATA_DIR in this test's own temporary folder unless the env says otherwise. */
function load(env: Env = {}, cwd = dir): AppConfig {
  return loadConfig({ DATA_DIR: join(dir, 'data'), ...env }, cwd);
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, but loadConfig returned');
}

const secretFile = (dataDir: string): string => join(dataDir, 'jwt-secret');

describe('loadConfig defaults', () => {
  it('needs no configuration at all for a development server', () => {
    const config = loadConfig({}, dir);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe(join(dir, '.data'));
    expect(config.databaseUrl).toBeNull();
    expect(config.redisUrl).toBeNull();
    expect(config.webOrigin).toBeNull();
    expect(config.trustProxy).toBe(false);
    expect(config.logLevel).toBe('info');
    expect(config.accessTokenTtlSeconds).toBe(900);
    expect(config.refreshTokenTtlDays).toBe(30);
    expect(config.version).toBe('0.1.0');
    expect(config.webDist).toBe(join(dir, 'apps/web/dist'));
  });

  it('with the embedded database (no DATABASE_URL) loads demo content and migrates on start', () => {
    const config = load();
    expect(config.databaseUrl).toBeNull();
    expect(config.demoContent).toBe(true);
    expect(config.migrateOnStart).toBe(true);
  });

  it.each([
    ['postgres://tandem:pw@db:5432/tandem'],
    ['postgresql://tandem@localhost/tandem?sslmode=require'],
  ])('with DATABASE_URL %s neither loads demo content nor migrates by default', (databaseUrl) => {
    const config = load({ DATABASE_URL: databaseUrl });
    expect(config.databaseUrl).toBe(databaseUrl);
    expect(config.demoContent).toBe(false);
    expect(config.migrateOnStart).toBe(false);
  });

  it('lets DEMO_CONTENT and MIGRATE_ON_START override the database-based defaults', () => {
    const external = load({
      DATABASE_URL: 'postgres://db/tandem',
      DEMO_CONTENT: 'true',
      MIGRATE_ON_START: 'yes',
    });
    expect(external.demoContent).toBe(true);
    expect(external.migrateOnStart).toBe(true);

    const embedded = load({ DEMO_CONTENT: 'false', MIGRATE_ON_START: '0' });
    expect(embedded.demoContent).toBe(false);
    expect(embedded.migrateOnStart).toBe(false);
  });

  it('has the documented rate-limit defaults', () => {
    expect(load().rateLimits).toEqual({
      registerPerAddress: { limit: 100, windowSeconds: 3600 },
      registerPerAccount: { limit: 5, windowSeconds: 3600 },
      loginPerAddress: { limit: 300, windowSeconds: 900 },
      loginFailuresPerAccount: { limit: 5, windowSeconds: 1800 },
      refreshPerAddress: { limit: 600, windowSeconds: 900 },
      postPerUser: { limit: 60, windowSeconds: 60 },
      postPerUserPerThread: { limit: 20, windowSeconds: 60 },
      searchPerUser: { limit: 60, windowSeconds: 60 },
      exportPerUser: { limit: 30, windowSeconds: 300 },
      pdfExportPerUser: { limit: 10, windowSeconds: 300 },
      flagPerUser: { limit: 20, windowSeconds: 600 },
      invitationPerUser: { limit: 100, windowSeconds: 3600 },
      socketConnectionsPerUser: { limit: 120, windowSeconds: 60 },
      passwordResetPerAccount: { limit: 3, windowSeconds: 3600 },
      passwordResetPerAddress: { limit: 100, windowSeconds: 3600 },
      accountTokensPerAddress: { limit: 100, windowSeconds: 900 },
      accountChangesPerAccount: { limit: 30, windowSeconds: 3600 },
      accountMailPerAccount: { limit: 5, windowSeconds: 3600 },
      accountMailPerAddress: { limit: 100, windowSeconds: 3600 },
      invitationsPerAccount: { limit: 100, windowSeconds: 3600 },
    });
  });

  it.each([
    ['PORT', 'port', 3000],
    ['DATABASE_URL', 'databaseUrl', null],
    ['REDIS_URL', 'redisUrl', null],
    ['WEB_ORIGIN', 'webOrigin', null],
    ['TRUST_PROXY', 'trustProxy', false],
    ['ACCESS_TOKEN_TTL_SECONDS', 'accessTokenTtlSeconds', 900],
  ] as [string, keyof AppConfig, unknown][])(
    'treats an empty %s like an unset one',
    (variable, key, fallback) => {
      expect(load({ [variable]: '' })[key]).toEqual(fallback);
    },
  );
});

describe('loadConfig values', () => {
  it.each([
    ['0', 0],
    ['8080', 8080],
    ['65535', 65535],
  ])('accepts PORT %p', (raw, port) => {
    expect(load({ PORT: raw }).port).toBe(port);
  });

  it('resolves a relative DATA_DIR against cwd and keeps an absolute one', () => {
    expect(load({ DATA_DIR: 'state/db' }).dataDir).toBe(join(dir, 'state/db'));
    expect(load({ DATA_DIR: './.data' }).dataDir).toBe(join(dir, '.data'));
    const absolute = join(dir, 'abs');
    expect(load({ DATA_DIR: absolute }, '/somewhere/else').dataDir).toBe(absolute);
  });

  it('resolves WEB_DIST against cwd', () => {
    expect(load({ WEB_DIST: 'public' }).webDist).toBe(join(dir, 'public'));
  });

  it.each([['redis://cache:6379'], ['rediss://user:pw@cache:6380/0']])(
    'accepts REDIS_URL %s',
    (redisUrl) => {
      expect(load({ REDIS_URL: redisUrl }).redisUrl).toBe(redisUrl);
    },
  );

  it.each([['http://localhost:5173'], ['https://tandem.example.org']])(
    'accepts WEB_ORIGIN %s',
    (webOrigin) => {
      expect(load({ WEB_ORIGIN: webOrigin }).webOrigin).toBe(webOrigin);
    },
  );

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])(
    'accepts LOG_LEVEL %s',
    (level) => {
      expect(load({ LOG_LEVEL: level }).logLevel).toBe(level);
    },
  );

  it('logs each request at debug outside production and at info in production', () => {
    expect(load({}).requestLogLevel).toBe('debug');
    expect(load({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).requestLogLevel).toBe(
      'info',
    );
    expect(load({ LOG_REQUESTS_AT: 'warn' }).requestLogLevel).toBe('warn');
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['Yes', true],
    ['false', false],
    ['False', false],
    ['0', false],
    ['no', false],
  ])('reads the boolean %p as %p', (raw, value) => {
    expect(load({ TRUST_PROXY: raw }).trustProxy).toBe(value);
    expect(load({ DEMO_CONTENT: raw }).demoContent).toBe(value);
  });

  it('takes HOST, token lifetimes and version from the environment', () => {
    const config = load({
      HOST: '127.0.0.1',
      ACCESS_TOKEN_TTL_SECONDS: '60',
      REFRESH_TOKEN_TTL_DAYS: '7',
      npm_package_version: '1.2.3',
    });
    expect(config.host).toBe('127.0.0.1');
    expect(config.accessTokenTtlSeconds).toBe(60);
    expect(config.refreshTokenTtlDays).toBe(7);
    expect(config.version).toBe('1.2.3');
  });

  it('uses a JWT_SECRET of 32 or more characters as given, without touching DATA_DIR', () => {
    const dataDir = join(dir, 'data');
    expect(load({ JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
    expect(load({ JWT_SECRET: SECRET + 'more' }).jwtSecret).toBe(SECRET + 'more');
    expect(existsSync(secretFile(dataDir))).toBe(false);
  });
});

describe('rate rules', () => {
  const RULES: [string, keyof AppConfig['rateLimits']][] = [
    ['RATE_LIMIT_REGISTER_PER_ADDRESS', 'registerPerAddress'],
    ['RATE_LIMIT_REGISTER_PER_ACCOUNT', 'registerPerAccount'],
    ['RATE_LIMIT_LOGIN_PER_ADDRESS', 'loginPerAddress'],
    ['RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT', 'loginFailuresPerAccount'],
    ['RATE_LIMIT_REFRESH_PER_ADDRESS', 'refreshPerAddress'],
  ];

  it.each(RULES)('parses %s "5/1800" as five per 1,800 seconds', (variable, key) => {
    expect(load({ [variable]: '5/1800' }).rateLimits[key]).toEqual({
      limit: 5,
      windowSeconds: 1800,
    });
  });

  it.each(RULES)('parses %s "1/1" and "1000/86400"', (variable, key) => {
    expect(load({ [variable]: '1/1' }).rateLimits[key]).toEqual({ limit: 1, windowSeconds: 1 });
    expect(load({ [variable]: '1000/86400' }).rateLimits[key]).toEqual({
      limit: 1000,
      windowSeconds: 86400,
    });
  });

  it('changes only the rule that was set', () => {
    const config = load({ RATE_LIMIT_LOGIN_PER_ADDRESS: '10/60' });
    expect(config.rateLimits.loginPerAddress).toEqual({ limit: 10, windowSeconds: 60 });
    expect(config.rateLimits.loginFailuresPerAccount).toEqual({ limit: 5, windowSeconds: 1800 });
  });

  it.each(
    RULES.flatMap(([variable]) =>
      ['5 per hour', '5', '5/', '/1800', '-5/1800', '5/18.5', '5 / 1800', '0/1800', '5/0'].map(
        (raw) => [variable, raw],
      ),
    ),
  )('rejects %s %p', (variable, raw) => {
    const error = configError(() => load({ [variable]: raw }));
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });
});

describe('CHATHAM_MIN_GROUP', () => {
  it('defaults to the domain’s group size and keeps the domain’s bounds', () => {
    expect(load({ JWT_SECRET: SECRET }).chathamMinGroup).toBe(CHATHAM_MIN_GROUP_DEFAULT);
    expect(load({ JWT_SECRET: SECRET, CHATHAM_MIN_GROUP: '5' }).chathamMinGroup).toBe(5);
    expect(
      load({ JWT_SECRET: SECRET, CHATHAM_MIN_GROUP: String(CHATHAM_MIN_GROUP_FLOOR) })
        .chathamMinGroup,
    ).toBe(CHATHAM_MIN_GROUP_FLOOR);
    expect(
      load({ JWT_SECRET: SECRET, CHATHAM_MIN_GROUP: String(CHATHAM_MIN_GROUP_CEILING) })
        .chathamMinGroup,
    ).toBe(CHATHAM_MIN_GROUP_CEILING);
    expect(() =>
      load({ JWT_SECRET: SECRET, CHATHAM_MIN_GROUP: String(CHATHAM_MIN_GROUP_FLOOR - 1) }),
    ).toThrow(ConfigError);
    expect(() =>
      load({ JWT_SECRET: SECRET, CHATHAM_MIN_GROUP: String(CHATHAM_MIN_GROUP_CEILING + 1) }),
    ).toThrow(ConfigError);
  });
});

describe('invalid values throw a ConfigError naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '65536'],
    ['PORT', '-1'],
    ['PORT', '3000.5'],
    ['PORT', ' 3000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'localhost:5432/tandem'],
    ['REDIS_URL', 'http://x'],
    ['REDIS_URL', 'not a url'],
    ['WEB_ORIGIN', 'ftp://files.example.org'],
    ['JWT_SECRET', 'x'.repeat(31)],
    ['JWT_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_LEVEL', 'INFO'],
    ['LOG_REQUESTS_AT', 'silent'],
    ['LOG_REQUESTS_AT', 'loud'],
    ['DEMO_CONTENT', 'maybe'],
    ['TRUST_PROXY', 'on'],
    ['MIGRATE_ON_START', 'sometimes'],
    ['RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT', '5 per hour'],
    ['ACCESS_TOKEN_TTL_SECONDS', '4'],
    ['ACCESS_TOKEN_TTL_SECONDS', '86401'],
    ['REFRESH_TOKEN_TTL_DAYS', '0'],
    ['REFRESH_TOKEN_TTL_DAYS', '366'],
    ['DATA_DIR', ''],
    ['DATA_DIR', '   '],
    ['CHATHAM_MIN_GROUP', '1'],
    ['CHATHAM_MIN_GROUP', '51'],
    ['CHATHAM_MIN_GROUP', 'three'],
  ])('%s=%p', (variable, raw) => {
    const error = configError(() => load({ JWT_SECRET: SECRET, [variable]: raw }));
    expect(error.name).toBe('ConfigError');
    expect(error).toBeInstanceOf(Error);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${variable} \\S`));
  });

  it('explains what PORT must be', () => {
    expect(configError(() => load({ PORT: 'abc' })).message).toMatch(/whole number.*"abc"/);
    expect(configError(() => load({ PORT: '70000' })).message).toMatch(/between 0 and 65535/);
  });

  it('names the allowed schemes of a URL', () => {
    expect(configError(() => load({ DATABASE_URL: 'mysql://x' })).message).toMatch(
      /postgres:\/\/ or postgresql:\/\//,
    );
    expect(configError(() => load({ REDIS_URL: 'http://x' })).message).toMatch(
      /redis:\/\/ or rediss:\/\//,
    );
  });

  it('lists the valid log levels', () => {
    expect(configError(() => load({ LOG_LEVEL: 'loud' })).message).toMatch(/info.*debug/);
  });

  it('never echoes a credential-bearing URL or a secret into the message', () => {
    const badUrl = configError(() => load({ DATABASE_URL: 'mysql://tandem:s3cr3t-pw@db/tandem' }));
    expect(badUrl.message).not.toContain('s3cr3t-pw');
    const badRedis = configError(() => load({ REDIS_URL: 'http://:hunter2-pw@cache' }));
    expect(badRedis.message).not.toContain('hunter2-pw');
    const shortSecret = configError(() => load({ JWT_SECRET: 'tooshort-secret' }));
    expect(shortSecret.message).not.toContain('tooshort-secret');
  });
});

describe('generated JWT secret', () => {
  it('is generated into <DATA_DIR>/jwt-secret with mode 0600 when JWT_SECRET is unset', () => {
    const dataDir = join(dir, 'data');
    const config = loadConfig({ DATA_DIR: dataDir }, dir);
    const file = secretFile(dataDir);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(config.jwtSecret);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.jwtSecret).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('is generated under the default <cwd>/.data when DATA_DIR is unset too', () => {
    const config = loadConfig({}, dir);
    expect(readFileSync(secretFile(join(dir, '.data')), 'utf8')).toBe(config.jwtSecret);
  });

  it('creates a nested DATA_DIR that does not exist yet', () => {
    const dataDir = join(dir, 'a', 'b', 'c');
    const config = loadConfig({ DATA_DIR: dataDir }, dir);
    expect(readFileSync(secretFile(dataDir), 'utf8')).toBe(config.jwtSecret);
  });

  it('is reused on the next call, and the file is not rewritten', () => {
    const dataDir = join(dir, 'data');
    const first = loadConfig({ DATA_DIR: dataDir }, dir).jwtSecret;
    const stored = readFileSync(secretFile(dataDir), 'utf8');
    const second = loadConfig({ DATA_DIR: dataDir }, dir).jwtSecret;
    expect(second).toBe(first);
    expect(readFileSync(secretFile(dataDir), 'utf8')).toBe(stored);
    expect(statSync(secretFile(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('is also generated when JWT_SECRET is set to an empty string', () => {
    const dataDir = join(dir, 'data');
    const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: '' }, dir);
    expect(readFileSync(secretFile(dataDir), 'utf8')).toBe(config.jwtSecret);
  });

  it('differs between data directories', () => {
    const one = loadConfig({ DATA_DIR: join(dir, 'one') }, dir).jwtSecret;
    const two = loadConfig({ DATA_DIR: join(dir, 'two') }, dir).jwtSecret;
    expect(one).not.toBe(two);
  });

  it('reads an existing secret file, ignoring surrounding whitespace', () => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const existing = 'an-existing-secret-of-well-over-thirty-two-chars';
    writeFileSync(secretFile(dataDir), `${existing}\n`, { mode: 0o600 });
    expect(loadConfig({ DATA_DIR: dataDir }, dir).jwtSecret).toBe(existing);
  });

  // A stored secret must meet the same 32-character floor as JWT_SECRET: an empty file (a crash
  // between create and write, a stray `touch`) or a hand-edited short one must not become the
  // signing key. Either refusing it (ConfigError naming JWT_SECRET) or replacing it is fine.
  it.each([
    ['an empty file', ''],
    ['only whitespace', '  \n'],
    ['a short secret', 'abc'],
    ['31 characters', 'y'.repeat(31)],
  ])('never signs with a stored secret that is %s', (_name, contents) => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    writeFileSync(secretFile(dataDir), contents, { mode: 0o600 });
    let config: AppConfig | undefined;
    try {
      config = loadConfig({ DATA_DIR: dataDir }, dir);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe('JWT_SECRET');
      return;
    }
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('prefers JWT_SECRET over a stored secret', () => {
    const dataDir = join(dir, 'data');
    loadConfig({ DATA_DIR: dataDir }, dir);
    expect(loadConfig({ DATA_DIR: dataDir, JWT_SECRET: SECRET }, dir).jwtSecret).toBe(SECRET);
  });

  it.each([[undefined], ['']])(
    'is never generated in production: JWT_SECRET=%p is a ConfigError naming JWT_SECRET',
    (jwtSecret) => {
      const dataDir = join(dir, 'data');
      const error = configError(() =>
        loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production', JWT_SECRET: jwtSecret }, dir),
      );
      expect(error.variable).toBe('JWT_SECRET');
      expect(error.message).toContain('JWT_SECRET');
      expect(error.message).toMatch(/production/);
      expect(existsSync(secretFile(dataDir))).toBe(false);
    },
  );

  it('does not fall back to a stored secret in production either', () => {
    const dataDir = join(dir, 'data');
    loadConfig({ DATA_DIR: dataDir }, dir);
    const error = configError(() => loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' }, dir));
    expect(error.variable).toBe('JWT_SECRET');
  });

  it('accepts a proper JWT_SECRET in production', () => {
    const config = loadConfig(
      { DATA_DIR: join(dir, 'data'), NODE_ENV: 'production', JWT_SECRET: SECRET },
      dir,
    );
    expect(config.jwtSecret).toBe(SECRET);
  });
});

describe('mail and background jobs', () => {
  it('needs no configuration: mail goes to files, links point at this server', () => {
    const config = load({ JWT_SECRET: SECRET });
    expect(config.smtpUrl).toBeNull();
    expect(config.mailFrom).toBe('Tandem <no-reply@localhost>');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.jobs).toEqual({ retryLimit: 6, retryDelaySeconds: 30 });
    expect(load({ JWT_SECRET: SECRET, PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('takes SMTP_URL, MAIL_FROM, PUBLIC_URL (without its trailing slash) and the job retries', () => {
    const config = load({
      JWT_SECRET: SECRET,
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      MAIL_FROM: 'Our network <hello@example.org>',
      PUBLIC_URL: 'https://tandem.example.org/',
      JOB_RETRY_LIMIT: '3',
      JOB_RETRY_DELAY_SECONDS: '5',
    });
    expect(config.smtpUrl).toBe('smtps://user:secret@mail.example.org:465');
    expect(config.mailFrom).toBe('Our network <hello@example.org>');
    expect(config.publicUrl).toBe('https://tandem.example.org');
    expect(config.jobs).toEqual({ retryLimit: 3, retryDelaySeconds: 5 });
    expect(load({ JWT_SECRET: SECRET, MAIL_FROM: 'ops@example.org' }).mailFrom).toBe(
      'ops@example.org',
    );
  });

  it.each([
    ['SMTP_URL', 'http://mail.example.org'],
    ['SMTP_URL', 'not a url'],
    ['MAIL_FROM', 'Tandem'],
    ['MAIL_FROM', 'Tandem <no address>'],
    ['PUBLIC_URL', 'ftp://tandem.example.org'],
    ['JOB_RETRY_LIMIT', '-1'],
    ['JOB_RETRY_DELAY_SECONDS', '0'],
  ])('refuses %s=%p, naming the variable', (variable, value) => {
    const error = configError(() => load({ JWT_SECRET: SECRET, [variable]: value }));
    expect(error.variable).toBe(variable);
    // A rejected SMTP_URL may hold a password: it is never echoed.
    if (variable === 'SMTP_URL') expect(error.message).not.toContain(value);
  });
});

describe('database pool and session limits', () => {
  it('defaults to 20 connections, a 2 s wait for one, and limits that fail fast', () => {
    expect(load().database).toEqual({
      poolSize: 20,
      acquireTimeoutMs: 2000,
      connectTimeoutMs: 10_000,
      statementTimeoutMs: 15_000,
      lockTimeoutMs: 3000,
      idleInTransactionTimeoutMs: 60_000,
    });
  });

  it('reads each variable', () => {
    const { database } = load({
      DATABASE_POOL_SIZE: '8',
      DATABASE_ACQUIRE_TIMEOUT_MS: '500',
      DATABASE_CONNECT_TIMEOUT_MS: '4000',
      DATABASE_STATEMENT_TIMEOUT_MS: '30000',
      DATABASE_LOCK_TIMEOUT_MS: '1000',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
    });
    expect(database).toEqual({
      poolSize: 8,
      acquireTimeoutMs: 500,
      connectTimeoutMs: 4000,
      statementTimeoutMs: 30_000,
      lockTimeoutMs: 1000,
      idleInTransactionTimeoutMs: 0,
    });
  });

  it('keeps the default lock timeout within a short statement timeout', () => {
    expect(load({ DATABASE_STATEMENT_TIMEOUT_MS: '1000' }).database.lockTimeoutMs).toBe(1000);
    expect(load({ DATABASE_STATEMENT_TIMEOUT_MS: '0' }).database.lockTimeoutMs).toBe(3000);
  });

  it('refuses a lock timeout longer than the statement timeout', () => {
    const error = configError(() =>
      load({ DATABASE_STATEMENT_TIMEOUT_MS: '1000', DATABASE_LOCK_TIMEOUT_MS: '5000' }),
    );
    expect(error.variable).toBe('DATABASE_LOCK_TIMEOUT_MS');
  });

  it.each([
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'many'],
    ['DATABASE_ACQUIRE_TIMEOUT_MS', '10'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '-1'],
  ])('refuses %s=%s', (variable, value) => {
    expect(configError(() => load({ [variable]: value })).variable).toBe(variable);
  });
});

describe('METRICS_TOKEN', () => {
  it('is unset by default: the metrics are public', () => {
    expect(load().metricsToken).toBeNull();
  });

  it('is read when set', () => {
    expect(load({ METRICS_TOKEN: 'scrape-token-0123456789' }).metricsToken).toBe(
      'scrape-token-0123456789',
    );
  });

  it.each(['short', 'has a space in it somewhere'])('refuses %j', (value) => {
    expect(configError(() => load({ METRICS_TOKEN: value })).variable).toBe('METRICS_TOKEN');
  });
});
