import { Injectable } from '@nestjs/common';
import { DomainError } from '@tandem/domain';
import { DataSource } from 'typeorm';
import type { RateRule } from '../config/configuration';

export interface RateState {
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in Postgres, so every server process shares them without Redis. One
 * statement per hit: the upsert restarts a window that has run out and counts otherwise.
 */
@Injectable()
export class RateLimitService {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one event and refuses (429) once the window holds more than the rule allows. */
  async consume(key: string, rule: RateRule, message: string): Promise<void> {
    const state = await this.hit(key, rule);
    if (state.count > rule.limit) throw rateLimited(message, state.retryAfterSeconds);
  }

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

  /** The current count without adding to it (0 when the window has run out). */
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
}

export function rateLimited(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError('rate_limited', message, {
    retryAfterSeconds: Math.max(1, retryAfterSeconds),
  });
}
