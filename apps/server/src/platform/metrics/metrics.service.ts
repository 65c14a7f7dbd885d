import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { OnDomainEvent } from '../events/domain-event-bus';
import { EVENTS } from '../events/domain-events';
import type { MailTotals, MetricsSource } from './metrics-source';

/** A source that has not answered by then is left out of the scrape. */
const SOURCE_TIMEOUT_MS = 1000;

/** The pg pool's own counters (pg-pool's `Pool`); TypeORM types the pool as `any`. */
interface PoolCounters {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

function isPoolCounters(value: unknown): value is PoolCounters {
  if (typeof value !== 'object' || value === null) return false;
  const pool = value as Record<string, unknown>;
  return typeof pool.totalCount === 'number' && typeof pool.idleCount === 'number';
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), SOURCE_TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * The process's Prometheus metrics, in a registry of its own (not prom-client's global one), so
 * two apps in one process (a test with two replicas) never share or double-register series.
 * Names are a contract with deploy/grafana/tandem.json and docs/deployment.md.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger('Metrics');
  private readonly sources: MetricsSource[] = [];
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'tandem_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status, from arrival to the last byte',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly messagesPosted = new Counter({
    name: 'tandem_messages_posted_total',
    help: 'Messages committed by this process (over HTTP or a socket); retries that return the original do not count',
    registers: [this.registry],
  });

  private readonly messagesDelivered = new Counter({
    name: 'tandem_messages_delivered_total',
    help: "message:new broadcasts this process sent to a thread's room (one per message, whatever the number of sockets)",
    registers: [this.registry],
  });

  constructor(private readonly dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    this.registerCollectedGauges();
  }

  /** For areas platform/metrics must not import: see MetricsSource. */
  registerSource(source: MetricsSource): void {
    this.sources.push(source);
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  countDelivered(): void {
    this.messagesDelivered.inc();
  }

  @OnDomainEvent(EVENTS.messageCreated)
  onMessageCreated(): void {
    this.messagesPosted.inc();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** Gauges read at scrape time from the pool and the registered sources. */
  private registerCollectedGauges(): void {
    const registers = [this.registry];
    // `collect` runs with the metric as `this`; arrow functions keep the service reachable.
    const pool = new Gauge({
      name: 'tandem_db_pool_connections',
      help: "Connections in this process's Postgres pool, by state (total, idle, waiting requests, max)",
      labelNames: ['state'],
      registers,
      collect: () => {
        const counters = this.poolCounters();
        pool.reset();
        if (!counters) return;
        pool.set({ state: 'total' }, counters.totalCount);
        pool.set({ state: 'idle' }, counters.idleCount);
        pool.set({ state: 'waiting' }, counters.waitingCount);
        if (counters.options?.max !== undefined) pool.set({ state: 'max' }, counters.options.max);
      },
    });

    const sockets = new Gauge({
      name: 'tandem_sockets_connected',
      help: 'socket.io connections to this process',
      registers,
      collect: () => {
        sockets.set(this.sources.reduce((sum, source) => sum + (source.liveSockets?.() ?? 0), 0));
      },
    });

    const jobs = new Gauge({
      name: 'tandem_jobs',
      help: 'Jobs in the queue by queue and state (waiting = depth, active, failed); cluster-wide, aggregate with max',
      labelNames: ['queue', 'state'],
      registers,
      collect: async () => {
        const counts = await this.fromSources('jobQueues', (source) => source.jobQueues?.());
        jobs.reset();
        for (const { queue, waiting, active, failed } of counts.flat()) {
          jobs.set({ queue, state: 'waiting' }, waiting);
          jobs.set({ queue, state: 'active' }, active);
          jobs.set({ queue, state: 'failed' }, failed);
        }
      },
    });

    const mail = (outcome: keyof MailTotals): Counter => {
      const counter: Counter = new Counter({
        name: `tandem_mail_${outcome}_total`,
        help:
          outcome === 'sent'
            ? 'Mails handed to the transport (SMTP or the outbox folder)'
            : 'Mails given up on after their last retry',
        registers,
        collect: async () => {
          const totals = await this.fromSources('mailTotals', (source) => source.mailTotals?.());
          // A counter that mirrors a total kept elsewhere: set it by resetting and adding.
          counter.reset();
          const total = totals.reduce((sum, t) => sum + t[outcome], 0);
          if (total > 0) counter.inc(total);
        },
      });
      return counter;
    };
    mail('sent');
    mail('failed');
  }

  /** Asks every source that has the member; a failing or slow one is logged and left out. */
  private async fromSources<T>(
    member: keyof MetricsSource,
    ask: (source: MetricsSource) => Promise<T> | undefined,
  ): Promise<T[]> {
    const answers = await Promise.allSettled(
      this.sources.map((source) => {
        const pending = ask(source);
        return pending === undefined ? Promise.resolve(undefined) : withTimeout(pending);
      }),
    );
    const values: T[] = [];
    for (const answer of answers) {
      if (answer.status === 'fulfilled') {
        if (answer.value !== undefined) values.push(answer.value);
      } else {
        this.logger.warn(`A metrics source failed to report ${member}: ${String(answer.reason)}`);
      }
    }
    return values;
  }

  private poolCounters(): PoolCounters | null {
    if (!this.dataSource.isInitialized) return null;
    const pool: unknown = (this.dataSource.driver as { master?: unknown }).master;
    return isPoolCounters(pool) ? pool : null;
  }
}
