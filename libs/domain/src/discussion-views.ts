import type { AuthorView, MessageView, ThreadView } from './contract';
import type { Attribution } from './discussions';
import type { AuthorFacts, MessageRecord, ThreadRecord } from './records';
import { isLabelCode, type LabelCode, renderLabel } from './organisation-labels';

/**
 * An author's public facts from a row that joined the author's user: null when the message or
 * thread has no author any more, or the join found no one (the account is gone).
 */
export function toAuthorFacts(
  userId: string | null,
  displayName: string | null,
  handle: string | null,
): AuthorFacts | null {
  if (!userId || displayName === null || handle === null) return null;
  return { userId, displayName, handle };
}

/**
 * The one place authorship is decided for a viewer. Chatham House threads show the label the
 * author's post was given when it was written — no id, name, handle or email — to everyone,
 * moderators included. Labels are rendered in `locale` (English by default); clients that
 * know better render `labelCode` themselves.
 */
export function toAuthorView(
  attribution: Attribution,
  labelCode: LabelCode,
  author: AuthorFacts | null,
  locale: string = 'en',
): AuthorView {
  if (attribution === 'chatham')
    return { kind: 'chatham', label: renderLabel(labelCode, locale), labelCode };
  if (!author)
    return {
      kind: 'named',
      userId: '',
      displayName: 'Former member',
      handle: '',
      organisationLabel: null,
      organisationLabelCode: null,
    };
  const independent = labelCode === 'independent' || !isLabelCode(labelCode);
  return {
    kind: 'named',
    userId: author.userId,
    displayName: author.displayName,
    handle: author.handle,
    organisationLabel: independent ? null : renderLabel(labelCode, locale),
    organisationLabelCode: independent ? null : labelCode,
  };
}

/**
 * A message for one viewer. A message a moderator hid keeps its text only for its author and,
 * with `moderator`, for the network's moderators and admins; everyone else (and every shared
 * room payload, which passes no viewer) gets an empty body and `hidden: true`.
 */
export function toMessageView(
  message: MessageRecord,
  attribution: Attribution,
  author: AuthorFacts | null,
  viewerId: string | null,
  options: { moderator?: boolean } = {},
): MessageView {
  const isMine = viewerId !== null && message.authorId === viewerId;
  const deleted = message.deletedAt !== null;
  const hidden = Boolean(message.hiddenAt);
  const withheld = deleted || (hidden && !isMine && options.moderator !== true);
  return {
    id: message.id,
    threadId: message.threadId,
    seq: message.seq,
    body: withheld ? '' : message.body,
    replyToId: message.replyToId,
    author: toAuthorView(attribution, message.authorLabelCode, author),
    isMine,
    clientId: isMine ? message.clientId : null,
    edited: message.editedAt !== null,
    deleted,
    hidden,
    changeSeq: message.changeSeq,
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt ? message.editedAt.toISOString() : null,
  };
}

export function toThreadView(
  thread: ThreadRecord,
  author: AuthorFacts | null,
  viewerId: string | null,
  lastReadSeq: number,
): ThreadView {
  return {
    id: thread.id,
    channelId: thread.channelId,
    networkId: thread.networkId,
    title: thread.title,
    attribution: thread.attribution,
    topics: thread.topics,
    author: toAuthorView(thread.attribution, thread.authorLabelCode, author),
    isMine: viewerId !== null && thread.authorId === viewerId,
    locked: thread.lockedAt !== null,
    lastSeq: thread.lastSeq,
    lastChange: thread.lastChange,
    messageCount: thread.messageCount,
    lastReadSeq: Math.min(lastReadSeq, thread.lastSeq),
    unreadCount: Math.max(0, thread.lastSeq - lastReadSeq),
    lastActivityAt: thread.lastActivityAt.toISOString(),
    createdAt: thread.createdAt.toISOString(),
  };
}
