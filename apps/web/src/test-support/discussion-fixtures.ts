import type { ChannelView, MessageView, NotificationView, ThreadView } from '@tandem/domain';

export const THREAD_ID = '5b0c7a52-0000-4000-8000-000000000001';
export const CHANNEL_ID = '5b0c7a52-0000-4000-8000-000000000002';

export function makeChannel(overrides: Partial<ChannelView> = {}): ChannelView {
  return {
    id: CHANNEL_ID,
    networkId: 'network-1',
    networkSlug: 'welcoming-cities',
    slug: 'housing',
    name: 'Housing',
    description: 'Finding homes after the reception centre.',
    topics: ['housing'],
    visibility: 'network',
    archived: false,
    slowModeSeconds: 0,
    threadCount: 1,
    unreadCount: 0,
    createdAt: '2026-01-12T09:00:00.000Z',
    ...overrides,
  };
}

export function makeThread(overrides: Partial<ThreadView> = {}): ThreadView {
  return {
    id: THREAD_ID,
    channelId: CHANNEL_ID,
    networkId: 'network-1',
    title: 'Volunteer mentors after the first year',
    attribution: 'named',
    topics: ['volunteers'],
    author: {
      kind: 'named',
      userId: 'user-jonas',
      displayName: 'Jonas Weber',
      handle: 'jonas-weber',
      organisationLabel: 'National NGO',
      organisationLabelCode: 'ngo.national',
    },
    isMine: false,
    locked: false,
    lastSeq: 2,
    lastChange: 0,
    messageCount: 2,
    lastReadSeq: 2,
    unreadCount: 0,
    lastActivityAt: '2026-01-13T09:00:00.000Z',
    createdAt: '2026-01-13T08:00:00.000Z',
    ...overrides,
  };
}

/** A message by Jonas (not the signed-in user) unless told otherwise. */
export function makeMessage(seq: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: `message-${seq}`,
    threadId: THREAD_ID,
    seq,
    body: `Message number ${seq}`,
    replyToId: null,
    author: {
      kind: 'named',
      userId: 'user-jonas',
      displayName: 'Jonas Weber',
      handle: 'jonas-weber',
      organisationLabel: 'National NGO',
      organisationLabelCode: 'ngo.national',
    },
    isMine: false,
    clientId: null,
    edited: false,
    deleted: false,
    hidden: false,
    changeSeq: 0,
    createdAt: new Date(Date.UTC(2026, 0, 13, 9, seq)).toISOString(),
    editedAt: null,
    ...overrides,
  };
}

/** A message by the signed-in user (Amira), as the server shows it to her. */
export function makeOwnMessage(
  seq: number,
  clientId: string,
  overrides: Partial<MessageView> = {},
): MessageView {
  return makeMessage(seq, {
    author: {
      kind: 'named',
      userId: 'user-amira',
      displayName: 'Amira Haddad',
      handle: 'amira-haddad',
      organisationLabel: 'Local government',
      organisationLabelCode: 'government.local',
    },
    isMine: true,
    clientId,
    ...overrides,
  });
}

export function makeNotification(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'notification-1',
    kind: 'mention',
    networkId: 'network-1',
    subject: { type: 'thread', id: THREAD_ID, title: 'Volunteer mentors after the first year' },
    messageId: 'message-2',
    actor: {
      kind: 'named',
      userId: 'user-jonas',
      displayName: 'Jonas Weber',
      handle: 'jonas-weber',
      organisationLabel: 'National NGO',
      organisationLabelCode: 'ngo.national',
    },
    excerpt: '@amira-haddad what did Ghent do?',
    readAt: null,
    createdAt: '2026-01-13T09:05:00.000Z',
    ...overrides,
  };
}
