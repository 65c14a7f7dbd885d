import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** Count of events allowed per window, e.g. five failed logins per 30 minutes. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/**
 * How the server's connections to Postgres behave under load. Every limit exists so that a
 * saturated database answers 503 quickly instead of making requests queue behind each other.
 */
export interface DatabaseSettings {
  /** Connections in this process's pool; replicas × this must stay under `max_connections`. */
  poolSize: number;
  /** How long a request waits for a busy pool to free a connection before answering 503. */
  acquireTimeoutMs: number;
  /** How long opening a new connection may take (TCP, TLS, SCRAM) before answering 503. */
  connectTimeoutMs: number;
  /** Postgres `statement_timeout` on every pooled connection; 0 turns it off. */
  statementTimeoutMs: number;
  /** Postgres `lock_timeout`: how long a statement waits for someone else's row or table lock. */
  lockTimeoutMs: number;
  /** Postgres `idle_in_transaction_session_timeout`: ends a session whose transaction stalls. */
  idleInTransactionTimeoutMs: number;
}

export interface AppConfig {
  version: string;
  port: number;
  /** Interface to listen on; tests and the browser suite use 127.0.0.1. */
  host: string;
  /** Trust X-Forwarded-For from a proxy in front (compose sets it). */
  trustProxy: boolean;
  /** Run pending migrations at start. Default: only for the embedded database. */
  migrateOnStart: boolean;
  /** Unset: the server runs its own embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  database: DatabaseSettings;
  dataDir: string;
  redisUrl: string | null;
  /** Namespace for every Redis key and channel, so deployments can share one Redis. */
  redisPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Origin of the web app, for CORS and the socket.io handshake check. */
  webOrigin: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * The level of the one log line per request (failures at 5xx are always `error`): `debug`
   * outside production, so a person running `npm start` sees the banner and not a scroll of
   * requests; `info` in production. `LOG_REQUESTS_AT` overrides it.
   */
  requestLogLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Load demo content on first start. Defaults to true only for the embedded database. */
  demoContent: boolean;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  /** Bearer token that `GET /metrics` requires; unset, the metrics are public (scrape inside). */
  metricsToken: string | null;
  rateLimits: {
    registerPerAddress: RateRule;
    registerPerAccount: RateRule;
    loginPerAddress: RateRule;
    loginFailuresPerAccount: RateRule;
    refreshPerAddress: RateRule;
    postPerUser: RateRule;
    postPerUserPerThread: RateRule;
    /** Per user, on the routes marked `@RateLimit(...)` (platform/rate-limit). */
    searchPerUser: RateRule;
    exportPerUser: RateRule;
    pdfExportPerUser: RateRule;
    flagPerUser: RateRule;
    invitationPerUser: RateRule;
    /** Socket handshakes per user: a client reconnecting in a loop, or hoarding connections. */
    socketConnectionsPerUser: RateRule;
    /** Account mail and changes (docs/accounts.md). */
    passwordResetPerAccount: RateRule;
    passwordResetPerAddress: RateRule;
    accountTokensPerAddress: RateRule;
    accountChangesPerAccount: RateRule;
    accountMailPerAccount: RateRule;
    accountMailPerAddress: RateRule;
    invitationsPerAccount: RateRule;
  };
  /** Base of every link the server writes into a mail, without a trailing slash. */
  publicUrl: string;
  /** Unset: mails are written as .eml files under DATA_DIR/outbox and never leave the machine. */
  smtpUrl: string | null;
  /** The From header of every mail, e.g. `Tandem <no-reply@example.org>`. */
  mailFrom: string;
  /** Defaults for every background job queue; a failed job is retried with backoff. */
  jobs: { retryLimit: number; retryDelaySeconds: number };
  /**
   * The least number of a network's members who must share a Chatham House label for it to be
   * shown (else a coarser one is); a network's admins may raise it for their network.
   */
  chathamMinGroup: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      name,
      `must use ${protocols.map((p) => p.replace(':', '://')).join(' or ')}`,
    );
  }
  return raw;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** Parses "5/1800" (five per 1,800 seconds). */
function rateRule(env: Env, name: string, fallback: RateRule): RateRule {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  if (!match)
    throw new ConfigError(name, `must look like COUNT/SECONDS (e.g. 5/1800), got "${raw}"`);
  const rule = { limit: Number(match[1]), windowSeconds: Number(match[2]) };
  if (rule.limit < 1 || rule.windowSeconds < 1)
    throw new ConfigError(name, 'needs a count and window of at least 1');
  return rule;
}

/**
 * A development server needs no configuration: without JWT_SECRET, one is generated on first
 * start and kept in DATA_DIR so tokens survive a restart. Production sets JWT_SECRET.
 */
