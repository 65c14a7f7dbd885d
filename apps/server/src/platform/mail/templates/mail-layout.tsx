import {
  Body,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { ReactNode } from 'react';
import { textDirection, type MailLocale } from '../mail-locales';
import type { MailMessages } from '../messages';
import type { MailLinks } from './mail-template';

export interface MailLayoutProps {
  locale: MailLocale;
  t: MailMessages;
  links: MailLinks;
  preview: string;
  children: ReactNode;
}

const page = {
  backgroundColor: '#f4f5f7',
  fontFamily: '-apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  margin: 0,
  padding: '24px 0',
};
const card = {
  backgroundColor: '#ffffff',
  borderRadius: '8px',
  margin: '0 auto',
  maxWidth: '560px',
  padding: '32px',
};
const brand = { color: '#1c7ed6', fontSize: '20px', fontWeight: 700, margin: 0 };
const small = { color: '#6b7280', fontSize: '12px', lineHeight: '18px', margin: '4px 0' };

/**
 * The frame of every mail: the language and direction on <html> (Arabic reads right to left),
 * the Tandem name, the content, and a footer that says why the mail came. Mail that was not
 * caused by the recipient's own action carries the unsubscribe link as well.
 */
export function MailLayout({ locale, t, links, preview, children }: MailLayoutProps) {
  const dir = textDirection(locale);
  return (
    <Html lang={locale} dir={dir}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={{ ...card, direction: dir, textAlign: dir === 'rtl' ? 'right' : 'left' }}>
          <Section>
            <Link href={links.home} style={brand}>
              Tandem
            </Link>
          </Section>
          <Section>{children}</Section>
          <Hr />
          <Text style={small}>{t.layout.tagline}</Text>
          {links.unsubscribe ? (
            <Text style={small}>
              {t.layout.notificationNote}{' '}
              <Link href={links.unsubscribe} style={{ color: '#6b7280' }}>
                {t.layout.unsubscribe}
              </Link>
            </Text>
          ) : (
            <Text style={small}>{t.layout.transactionalNote}</Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}
