import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { MailService } from '../../apps/server/src/platform/mail/mail.service';
import { parseMetrics, valueOf } from '../ops/prometheus-text';
import { startTestApp, TestApp } from '../support/app';
import { outboxState, pause, queueTestMail, settledOutbox } from '../support/mail';
import { TestSmtpServer } from '../support/smtp';

const PUBLIC_URL = 'https://tandem.example.org';

/** The raw header line (mailparser turns List-* headers into objects). */
function headerLine(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((line) => line.key === name.toLowerCase())?.line;
}

function mailTo(smtp: TestSmtpServer, address: string): ParsedMail[] {
  return smtp.mails.filter((mail) =>
    [mail.to].flat().some((to) => to?.value.some((entry) => entry.address === address)),
  );
}

describe('mail over SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start({ rejectRecipients: ['gone@example.org'] });
    t = await startTestApp({
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      MAIL_FROM: 'Tandem <no-reply@tandem.example.org>',
      JOB_RETRY_DELAY_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends each queued mail once, as text and HTML, in the recipient locale, with a stable Message-ID', async () => {
    const fr = await queueTestMail(t, {
      to: 'alice@example.org',
      locale: 'fr',
      data: { name: 'Alice' },
      transactional: true,
    });
    const ar = await queueTestMail(t, {
      to: 'omar@example.org',
      locale: 'ar',
      data: { name: 'عمر' },
      transactional: false,
      unsubscribeToken: 'tok-123',
    });
    await Promise.all([settledOutbox(t, fr), settledOutbox(t, ar)]);
    // Long enough for a duplicate job run to show.
    await pause(2500);

    const [french] = mailTo(smtp, 'alice@example.org');
    expect(mailTo(smtp, 'alice@example.org')).toHaveLength(1);
    expect(french.messageId).toBe(`<${fr}@tandem.example.org>`);
    expect(french.from?.value).toEqual([
      { name: 'Tandem', address: 'no-reply@tandem.example.org' },
    ]);
    expect(french.subject).toBe('Message de test de Tandem');
    expect(french.text).toContain('Bonjour Alice,');
    expect(french.text).toContain('Ouvrir Tandem');
    expect(french.html).toEqual(expect.stringContaining('lang="fr"'));
    expect(french.html).toEqual(expect.stringContaining('dir="ltr"'));
    expect(french.html).toEqual(expect.stringContaining(`href="${PUBLIC_URL}"`));
    expect(headerLine(french, 'Content-Language')).toBe('Content-Language: fr');
    expect(headerLine(french, 'List-Unsubscribe')).toBeUndefined();
    expect(headerLine(french, 'List-Unsubscribe-Post')).toBeUndefined();

    const [arabic] = mailTo(smtp, 'omar@example.org');
    expect(mailTo(smtp, 'omar@example.org')).toHaveLength(1);
    expect(arabic.messageId).toBe(`<${ar}@tandem.example.org>`);
    expect(arabic.subject).toBe('رسالة تجريبية من Tandem');
    expect(arabic.text).toContain('مرحبًا عمر،');
    expect(arabic.html).toEqual(expect.stringContaining('dir="rtl"'));
    expect(arabic.html).toEqual(expect.stringContaining('lang="ar"'));
    expect(headerLine(arabic, 'List-Unsubscribe')).toBe(
      `List-Unsubscribe: <${PUBLIC_URL}/unsubscribe?token=tok-123>`,
    );
    expect(headerLine(arabic, 'List-Unsubscribe-Post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );

    expect(await outboxState(t, fr)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await outboxState(t, ar)).toMatchObject({ status: 'sent', attempts: 1 });
  }, 40_000);

  it('never sends a mail whose transaction rolled back', async () => {
    const failure = new Error('the change failed');
    let rolledBack: string | undefined;
    await expect(
      t.app.get(DataSource).transaction(async (manager) => {
        rolledBack = await t.app.get(MailService).queue(manager, {
          to: 'rolled-back@example.org',
          template: 'test-mail',
          locale: 'en',
          data: { name: 'Nobody' },
          transactional: true,
        });
        throw failure;
      }),
    ).rejects.toBe(failure);
    // A mail queued after it is sent, so the job queue has had its chance at the first.
    const after = await queueTestMail(t, {
      to: 'after@example.org',
      locale: 'en',
      data: { name: 'Later' },
      transactional: true,
    });
    await settledOutbox(t, after);
    await pause(2500);

    expect(mailTo(smtp, 'after@example.org')).toHaveLength(1);
    expect(mailTo(smtp, 'rolled-back@example.org')).toHaveLength(0);
    expect(smtp.recipientAttempts).not.toContain('rolled-back@example.org');
    expect(rolledBack).toBeDefined();
    expect(await outboxState(t, rolledBack!)).toBeNull();
  }, 40_000);

  it('records a permanent refusal (5xx) as failed and does not retry it', async () => {
    const id = await queueTestMail(t, {
      to: 'gone@example.org',
      locale: 'en',
      data: { name: 'Gone' },
      transactional: true,
    });
    const state = await settledOutbox(t, id);
    // With a 1 s retry delay, a retry would have come by now.
    await pause(5000);

    expect(state).toMatchObject({ status: 'failed', attempts: 1 });
    expect(state.last_error).toContain('550');
    expect(await outboxState(t, id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(smtp.recipientAttempts.filter((a) => a === 'gone@example.org')).toHaveLength(1);
    expect(mailTo(smtp, 'gone@example.org')).toHaveLength(0);
  }, 40_000);

  it('counts sent and failed mail and the mail queue in /metrics', async () => {
    const samples = parseMetrics((await t.http.get('/metrics')).text);
    // Sent above: the French, the Arabic and the one after the rollback; refused: one.
    expect(valueOf(samples, 'tandem_mail_sent_total')).toBe(3);
    expect(valueOf(samples, 'tandem_mail_failed_total')).toBe(1);
    expect(valueOf(samples, 'tandem_jobs', { queue: 'mail-send', state: 'waiting' })).toBe(0);
    expect(valueOf(samples, 'tandem_jobs', { queue: 'mail-send', state: 'failed' })).toBe(0);
  });
});

describe('mail over SMTP with temporary failures', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start({ temporaryFailures: 2 });
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL, JOB_RETRY_DELAY_SECONDS: '1' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('retries a 4xx with backoff and delivers the mail exactly once', async () => {
    const id = await queueTestMail(t, {
      to: 'greylisted@example.org',
      locale: 'de',
      data: { name: 'Grete' },
      transactional: true,
    });
    const state = await settledOutbox(t, id, 45_000);
    await pause(2500);

    expect(smtp.dataAttempts).toBe(3);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].messageId).toBe(`<${id}@tandem.example.org>`);
    expect(smtp.mails[0].subject).toBe('Testnachricht von Tandem');
    expect(state).toMatchObject({ status: 'sent', attempts: 3 });
    expect(state.last_error).toContain('451');
  }, 60_000);
});
