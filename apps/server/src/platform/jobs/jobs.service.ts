import {
  Inject,
  Injectable,
  Logger,
  OnModuleDestroy,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { MetricsService } from '../metrics/metrics.service';
import type { JobMap, JobName } from './job-map';
import { poolDatabase, transactionDatabase } from './job-queue-database';
import { JobWorker } from './job-worker';

/** One run of a job, as its handler sees it. */
export interface RunningJob<K extends JobName> {
  id: string;
  name: K;
  data: JobMap[K];
  /** 0 on the first run, 1 on the first retry, … */
  retryCount: number;
  /** True when a failure now is final: a handler may record the give-up itself. */
  isLastAttempt: boolean;
}

/**
 * Returns normally to complete the job; throws to fail it (and retry it, if retries are left).
 * A run that outlasts the queue's expiry counts as failed and may start again elsewhere.
 */
export type JobHandler<K extends JobName> = (job: RunningJob<K>) => Promise<void>;

/** How a queue retries; set by the feature that works the queue. */
export interface QueueOptions {
  /** Retries after the first run; default JOB_RETRY_LIMIT. */
  retryLimit?: number;
  /** First retry delay, doubled on each retry with jitter; default JOB_RETRY_DELAY_SECONDS. */
  retryDelaySeconds?: number;
  /** A run taking longer counts as failed (and is retried); default 15 minutes. */
  expireInSeconds?: number;
}

export interface WorkOptions extends QueueOptions {
  /** Jobs this process runs at once on the queue; default 1. */
  concurrency?: number;
}

/** Per-job options; retries belong to the queue. */
export type SendOptions = Pick<
  PgBoss.SendOptions,
  'startAfter' | 'singletonKey' | 'singletonSeconds' | 'priority'
>;

export interface JobStateCounts {
  created: number;
  retry: number;
  active: number;
  completed: number;
  cancelled: number;
  failed: number;
  all: number;
}

/** pg-boss's `countStates`, public at run time but missing from its type declarations. */
interface CountingBoss {
  countStates(): Promise<PgBoss.MonitorStates>;
}

/** pg-boss's own queues (cron hand-off) are left out of the counts. */
const INTERNAL_QUEUE_PREFIX = '__pgboss__';

/**
 * Background work in the application's Postgres (pg-boss): jobs survive restarts, any process
 * may run any job, a failed job is retried with backoff, and a cron schedule fires once per
 * cluster however many processes run. Nothing here keeps correctness-relevant state in memory.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(JobsService.name);
  private readonly boss: PgBoss;
  private started: Promise<void> | null = null;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly workers: JobWorker<unknown>[] = [];

  constructor(
    dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.boss = new PgBoss({
      db: poolDatabase(dataSource),
      // The schema is installed with the migrations (job-queue-database.ts): a server only
      // checks that it matches, like it refuses a database whose migrations are behind.
      migrate: false,
      retryLimit: config.jobs.retryLimit,
      retryDelay: config.jobs.retryDelaySeconds,
      retryBackoff: true,
      // How often some process looks for a due cron schedule (one look per cluster per
      // interval). pg-boss fires a schedule when its last due time is under a minute old, so
      // this must stay well below 60 s; 10 s keeps a job within seconds of its minute.
      cronMonitorIntervalSeconds: 10,
    });
    // An EventEmitter without an error listener throws: a database outage must be logged and
    // waited out (pg-boss keeps polling), never crash the process.
    this.boss.on('error', (error) =>
      this.logger.warn(`Job queue: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /**
   * Starts the queue without holding up the application: a queue that cannot start yet (the
   * database slow or briefly unreachable) is logged and tried again, and whatever needs it waits
   * in `ready()`. HTTP and sockets serve meanwhile; only background work is delayed.
   */
  onModuleInit(): void {
    // Depth, work in progress and give-ups per queue, read from Postgres at each scrape.
    this.metrics?.registerSource({
      jobQueues: async () =>
        Object.entries(await this.counts()).map(([queue, counts]) => ({
          queue,
          waiting: counts.created + counts.retry,
          active: counts.active,
          failed: counts.failed,
        })),
    });
    this.start().catch((error: unknown) =>
      this.logger.error(error instanceof Error ? error.message : String(error)),
    );
  }

  /** Lets running jobs finish (up to 20 s) before the connection pool closes. */
  async onModuleDestroy(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(this.workers.map((worker) => worker.stop())),
      new Promise((resolve) => (timer = setTimeout(resolve, 20_000))),
    ]);
    clearTimeout(timer);
    await this.boss.stop({ graceful: true, timeout: 5_000, close: false });
  }

  /** Enqueues a job outside any transaction (the caller's write, if any, has committed). */
  async send<K extends JobName>(
    name: K,
    data: JobMap[K],
    options: SendOptions = {},
  ): Promise<string | null> {
    await this.queue(name);
    return this.boss.send(name, data, options);
  }

  /**
   * Enqueues a job in the caller's open transaction: it exists if and only if the transaction
   * commits, and no worker can see it before. Returns null when a singleton option dropped it.
   */
  async sendInTransaction<K extends JobName>(
    manager: EntityManager,
    name: K,
    data: JobMap[K],
    options: SendOptions = {},
  ): Promise<string | null> {
    const db = transactionDatabase(manager);
    await this.queue(name);
    return this.boss.send(name, data, { ...options, db });
  }

  /**
   * Runs `handler` for the queue's jobs in this process, from module init until shutdown.
   * Every process registers the same handlers; each job runs in one of them. A throw fails
   * the run, which is retried with backoff while retries are left.
   */
  async work<K extends JobName>(
    name: K,
    handler: JobHandler<K>,
    options: WorkOptions = {},
  ): Promise<void> {
    const { concurrency = 1, ...queueOptions } = options;
    await this.queue(name, queueOptions);
    for (let n = 0; n < concurrency; n++) {
      const worker = new JobWorker<JobMap[K]>(
        this.boss,
        name,
        async (job) => {
          try {
            await handler({
              id: job.id,
              name,
              data: job.data,
              retryCount: job.retryCount,
              isLastAttempt: job.retryCount >= job.retryLimit,
            });
          } catch (error) {
            const why = error instanceof Error ? error.message : String(error);
            this.logger.warn(`Job ${name} ${job.id} failed (run ${job.retryCount + 1}): ${why}`);
            throw error;
          }
        },
        this.logger,
      );
      this.workers.push(worker as JobWorker<unknown>);
      worker.start();
    }
  }

  /**
   * Sends `data` to the queue on the `cron` schedule (read in `tz`, default UTC), once per due
   * time across every process sharing the database. Calling it again replaces the schedule,
   * so each process may call it at start.
   */
  async schedule<K extends JobName>(
    name: K,
    cron: string,
    data: JobMap[K],
    options: { tz?: string } = {},
  ): Promise<void> {
    await this.queue(name);
    await this.boss.schedule(name, cron, data, { tz: options.tz ?? 'UTC' });
  }

  async unschedule(name: JobName): Promise<void> {
    await this.ready();
    await this.boss.unschedule(name);
  }

  /** Jobs by state per queue (not yet archived ones), for health, metrics and an admin view. */
  async counts(): Promise<Record<string, JobStateCounts>> {
    await this.ready();
    const states = await (this.boss as unknown as CountingBoss).countStates();
    return Object.fromEntries(
      Object.entries(states.queues).filter(([name]) => !name.startsWith(INTERNAL_QUEUE_PREFIX)),
    );
  }

  private start(): Promise<void> {
    this.started ??= this.boss.start().then(
      () => undefined,
      (error: unknown) => {
        // The next caller of ready() tries again rather than inheriting this failure for good.
        this.started = null;
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(`The job queue cannot start (${why}): run \`npm run db:migrate\``);
      },
    );
    return this.started;
  }

  private async ready(): Promise<void> {
    await (this.started ?? this.start());
  }

  /**
   * Creates the queue once per process (pg-boss keeps a table partition per queue), or applies
   * the worker's retry options to an existing one: they apply to jobs sent from then on.
   */
  private async queue(name: JobName, options?: QueueOptions): Promise<void> {
    await this.ready();
    const settings: PgBoss.Queue = {
      name,
      retryLimit: options?.retryLimit ?? this.config.jobs.retryLimit,
      retryDelay: options?.retryDelaySeconds ?? this.config.jobs.retryDelaySeconds,
      retryBackoff: true,
      ...(options?.expireInSeconds ? { expireInSeconds: options.expireInSeconds } : {}),
    };
    let created = this.queues.get(name);
    if (!created) {
      created = this.boss.createQueue(name, settings);
      this.queues.set(name, created);
      created.catch(() => this.queues.delete(name));
    }
    await created;
    if (options) await this.boss.updateQueue(name, settings);
  }
}
