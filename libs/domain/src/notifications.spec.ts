import { NOTIFICATION_KINDS, NOTIFICATION_SUBJECT_TYPES, subjectTypeOf } from './notifications';

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
