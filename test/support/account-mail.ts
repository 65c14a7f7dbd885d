import type { ParsedMail } from 'mailparser';
import type { TestSmtpServer } from './smtp';

/** Mails the test SMTP server accepted for this address, in arrival order. */
export function mailsTo(smtp: TestSmtpServer, address: string): ParsedMail[] {
  return smtp.mails.filter((mail) =>
    [mail.to].flat().some((to) => to?.value.some((entry) => entry.address === address)),
  );
}

/** Waits until `count` mails (matching `subject`, when given) have arrived for the address. */
export async function waitForMailsTo(
  smtp: TestSmtpServer,
  address: string,
  count = 1,
  options: { subject?: RegExp | string; timeoutMs?: number } = {},
): Promise<ParsedMail[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const matches = () =>
    mailsTo(smtp, address).filter((mail) =>
      options.subject === undefined
        ? true
        : typeof options.subject === 'string'
          ? mail.subject === options.subject
          : options.subject.test(mail.subject ?? ''),
    );
  while (matches().length < count) {
    if (Date.now() > deadline) {
      const got = mailsTo(smtp, address).map((mail) => mail.subject);
      throw new Error(`Expected ${count} mail(s) to ${address}, got: ${JSON.stringify(got)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return matches();
}

/** The token of the first link to `${base}${path}?token=…` in the mail's text part. */
export function tokenFromLink(mail: ParsedMail, base: string, path: string): string {
  const escaped = `${base}${path}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`${escaped}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.text ?? '');
  if (!match) throw new Error(`No ${path} link in mail "${mail.subject}":\n${mail.text}`);
  return decodeURIComponent(match[1]);
}

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
