import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '@tandem/domain';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, RateRule } from '../config/configuration';

export interface RateState {
  count: number;
  retryAfterSeconds: number;
}

/** Where the fixed-window counters live; every server process must share it. */
interface CounterStore {
  hit(key: string, rule: RateRule): Promise<RateState>;
  peek(key: string, rule: RateRule): Promise<RateState>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Counters in an unlogged Postgres table: shared by every process with no extra service. One
 * statement per hit: the upsert restarts a window that has run out and counts otherwise.
 */
class PostgresCounters implements CounterStore {
  constructor(private readonly dataSource: DataSource) {}

  async hit(key: string, rule: RateRule): Promise<RateState> {
    const rows: { count: number; retry_after: string }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_buckets AS b (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN b.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE b.count + 1 END,
         window_start = CASE WHEN b.window_start <= now() - make_interval(secs => $2) THEN now() ELSE b.window_start END
       RETURNING count, extract(epoch FROM (window_start + make_interval(secs => $2) - now())) AS retry_after`,
      [key, rule.windowSeconds],
    );
    return { count: rows[0].count, retryAfterSeconds: Math.ceil(Number(rows[0].retry_after)) };
  }

  async peek(key: string, rule: RateRule): Promise<RateState> {
    const rows: { count: number; retry_after: string }[] = await this.dataSource.query(
      `SELECT count, extract(epoch FROM (window_start + make_interval(secs => $2) - now())) AS retry_after
         FROM rate_limit_buckets WHERE key = $1 AND window_start > now() - make_interval(secs => $2)`,
      [key, rule.windowSeconds],
    );
    if (rows.length === 0) return { count: 0, retryAfterSeconds: 0 };
    return { count: rows[0].count, retryAfterSeconds: Math.ceil(Number(rows[0].retry_after)) };
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key = $1`, [key]);
  }

  async close(): Promise<void> {}
}

/** INCR and the window's expiry in one atomic script, so a crash between them cannot pin a key. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

/** Counters in Redis when REDIS_URL is set: the processes already share it for socket.io. */
class RedisCounters implements CounterStore {
  private readonly redis: Redis;

  constructor(url: string, prefix: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, keyPrefix: `${prefix}:rate:` });
  }

  async hit(key: string, rule: RateRule): Promise<RateState> {
    const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, key, rule.windowSeconds * 1000)) as [
      number,
      number,
    ];
    return { count, retryAfterSeconds: Math.ceil(ttl / 1000) };
  }

  async peek(key: string): Promise<RateState> {
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
    if (count === null || ttl <= 0) return { count: 0, retryAfterSeconds: 0 };
    return { count: Number(count), retryAfterSeconds: Math.ceil(ttl / 1000) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(key);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

/**
 * Fixed-window rate limits shared by every server process: in Redis when REDIS_URL is set,
 * otherwise in Postgres. Refusals are 429 over HTTP and `rate_limited` acks over the socket.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly store: CounterStore;

  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.store = config.redisUrl
      ? new RedisCounters(config.redisUrl, config.redisPrefix)
      : new PostgresCounters(dataSource);
  }

  /** Counts one event and refuses once the window holds more than the rule allows. */
  async consume(key: string, rule: RateRule, message: string): Promise<void> {
    const state = await this.store.hit(key, rule);
    if (state.count > rule.limit) throw rateLimited(message, state.retryAfterSeconds);
  }

  hit(key: string, rule: RateRule): Promise<RateState> {
    return this.store.hit(key, rule);
  }

  /** The current count without adding to it (0 when the window has run out). */
  peek(key: string, rule: RateRule): Promise<RateState> {
    return this.store.peek(key, rule);
  }

  reset(key: string): Promise<void> {
    return this.store.reset(key);
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }
}

export function rateLimited(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError('rate_limited', message, {
    retryAfterSeconds: Math.max(1, retryAfterSeconds),
  });
}
