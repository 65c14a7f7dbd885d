import { Button, Text } from '@react-email/components';
import type { MailLocale } from '../../mail-locales';

export const paragraph = { color: '#1f2937', fontSize: '15px', lineHeight: '24px' };
export const note = { color: '#4b5563', fontSize: '13px', lineHeight: '20px' };
const button = {
  backgroundColor: '#1c7ed6',
  borderRadius: '6px',
  color: '#ffffff',
  fontSize: '15px',
  fontWeight: 600,
  padding: '10px 18px',
};

/**
 * The action of an account mail: a button, and the address written out under it, since some
 * people copy links by hand and some mail clients strip buttons.
 */
export function ActionLink({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Button href={href} style={button}>
        {label}
      </Button>
      <Text style={{ ...note, wordBreak: 'break-all' }}>{href}</Text>
    </>
  );
}

/** A stored ISO date, written for the reader (UTC, so every retry renders the same mail). */
export function formatMailDate(iso: string, locale: MailLocale, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (
    new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'UTC',
    }).format(date) + (withTime ? ' UTC' : '')
  );
}
