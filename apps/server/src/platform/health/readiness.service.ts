import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ReadinessCheck, ReadinessView } from '@tandem/domain';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/configuration';

/**
 * Each check's budget. A probe that waits longer than the balancer's own timeout is worse than
 * a clear "not ready"; a saturated pool (no connection within this) counts as not ready too.
 */
const CHECK_TIMEOUT_MS = 1000;

async function within<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work.catch(() => fallback),
      new Promise<T>((resolve) => {
        timer = setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS);
        timer.unref();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether this process can serve: Postgres answers, Redis answers (when configured: without it
 * socket.io cannot reach the other replicas' clients), and the schema is not behind the code.
 * Read-only and cheap, since balancers ask every few seconds.
 */
@Injectable()
export class ReadinessService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Readiness');
  /** Its own connection, so a probe never waits behind socket.io's or the rate limits' traffic. */
  private readonly redis: Redis | null;
  /**
   * Applied migrations stay applied: once seen up to date, the schema is not asked again (the
   * check reads the migrations table, and creates it when missing, like TypeORM's own).
   */
  private migrationsApplied = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, {
          lazyConnect: true,
          // Fail at once while disconnected instead of queueing probes until Redis returns.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          connectTimeout: CHECK_TIMEOUT_MS,
          retryStrategy: (attempt) => Math.min(attempt * 250, 2000),
        })
      : null;
    // Reconnection is automatic; the probe's answer is how an outage shows, not a log line each try.
    this.redis?.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    // Connected before the first probe; if Redis is away, the client keeps retrying by itself.
    await this.redis?.connect().catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }

  async check(): Promise<ReadinessView> {
    const [database, redis] = await Promise.all([this.database(), this.redisState()]);
    const migrations = database === 'up' ? await this.migrations() : 'unknown';
    const failing: ReadinessCheck[] = [];
    if (database !== 'up') failing.push('database');
    if (redis === 'down') failing.push('redis');
    // Unconfirmed counts as failing: serving on a schema behind the code breaks requests.
    if (database === 'up' && migrations !== 'applied') failing.push('migrations');
    return {
      status: failing.length === 0 ? 'ready' : 'not_ready',
      checks: { database, redis, migrations },
      failing,
      version: this.config.version,
    };
  }

  private database(): Promise<'up' | 'down'> {
    return within(
      this.dataSource.query('SELECT 1').then(() => 'up' as const),
      'down',
    );
  }

  private redisState(): Promise<'up' | 'down' | 'not_configured'> {
    if (!this.redis) return Promise.resolve('not_configured');
    return within(
      this.redis.ping().then((answer) => (answer === 'PONG' ? 'up' : 'down')),
      'down',
    );
  }

  private async migrations(): Promise<'applied' | 'pending' | 'unknown'> {
    if (this.migrationsApplied) return 'applied';
    const pending = await within(this.dataSource.showMigrations(), null);
    if (pending === null) return 'unknown';
    if (!pending) this.migrationsApplied = true;
    return pending ? 'pending' : 'applied';
  }
}
