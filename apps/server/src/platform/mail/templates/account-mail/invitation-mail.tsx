import { Text } from '@react-email/components';
import { fillIn } from '../../messages';
import type { MailContext, MailTemplate } from '../mail-template';
import { ActionLink, formatMailDate, note, paragraph } from './account-mail-parts';

export interface InvitationMailData {
  inviterName: string;
  networkName: string;
  role: 'member' | 'moderator' | 'admin';
  /** The email the invitation is bound to. */
  email: string;
  /** PUBLIC_URL/invitations/<token> */
  acceptUrl: string;
  /** ISO date */
  expiresAt: string;
}

/** `POST /api/networks/:slug/invitations`: the invitee's way in, in their locale or the inviter's. */
export const invitationMail: MailTemplate<InvitationMailData> = {
  subject: ({ t, data }) =>
    fillIn(t.account.invitation.subject, { inviter: data.inviterName, network: data.networkName }),
  preview: ({ t, data }) => fillIn(t.account.invitation.preview, { network: data.networkName }),
  Content: ({ t, data, locale }: MailContext<InvitationMailData>) => {
    const texts = t.account.invitation;
    return (
      <>
        <Text style={paragraph}>{texts.greeting}</Text>
        <Text style={paragraph}>
          {fillIn(texts.body, {
            inviter: data.inviterName,
            network: data.networkName,
            role: t.account.roles[data.role] ?? data.role,
          })}
        </Text>
        <Text style={paragraph}>{texts.about}</Text>
        <ActionLink href={data.acceptUrl} label={texts.action} />
        <Text style={note}>
          {fillIn(texts.expiry, {
            email: data.email,
            date: formatMailDate(data.expiresAt, locale),
          })}
        </Text>
        <Text style={note}>{texts.ignore}</Text>
      </>
    );
  },
};
