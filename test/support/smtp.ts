import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface TestSmtpOptions {
  /** Answer the first N DATA commands with 451 (try again later), then accept. */
  temporaryFailures?: number;
  /** Answer RCPT TO for these addresses with 550 (no such mailbox). */
  rejectRecipients?: string[];
}

/** Error replies smtp-server sends with the given code. */
function reply(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * A real SMTP server on 127.0.0.1 (random port, no TLS, no authentication) that keeps every
 * accepted mail, parsed, and counts every attempt, accepted or refused.
 */
export class TestSmtpServer {
  readonly mails: ParsedMail[] = [];
  /** Every RCPT TO, in order, including refused ones. */
  readonly recipientAttempts: string[] = [];
  /** DATA commands received, including the ones answered with a temporary failure. */
  dataAttempts = 0;
  url = '';

  private readonly server: SMTPServer;
  private failuresLeft: number;
  private readonly rejected: Set<string>;

  private constructor(options: TestSmtpOptions) {
    this.failuresLeft = options.temporaryFailures ?? 0;
    this.rejected = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        this.recipientAttempts.push(address.address);
        if (this.rejected.has(address.address.toLowerCase()))
          return callback(reply(550, 'No such mailbox here'));
        callback();
      },
      onData: (stream: SMTPServerDataStream, _session, callback) => {
        this.dataAttempts++;
        if (this.failuresLeft > 0) {
          this.failuresLeft--;
          stream.on('end', () => callback(reply(451, 'Greylisted, try again later')));
          stream.resume();
          return;
        }
        simpleParser(stream).then(
          (mail) => {
            this.mails.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  static async start(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer(options);
    await new Promise<void>((resolve, fail) => {
      smtp.server.once('error', fail);
      smtp.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = smtp.server.server.address() as AddressInfo;
    smtp.url = `smtp://127.0.0.1:${port}`;
    return smtp;
  }

  /** Waits until `count` mails have arrived (or fails after `timeoutMs`). */
  async waitForMails(count: number, timeoutMs = 20_000): Promise<ParsedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.mails.length < count) {
      if (Date.now() > deadline)
        throw new Error(`Expected ${count} mails, got ${this.mails.length} in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this.mails;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