function jwtSecret(env: Env, dataDir: string): string {
  const raw = env.JWT_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
    return raw;
  }
  if (env.NODE_ENV === 'production')
    throw new ConfigError('JWT_SECRET', 'is required in production');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    // A truncated or hand-edited file must never become a weak key: replace it.
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

function redisPrefix(env: Env): string {
  const raw = env.REDIS_PREFIX;
  if (raw === undefined || raw === '') return 'tandem';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(raw)) {
    throw new ConfigError(
      'REDIS_PREFIX',
      'must be 1 to 64 letters, digits, dots, dashes or underscores',
    );
  }
  return raw;
}

/** `Name <address@host>` or a bare address; nodemailer parses it, this only refuses nonsense. */
function mailFrom(env: Env): string {
  const raw = env.MAIL_FROM;
  if (raw === undefined || raw === '') return 'Tandem <no-reply@localhost>';
  if (!/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(raw.trim()))
    throw new ConfigError('MAIL_FROM', `must be an address or "Name <address>", got "${raw}"`);
  return raw.trim();
}

function metricsToken(env: Env): string | null {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return null;
  // A short token is guessable by a scraper's neighbours; the bearer travels on every scrape.
  if (raw.length < 16)
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters long');
  if (!/^[\x21-\x7e]+$/.test(raw))
    throw new ConfigError('METRICS_TOKEN', 'must be printable ASCII without spaces');
  return raw;
}

/**
 * The lock timeout defaults to 3 s, and never to more than the statement timeout: a post waiting
 * on a thread another transaction holds should give up well before its own statement budget runs
 * out, and never wait as long as the other transaction may hold the lock.
 */
function databaseSettings(env: Env): DatabaseSettings {
  const statementTimeoutMs = integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000);
  const lockDefault = statementTimeoutMs === 0 ? 3000 : Math.min(3000, statementTimeoutMs);
  const lockTimeoutMs = integer(env, 'DATABASE_LOCK_TIMEOUT_MS', lockDefault, 0, 3_600_000);
  if (statementTimeoutMs > 0 && lockTimeoutMs > statementTimeoutMs) {
    throw new ConfigError(
      'DATABASE_LOCK_TIMEOUT_MS',
      `must not exceed DATABASE_STATEMENT_TIMEOUT_MS (${statementTimeoutMs})`,
    );
  }
  return {
    poolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 1, 1000),
    acquireTimeoutMs: integer(env, 'DATABASE_ACQUIRE_TIMEOUT_MS', 2000, 100, 600_000),
    connectTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000),
    statementTimeoutMs,
    lockTimeoutMs,
    idleInTransactionTimeoutMs: integer(
      env,
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      60_000,
      0,
      86_400_000,
    ),
  };
}

