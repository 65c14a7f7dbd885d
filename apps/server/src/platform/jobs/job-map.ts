/**
 * Every background job by queue name, with the payload its handler receives. A feature that
 * adds a job adds its entry here (platform imports no feature, so payloads are plain data:
 * ids, never entities). Payloads are stored as JSON until the job runs, possibly after a
 * restart and a deploy: keep them small and read the current state by id in the handler.
 *
 * Names are kebab-case (`<feature>-<what>`); pg-boss keeps one table partition per name.
 */
export interface JobMap {
  /** Renders and sends one row of the mail outbox (platform/mail). */
  'mail-send': { outboxId: string };
}

export type JobName = keyof JobMap;
