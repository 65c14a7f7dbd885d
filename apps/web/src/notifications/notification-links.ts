import type { NotificationSubject } from '@tandem/domain';

/** Where a notification leads in the web app; a new subject type must add its page here. */
export function notificationPath(subject: NotificationSubject): string {
  switch (subject.type) {
    case 'thread':
      return `/threads/${encodeURIComponent(subject.id)}`;
    case 'pairing':
      return `/pairings/${encodeURIComponent(subject.id)}`;
    case 'entry':
      return `/entries/${encodeURIComponent(subject.id)}`;
    default: {
      const unknown: never = subject.type;
      return unknown;
    }
  }
}