/** Reads and validates the environment once; the only place that looks at process.env. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDirRaw = env.DATA_DIR ?? './.data';
  if (dataDirRaw.trim() === '') throw new ConfigError('DATA_DIR', 'must not be empty');
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const webOrigin = url(env, 'WEB_ORIGIN', ['http:', 'https:']);
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  const requestLogLevel = (env.LOG_REQUESTS_AT ||
    (env.NODE_ENV === 'production' ? 'info' : 'debug')) as AppConfig['requestLogLevel'];
  if (!LOG_LEVELS.includes(requestLogLevel) || (requestLogLevel as string) === 'silent')
    throw new ConfigError(
      'LOG_REQUESTS_AT',
      `must be one of ${LOG_LEVELS.filter((level) => level !== 'silent').join(', ')}`,
    );

  return {
    version: env.npm_package_version ?? '0.1.0',
    port,
    host: env.HOST || '0.0.0.0',
    trustProxy: bool(env, 'TRUST_PROXY', false),
    migrateOnStart: bool(env, 'MIGRATE_ON_START', databaseUrl === null),
    databaseUrl,
    database: databaseSettings(env),
    dataDir,
    redisUrl,
    redisPrefix: redisPrefix(env),
    jwtSecret: jwtSecret(env, dataDir),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 5, 86400),
    refreshTokenTtlDays: integer(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    webOrigin,
    logLevel,
    requestLogLevel,
    demoContent: bool(env, 'DEMO_CONTENT', databaseUrl === null),
    webDist: resolve(cwd, env.WEB_DIST || 'apps/web/dist'),
    metricsToken: metricsToken(env),
    rateLimits: {
      // Generous per address: a workshop of 30 behind one office address signs up together.
      registerPerAddress: rateRule(env, 'RATE_LIMIT_REGISTER_PER_ADDRESS', {
        limit: 100,
        windowSeconds: 3600,
      }),
      registerPerAccount: rateRule(env, 'RATE_LIMIT_REGISTER_PER_ACCOUNT', {
        limit: 5,
        windowSeconds: 3600,
      }),
      loginPerAddress: rateRule(env, 'RATE_LIMIT_LOGIN_PER_ADDRESS', {
        limit: 300,
        windowSeconds: 900,
      }),
      // Zulip allows five failed attempts per account in 30 minutes.
      loginFailuresPerAccount: rateRule(env, 'RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT', {
        limit: 5,
        windowSeconds: 1800,
      }),
      refreshPerAddress: rateRule(env, 'RATE_LIMIT_REFRESH_PER_ADDRESS', {
        limit: 600,
        windowSeconds: 900,
      }),
      // Posting: generous for a lively workshop, tight enough to stop a runaway client.
      postPerUser: rateRule(env, 'RATE_LIMIT_POST_PER_USER', { limit: 60, windowSeconds: 60 }),
      postPerUserPerThread: rateRule(env, 'RATE_LIMIT_POST_PER_THREAD', {
        limit: 20,
        windowSeconds: 60,
      }),
      // Full-text search costs Postgres more than any read: a person types a few a minute.
      searchPerUser: rateRule(env, 'RATE_LIMIT_SEARCH_PER_USER', { limit: 60, windowSeconds: 60 }),
      // Exports and downloads (Markdown, HTML, CSV, the data download); PDF costs most of all.
      exportPerUser: rateRule(env, 'RATE_LIMIT_EXPORT_PER_USER', { limit: 30, windowSeconds: 300 }),
      pdfExportPerUser: rateRule(env, 'RATE_LIMIT_PDF_EXPORT_PER_USER', {
        limit: 10,
        windowSeconds: 300,
      }),
      flagPerUser: rateRule(env, 'RATE_LIMIT_FLAG_PER_USER', { limit: 20, windowSeconds: 600 }),
      // An admin inviting a workshop of 30 at once stays well inside.
      invitationPerUser: rateRule(env, 'RATE_LIMIT_INVITATION_PER_USER', {
        limit: 100,
        windowSeconds: 3600,
      }),
      // Several tabs and devices reconnecting after a network blip stay well inside.
      socketConnectionsPerUser: rateRule(env, 'RATE_LIMIT_SOCKET_CONNECTIONS_PER_USER', {
        limit: 120,
        windowSeconds: 60,
      }),
      // Account mail: a few per account (each one lands in someone's inbox), generous per
      // address (a workshop behind one office address resets its passwords together).
      passwordResetPerAccount: rateRule(env, 'RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT', {
        limit: 3,
        windowSeconds: 3600,
      }),
      passwordResetPerAddress: rateRule(env, 'RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS', {
        limit: 100,
        windowSeconds: 3600,
      }),
      accountTokensPerAddress: rateRule(env, 'RATE_LIMIT_ACCOUNT_TOKENS_PER_ADDRESS', {
        limit: 100,
        windowSeconds: 900,
      }),
      accountChangesPerAccount: rateRule(env, 'RATE_LIMIT_ACCOUNT_CHANGES_PER_ACCOUNT', {
        limit: 30,
        windowSeconds: 3600,
      }),
      accountMailPerAccount: rateRule(env, 'RATE_LIMIT_ACCOUNT_MAIL_PER_ACCOUNT', {
        limit: 5,
        windowSeconds: 3600,
      }),
      accountMailPerAddress: rateRule(env, 'RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS', {
        limit: 100,
        windowSeconds: 3600,
      }),
      invitationsPerAccount: rateRule(env, 'RATE_LIMIT_INVITATIONS_PER_ACCOUNT', {
        limit: 100,
        windowSeconds: 3600,
      }),
    },
    publicUrl: publicUrl.replace(/\/+$/, ''),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: mailFrom(env),
    jobs: {
      retryLimit: integer(env, 'JOB_RETRY_LIMIT', 6, 0, 100),
      // Doubled on each retry, with jitter: from 30 s, six retries span half an hour to an hour,
      // which outlasts SMTP greylisting and a mail server's restart.
      retryDelaySeconds: integer(env, 'JOB_RETRY_DELAY_SECONDS', 30, 1, 86400),
    },
    // Default, floor and ceiling are CHATHAM_MIN_GROUP_DEFAULT, _FLOOR and _CEILING of
    // libs/domain/src/chatham.ts, written out because this file loads where the domain alias
    // does not resolve (the test suite's global setup); configuration.spec.ts compares them.
    chathamMinGroup: integer(env, 'CHATHAM_MIN_GROUP', 3, 2, 50),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
