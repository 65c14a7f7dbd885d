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
    // The id is the network's: the page finds the network and opens its queue.
    case 'moderation_queue':
      return `/moderation/${encodeURIComponent(subject.id)}`;
    default: {
      const unknown: never = subject.type;
      return unknown;
    }
  }
}
