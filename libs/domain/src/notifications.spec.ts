import {
  NOTIFICATION_KINDS,
  NOTIFICATION_SUBJECT_TYPES,
  subjectTypeOf,
  toNotificationView,
} from './notifications';

describe('notification kinds', () => {
  it('each name a known subject type, in the shape the database checks', () => {
    for (const kind of Object.keys(NOTIFICATION_KINDS) as (keyof typeof NOTIFICATION_KINDS)[]) {
      expect(kind).toMatch(/^[a-z][a-z_]{1,48}$/);
      expect(NOTIFICATION_SUBJECT_TYPES).toContain(subjectTypeOf(kind));
    }
  });

  it('mentions are about threads', () => {
    expect(subjectTypeOf('mention')).toBe('thread');
  });
});

describe('moderation notifications', () => {
  it('point at the network’s moderation queue, never at a thread', () => {
    expect(subjectTypeOf('message_flagged')).toBe('moderation_queue');
  });
});

describe('toNotificationView', () => {
  it('shows what was frozen in the payload, with dates as ISO strings', () => {
    const createdAt = new Date('2026-03-01T10:00:00.123Z');
    const view = toNotificationView({
      id: 'n1',
      userId: 'u1',
      kind: 'mention',
      networkId: 'net1',
      subjectType: 'thread',
      subjectId: 't1',
      threadId: 't1',
      messageId: 'm1',
      dedupeKey: null,
      payload: {
        title: 'Housing first',
        excerpt: 'see @amira',
        actor: { kind: 'chatham', label: 'Local NGO', labelCode: 'ngo.local' },
      },
      readAt: null,
      createdAt,
    });
    expect(view).toEqual({
      id: 'n1',
      kind: 'mention',
      networkId: 'net1',
      subject: { type: 'thread', id: 't1', title: 'Housing first' },
      messageId: 'm1',
      actor: { kind: 'chatham', label: 'Local NGO', labelCode: 'ngo.local' },
      excerpt: 'see @amira',
      readAt: null,
      createdAt: '2026-03-01T10:00:00.123Z',
    });
  });
});
