import { DataSource } from 'typeorm';
import { MailService, type QueuedMail } from '../../apps/server/src/platform/mail/mail.service';
import type { TestApp } from './app';

export interface OutboxState {
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  message_id: string;
}

type WithoutTemplate<T> = T extends unknown ? Omit<T, 'template'> : never;

/** Queues a test mail through the real service, in a transaction of its own. */
export function queueTestMail(
  t: TestApp,
  mail: WithoutTemplate<QueuedMail<'test-mail'>>,
): Promise<string> {
  return t.app
    .get(DataSource)
    .transaction((manager) =>
      t.app.get(MailService).queue(manager, { ...mail, template: 'test-mail' }),
    );
}

export async function outboxState(t: TestApp, id: string): Promise<OutboxState | null> {
  const rows = await t.app
    .get(DataSource)
    .query<OutboxState[]>(
      `SELECT status, attempts, last_error, message_id FROM mail_outbox WHERE id = $1`,
      [id],
    );
  return rows[0] ?? null;
}

/** Polls the outbox row until it leaves `queued`. */
export async function settledOutbox(
  t: TestApp,
  id: string,
  timeoutMs = 20_000,
): Promise<OutboxState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await outboxState(t, id);
    if (state && state.status !== 'queued') return state;
    if (Date.now() > deadline) throw new Error(`Mail ${id} still queued after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
