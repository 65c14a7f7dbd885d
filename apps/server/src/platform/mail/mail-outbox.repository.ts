import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type OutboxStatus = 'queued' | 'sent' | 'failed';

/** A mail_outbox row as the send job reads it. */
export interface OutboxRow {
  id: string;
  recipient: string;
  template: string;
  locale: string;
  data: unknown;
  transactional: boolean;
  unsubscribe_token: string | null;
  message_id: string;
  status: OutboxStatus;
  attempts: number;
  created_at: Date;
}

export type NewOutboxRow = Pick<
  OutboxRow,
  | 'id'
  | 'recipient'
  | 'template'
  | 'locale'
  | 'data'
  | 'transactional'
  | 'unsubscribe_token'
  | 'message_id'
>;

/** The mail outbox (migration 1764730000000): one row per mail, written with its cause. */
@Injectable()
export class MailOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Run inside the transaction of the change that causes the mail. */
  async insert(manager: EntityManager, row: NewOutboxRow): Promise<void> {
    await manager.query(
      `INSERT INTO mail_outbox
         (id, recipient, template, locale, data, transactional, unsubscribe_token, message_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
      [
        row.id,
        row.recipient,
        row.template,
        row.locale,
        JSON.stringify(row.data),
        row.transactional,
        row.unsubscribe_token,
        row.message_id,
      ],
    );
  }

  async find(id: string): Promise<OutboxRow | null> {
    const rows = await this.dataSource.query<OutboxRow[]>(
      `SELECT id, recipient, template, locale, data, transactional, unsubscribe_token,
              message_id, status, attempts, created_at
         FROM mail_outbox WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Counts the attempt that succeeded; a row already sent or given up is left alone. */
  async markSent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1
        WHERE id = $1 AND status = 'queued'`,
      [id],
    );
  }

  /** Counts a failed attempt and keeps its reason; `final` gives the mail up. */
  async recordFailure(id: string, reason: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox
          SET attempts = attempts + 1, last_error = $2,
              status = CASE WHEN $3 THEN 'failed' ELSE status END
        WHERE id = $1 AND status = 'queued'`,
      [id, reason, final],
    );
  }
}
