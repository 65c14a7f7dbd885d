import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/configuration';

/** A rendered mail, ready for the wire. */
export interface OutgoingMail {
  /** The outbox row's id: names the .eml file, so a retry overwrites rather than adds. */
  outboxId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  /** When the mail was queued, so a retry's Date header equals the first attempt's. */
  date: Date;
  headers: Record<string, string>;
}

/**
 * Sends over SMTP_URL, or, without it, writes each mail as an RFC 822 `.eml` file under
 * DATA_DIR/outbox and logs the file's path: a development server never mails anyone.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  /** Set when there is no SMTP_URL: where the .eml files go. */
  private readonly outboxDir: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // nodemailer reads the options from the URL itself: smtps:// for implicit TLS, and query
    // parameters such as ?pool=true.
    this.transporter = config.smtpUrl
      ? createTransport(config.smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    this.outboxDir = config.smtpUrl ? null : join(config.dataDir, 'outbox');
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }

  /** Resolves once the server accepted the mail (or the file is written); throws otherwise. */
  async deliver(mail: OutgoingMail): Promise<void> {
    const message = {
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      date: mail.date,
      headers: mail.headers,
    };
    const info = (await this.transporter.sendMail(message)) as { message?: Buffer };
    if (!this.outboxDir || !info.message) return;
    await mkdir(this.outboxDir, { recursive: true, mode: 0o700 });
    const file = join(this.outboxDir, `${mail.outboxId}.eml`);
    await writeFile(file, info.message, { mode: 0o600 });
    this.logger.log(`No SMTP_URL: mail ${mail.outboxId} written to ${file}`);
  }
}

/**
 * An SMTP 5xx reply is final (no such mailbox, refused): retrying cannot help. Everything
 * else (4xx, a refused or dropped connection, a timeout) may pass on a later attempt.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** The failure as kept in `mail_outbox.last_error`: the SMTP reply when there is one. */
export function describeFailure(error: unknown): string {
  const failure = error as { responseCode?: unknown; response?: unknown; message?: unknown } | null;
  const text =
    typeof failure?.response === 'string'
      ? failure.response
      : typeof failure?.message === 'string'
        ? failure.message
        : String(error);
  return text.slice(0, 1000);
}
