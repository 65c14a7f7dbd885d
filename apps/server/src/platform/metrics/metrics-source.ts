/** One queue's jobs as the queue itself counts them (in Postgres: the cluster's, not a process's). */
export interface JobQueueCounts {
  queue: string;
  /** Created or retrying, not yet picked up: the queue's depth. */
  waiting: number;
  /** Picked up by a worker and not finished. */
  active: number;
  /** Gave up after their last retry and are kept for inspection. */
  failed: number;
}

/** Mail handed to the transport, and mail given up on after its last retry. */
export interface MailTotals {
  sent: number;
  failed: number;
}

/**
 * What an area that platform/metrics does not know reports on each scrape: the job queue, mail,
 * the socket server. It registers itself with `MetricsService.registerSource` (from its own
 * module's `onModuleInit`), so platform/metrics never imports it. Every member is optional;
 * an async one that fails or takes longer than a second is left out of that scrape (its series
 * go missing rather than stale), and the scrape itself still answers.
 *
 * Values read from Postgres are the cluster's and every replica reports the same figure:
 * aggregate them with `max`, not `sum`. Counts kept in memory are the process's own.
 */
export interface MetricsSource {
  /** Sockets connected to this process. */
  liveSockets?(): number;
  jobQueues?(): Promise<readonly JobQueueCounts[]>;
  /**
   * This process's own totals since it started (the mail its workers sent), so the dashboard
   * adds the replicas up; they only grow, and a restart starts them again from zero.
   */
  mailTotals?(): Promise<MailTotals>;
}
