import { MAIL_LOCALES } from '../../mail-locales';
import { renderMail } from '../../mail-renderer';
import { MAIL_MESSAGES } from '../../messages';
import type { MailTemplateMap } from '../mail-templates';

const links = { home: 'https://tandem.example.org', unsubscribe: null };
const samples: { [K in Exclude<keyof MailTemplateMap, 'test-mail'>]: MailTemplateMap[K] } = {
  invitation: {
    inviterName: 'Amira Haddad',
    networkName: 'City Mentoring Exchange',
    role: 'moderator',
    email: 'new@example.org',
    acceptUrl: 'https://tandem.example.org/invitations/tok-invite',
    expiresAt: '2026-12-17T10:00:00.000Z',
  },
  'verify-email': {
    name: 'Jonas',
    email: 'jonas@example.org',
    reason: 'change',
    verifyUrl: 'https://tandem.example.org/verify-email?token=tok-verify',
  },
  'password-reset': {
    name: 'Jonas',
    email: 'jonas@example.org',
    resetUrl: 'https://tandem.example.org/reset-password?token=tok-reset',
  },
  'password-changed': {
    name: 'Jonas',
    changedAt: '2026-12-03T18:00:00.000Z',
    resetUrl: 'https://tandem.example.org/forgot-password',
  },
  'email-changed': { name: 'Jonas', newEmail: 'jonas.new@example.org' },
};

describe.each(MAIL_LOCALES)('the account mails in %s', (locale) => {
  it.each(Object.keys(samples) as (keyof typeof samples)[])(
    '%s fills every placeholder and carries its link and values',
    (name) => {
      const mail = renderMail(name, locale, samples[name] as never, links);
      for (const part of [mail.subject, mail.text]) expect(part).not.toMatch(/\{\w+\}/);
      expect(mail.html).toContain(`lang="${locale}"`);
      for (const value of Object.values(samples[name])) {
        const shown = String(value);
        if (shown.startsWith('https://')) expect(mail.text).toContain(shown);
      }
      if (name === 'invitation') {
        expect(mail.subject).toContain('City Mentoring Exchange');
        expect(mail.text).toContain(MAIL_MESSAGES[locale].account.roles.moderator);
      }
    },
  );

  it('is not the English text (but for names)', () => {
    if (locale === 'en') return;
    const mine = MAIL_MESSAGES[locale].account;
    const english = MAIL_MESSAGES.en.account;
    expect(mine.passwordReset.body).not.toBe(english.passwordReset.body);
    expect(mine.invitation.about).not.toBe(english.invitation.about);
    expect(mine.verifyEmail.bodyChange).not.toBe(english.verifyEmail.bodyChange);
  });
});
