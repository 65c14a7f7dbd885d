import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '@tandem/domain';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/sql';
import { APP_CONFIG, AppConfig, RateRule } from '../config/configuration';

export interface RateState {
  count: number;
  retryAfterSeconds: number;
}

/** Where the fixed-window counters live; every server process must share it. */
interface CounterStore {
  hit(key: string, rule: RateRule): Promise<RateState>;
  /** Counts one event on each key at once, in one round trip; states in the same order. */
  hitMany(hits: { key: string; rule: RateRule }[]): Promise<RateState[]>;
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

  async hitMany(hits: { key: string; rule: RateRule }[]): Promise<RateState[]> {
    if (hits.length === 0) return [];
    // One upsert per key, as data-modifying CTEs of a single statement (one round trip).
    const parts = hits.map(
      (_, index) => `h${index} AS (
        INSERT INTO rate_limit_buckets AS b (key, window_start, count) VALUES ($${2 * index + 1}, now(), 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN b.window_start <= now() - make_interval(secs => $${2 * index + 2}) THEN 1 ELSE b.count + 1 END,
          window_start = CASE WHEN b.window_start <= now() - make_interval(secs => $${2 * index + 2}) THEN now() ELSE b.window_start END
        RETURNING ${index} AS i, count, extract(epoch FROM (window_start + make_interval(secs => $${2 * index + 2}) - now())) AS retry_after)`,
    );
    // The text depends only on the number of keys, so it is prepared once per count.
    const rows = await preparedQuery<{ i: number; count: number; retry_after: string }>(
      this.dataSource,
      `rate-limit-hit-${hits.length}`,
      `WITH ${parts.join(',\n')} ${hits.map((_, index) => `SELECT * FROM h${index}`).join(' UNION ALL ')}`,
      hits.flatMap((hit) => [hit.key, hit.rule.windowSeconds]),
    );
    const byIndex = new Map(rows.map((row) => [Number(row.i), row]));
    return hits.map((_, index) => {
      const row = byIndex.get(index);
      if (!row) throw new Error('A rate-limit counter did not answer');
      return { count: row.count, retryAfterSeconds: Math.ceil(Number(row.retry_after)) };
    });
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

/** HIT_SCRIPT for several keys at once: ARGV holds each key's window in milliseconds. */
const HIT_MANY_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then redis.call('PEXPIRE', key, ARGV[i]); ttl = tonumber(ARGV[i]) end
  out[2 * i - 1] = count
  out[2 * i] = ttl
end
return out`;

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

  async hitMany(hits: { key: string; rule: RateRule }[]): Promise<RateState[]> {
    if (hits.length === 0) return [];
    const answer = (await this.redis.eval(
      HIT_MANY_SCRIPT,
      hits.length,
      ...hits.map((hit) => hit.key),
      ...hits.map((hit) => hit.rule.windowSeconds * 1000),
    )) as number[];
    return hits.map((_, index) => ({
      count: answer[2 * index],
      retryAfterSeconds: Math.ceil(answer[2 * index + 1] / 1000),
    }));
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

  /**
   * Counts one event against every rule at once (one round trip) and refuses with the first
   * rule the event exceeds. Every counter counts the event, even when another refuses it.
   */
  async consumeAll(hits: { key: string; rule: RateRule; message: string }[]): Promise<void> {
    const states = await this.store.hitMany(hits);
    states.forEach((state, index) => {
      if (state.count > hits[index].rule.limit) {
        throw rateLimited(hits[index].message, state.retryAfterSeconds);
      }
    });
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
