import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { JobsService, type RunningJob } from '../jobs/jobs.service';
import { MetricsService } from '../metrics/metrics.service';
import type { MailTotals } from '../metrics/metrics-source';
import { mailLocale } from './mail-locales';
import { MailOutboxRepository } from './mail-outbox.repository';
import { renderMail, type RenderedMail } from './mail-renderer';
import { describeFailure, isPermanentFailure, MailTransport } from './mail-transport';
import type { MailLinks } from './templates/mail-template';
import {
  isMailTemplateName,
  type MailTemplateMap,
  type MailTemplateName,
} from './templates/mail-templates';

/**
 * A mail to queue. Transactional mail answers the recipient's own action (an invitation, a
 * password reset); any other mail (notifications, digests) must name the token of its
 * one-click unsubscribe link.
 */
export type QueuedMail<K extends MailTemplateName> = {
  to: string;
  template: K;
  /** The recipient's locale; an unknown or missing one falls back to English. */
  locale: string | null | undefined;
  /** Stored as JSON until sent: plain strings and numbers (dates as ISO strings). */
  data: MailTemplateMap[K];
} & ({ transactional: true } | { transactional: false; unsubscribeToken: string });

/**
 * Mail through an outbox: `queue` writes the mail and its send job in the caller's transaction,
 * so a mail goes out if and only if the change that causes it commits. The job renders the mail
 * in the recipient's locale and sends it; a temporary failure is retried with backoff, a
 * permanent one (SMTP 5xx) is recorded and given up. Each mail keeps one Message-ID, derived
 * from its row, however often it is attempted.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger(MailService.name);
  private readonly messageIdHost: string;
  /** What this process's workers sent and gave up on since start (for /metrics). */
  private readonly totals: MailTotals = { sent: 0, failed: 0 };

  constructor(
    private readonly jobs: JobsService,
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.messageIdHost = new URL(config.publicUrl).hostname;
  }

  async onModuleInit(): Promise<void> {
    this.metrics?.registerSource({ mailTotals: () => Promise.resolve({ ...this.totals }) });
    await this.jobs.work('mail-send', (job) => this.send(job));
  }

  /**
   * Queues one mail. Run inside the transaction of the change that causes it (the manager
   * DataSource.transaction or DomainEvents.transaction hands out). Returns the outbox id.
   */
  async queue<K extends MailTemplateName>(
    manager: EntityManager,
    mail: QueuedMail<K>,
  ): Promise<string> {
    const id = randomUUID();
    await this.outbox.insert(manager, {
      id,
      recipient: mail.to,
      template: mail.template,
      locale: mailLocale(mail.locale),
      data: mail.data,
      transactional: mail.transactional,
      unsubscribe_token: mail.transactional ? null : mail.unsubscribeToken,
      message_id: `<${id}@${this.messageIdHost}>`,
    });
    await this.jobs.sendInTransaction(manager, 'mail-send', { outboxId: id });
    return id;
  }

  /**
   * The `mail-send` job. Sending twice is possible only if the process dies between the
   * server's acceptance and the row's update; the retry then carries the same Message-ID, by
   * which receiving systems recognise the duplicate.
   */
  private async send(job: RunningJob<'mail-send'>): Promise<void> {
    const row = await this.outbox.find(job.data.outboxId);
    // Sent, given up or gone: a late duplicate of the job has nothing to do.
    if (!row || row.status !== 'queued') return;

    const unsubscribe = row.unsubscribe_token
      ? `${this.config.publicUrl}/unsubscribe?token=${encodeURIComponent(row.unsubscribe_token)}`
      : null;
    let rendered: RenderedMail;
    try {
      if (!isMailTemplateName(row.template))
        throw new Error(`No mail template is named "${row.template}"`);
      const links: MailLinks = { home: this.config.publicUrl, unsubscribe };
      rendered = renderMail(
        row.template,
        mailLocale(row.locale),
        row.data as MailTemplateMap[typeof row.template],
        links,
      );
    } catch (error) {
      // A template that cannot render now will not render on a retry either.
      this.logger.error(
        `Mail ${row.id} (${row.template}) cannot be rendered: ${describeFailure(error)}`,
      );
      await this.outbox.recordFailure(row.id, `render: ${describeFailure(error)}`, true);
      this.totals.failed++;
      return;
    }

    const headers: Record<string, string> = {
      'Auto-Submitted': 'auto-generated',
      'Content-Language': row.locale,
    };
    if (!row.transactional && unsubscribe) {
      // RFC 8058: mail clients offer a one-click unsubscribe that POSTs to this URL.
      headers['List-Unsubscribe'] = `<${unsubscribe}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      await this.transport.deliver({
        outboxId: row.id,
        to: row.recipient,
        ...rendered,
        messageId: row.message_id,
        date: row.created_at,
        headers,
      });
    } catch (error) {
      const permanent = isPermanentFailure(error);
      await this.outbox.recordFailure(
        row.id,
        describeFailure(error),
        permanent || job.isLastAttempt,
      );
      if (permanent || job.isLastAttempt) this.totals.failed++;
      if (permanent) {
        this.logger.warn(`Mail ${row.id} refused for good: ${describeFailure(error)}`);
        return;
      }
      throw error;
    }
    await this.outbox.markSent(row.id);
    this.totals.sent++;
  }
}
