import { Button, Text } from '@react-email/components';
import { fillIn } from '../messages';
import type { MailContext, MailTemplate } from './mail-template';

export interface TestMailData {
  name: string;
}

const paragraph = { color: '#1f2937', fontSize: '15px', lineHeight: '24px' };
const button = {
  backgroundColor: '#1c7ed6',
  borderRadius: '6px',
  color: '#ffffff',
  fontSize: '15px',
  fontWeight: 600,
  padding: '10px 18px',
};

/**
 * The smallest real mail: a greeting with the recipient's name, a sentence and a button to
 * PUBLIC_URL. It proves the whole path (outbox, job, render, SMTP or .eml) and is the model
 * for feature templates.
 */
export const testMail: MailTemplate<TestMailData> = {
  subject: ({ t }) => t.testMail.subject,
  preview: ({ t }) => t.testMail.preview,
  Content: ({ t, data, links }: MailContext<TestMailData>) => (
    <>
      <Text style={paragraph}>{fillIn(t.testMail.greeting, { name: data.name })}</Text>
      <Text style={paragraph}>{t.testMail.body}</Text>
      <Button href={links.home} style={button}>
        {t.testMail.action}
      </Button>
    </>
  ),
};
