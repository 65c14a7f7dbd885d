import { simpleParser } from 'mailparser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../apps/server/src/platform/config/configuration';
import { startTestApp, TestApp } from '../support/app';
import { queueTestMail, settledOutbox } from '../support/mail';

describe('mail without SMTP_URL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'http://tandem.test:8080' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes each mail as an .eml file under DATA_DIR/outbox and sends nothing', async () => {
    const id = await queueTestMail(t, {
      to: 'dev@example.org',
      locale: 'it',
      data: { name: 'Giulia' },
      transactional: false,
      unsubscribeToken: 'tok-file',
    });
    expect(await settledOutbox(t, id)).toMatchObject({ status: 'sent', attempts: 1 });

    const outbox = join(t.app.get<AppConfig>(APP_CONFIG).dataDir, 'outbox');
    const file = join(outbox, `${id}.eml`);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(outbox)).toEqual([`${id}.eml`]);
    const mail = await simpleParser(readFileSync(file));
    expect(mail.messageId).toBe(`<${id}@tandem.test>`);
    expect(mail.from?.value).toEqual([{ name: 'Tandem', address: 'no-reply@localhost' }]);
    expect(mail.subject).toBe('Messaggio di prova da Tandem');
    expect(mail.text).toContain('Ciao Giulia,');
    expect(mail.html).toEqual(expect.stringContaining('lang="it"'));
    expect(mail.headerLines.find((line) => line.key === 'list-unsubscribe')?.line).toBe(
      'List-Unsubscribe: <http://tandem.test:8080/unsubscribe?token=tok-file>',
    );
  });
});
