import { DomainError } from './errors';
import { atLeast, Decision, Standing } from './networks';

export const CHANNEL_VISIBILITIES = ['network', 'private'] as const;
export type ChannelVisibility = (typeof CHANNEL_VISIBILITIES)[number];

export const ATTRIBUTIONS = ['named', 'chatham'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** What a policy needs to know about a channel and the viewer's place in it. */
export interface ChannelAccess {
  visibility: ChannelVisibility;
  archived: boolean;
  /** The viewer's role in the channel's network (null: not a member). */
  standing: Standing;
  /** Whether the viewer is on the channel's member list (only matters for private channels). */
  listed: boolean;
  /**
   * Set when the channel is a mentoring pairing's own: whether the viewer is one of the pair.
   * Only the pair manage who is in it; coordinators do not, unless the pair added them.
   */
  pairing?: { isPartner: boolean } | null;
}

const allow: Decision = { allowed: true };
const deny = (error: DomainError): Decision => ({ allowed: false, error });
const hiddenChannel = (): Decision => deny(new DomainError('not_found', 'Channel not found'));

/**
 * Network channels are read by every member of the network; private channels only by the people
 * on their list — not by admins or moderators who are not listed (a pairing's conversation stays
 * the pair's). Anything the viewer cannot read does not exist for them.
 */
export function canReadChannel(access: ChannelAccess): boolean {
  if (access.standing === null) return false;
  return access.visibility === 'network' || access.listed;
}

export function readChannel(access: ChannelAccess): Decision {
  return canReadChannel(access) ? allow : hiddenChannel();
}

/**
 * Reading a thread: what the caller may not read answers exactly like a thread that does not
 * exist ("Thread not found"), not like a missing channel, so the two cannot be told apart.
 */
export function readThread(access: ChannelAccess): Decision {
  return canReadChannel(access) ? allow : deny(new DomainError('not_found', 'Thread not found'));
}

export function createChannel(standing: Standing): Decision {
  if (standing === null) return deny(new DomainError('not_found', 'Network not found'));
  if (!atLeast(standing, 'moderator')) {
    return deny(new DomainError('forbidden', 'Only moderators and admins can create channels'));
  }
  return allow;
}

/**
 * Admins and moderators manage a private channel's list; they need not be on it themselves. A
 * pairing's channel is the exception: only the pair add people to it, and to anyone else not on
 * its list it does not exist.
 */
export function manageChannel(access: ChannelAccess): Decision {
  if (access.standing === null) return hiddenChannel();
  if (access.pairing) {
    if (!canReadChannel(access) && !access.pairing.isPartner) return hiddenChannel();
    if (!access.pairing.isPartner) {
      return deny(
        new DomainError('forbidden', 'Only the mentor and the mentee manage a pairing channel'),
      );
    }
    return allow;
  }
  if (!atLeast(access.standing, 'moderator')) {
    return canReadChannel(access)
      ? deny(new DomainError('forbidden', 'Only moderators and admins can manage channels'))
      : hiddenChannel();
  }
  return allow;
}

/**
 * Name, topics, visibility and archiving. A pairing's channel follows its pairing (it is created,
 * named and archived with it), so nobody changes those by hand.
 */
export function changeChannelSettings(access: ChannelAccess): Decision {
  if (access.pairing) {
    if (access.standing === null || !canReadChannel(access)) return hiddenChannel();
    return deny(
      new DomainError(
        'conflict',
        'A pairing channel follows its pairing: it is named and archived with it',
      ),
    );
  }
  return manageChannel(access);
}

/**
 * Taking someone off a private channel's list: oneself (leaving) or, for managers, anyone. The
 * mentor and mentee stay in their pairing's channel: it is their conversation.
 */
export function removeFromChannel(
  access: ChannelAccess,
  target: { self: boolean; isPairingPartner: boolean },
): Decision {
  const base = target.self ? readChannel(access) : manageChannel(access);
  if (!base.allowed) return base;
  if (target.isPairingPartner) {
    return deny(
      new DomainError('conflict', 'The mentor and the mentee stay in their pairing channel'),
    );
  }
  return allow;
}

/** A private channel never becomes a network one: its history was written for fewer readers. */
export function changeChannelVisibility(from: ChannelVisibility, to: ChannelVisibility): Decision {
  if (from === 'private' && to === 'network') {
    return deny(
      new DomainError(
        'conflict',
        'A private channel cannot be opened to the whole network; create a new channel instead',
      ),
    );
  }
  return allow;
}

export function startThread(access: ChannelAccess): Decision {
  if (!canReadChannel(access)) return hiddenChannel();
  if (access.archived) return deny(new DomainError('conflict', 'This channel is archived'));
  return allow;
}

export interface ThreadAccess extends ChannelAccess {
  locked: boolean;
}

export function postMessage(access: ThreadAccess): Decision {
  if (!canReadChannel(access)) return deny(new DomainError('not_found', 'Thread not found'));
  if (access.archived) return deny(new DomainError('conflict', 'This channel is archived'));
  if (access.locked) return deny(new DomainError('conflict', 'This thread is locked'));
  return allow;
}

export function lockThread(access: ThreadAccess): Decision {
  if (!canReadChannel(access)) return deny(new DomainError('not_found', 'Thread not found'));
  if (!atLeast(access.standing, 'moderator')) {
    return deny(new DomainError('forbidden', 'Only moderators and admins can lock threads'));
  }
  return allow;
}

export interface MessageAccess extends ThreadAccess {
  isAuthor: boolean;
  deleted: boolean;
  /** Hidden by a moderator (see moderation.ts); absent counts as not hidden. */
  hidden?: boolean;
}

/**
 * Only the author edits, and only while the message stands in an open thread of an active
 * channel (an archived channel is read-only). Every earlier text is kept.
 */
export function editMessage(access: MessageAccess): Decision {
  if (!canReadChannel(access)) return deny(new DomainError('not_found', 'Message not found'));
  if (!access.isAuthor)
    return deny(new DomainError('forbidden', 'Only the author can edit a message'));
  if (access.deleted) return deny(new DomainError('conflict', 'This message was deleted'));
  if (access.archived) return deny(new DomainError('conflict', 'This channel is archived'));
  // A new text would replace what moderators judged, unseen: ask them to unhide it instead.
  if (access.hidden)
    return deny(new DomainError('conflict', 'Moderators hid this message; it cannot be edited'));
  if (access.locked) return deny(new DomainError('conflict', 'This thread is locked'));
  return allow;
}

/** The author or a moderator deletes; deletion is soft (the record stays for the audit). */
export function deleteMessage(access: MessageAccess): Decision {
  if (!canReadChannel(access)) return deny(new DomainError('not_found', 'Message not found'));
  if (!access.isAuthor && !atLeast(access.standing, 'moderator')) {
    return deny(
      new DomainError('forbidden', 'Only the author or a moderator can delete a message'),
    );
  }
  if (access.deleted) return deny(new DomainError('conflict', 'This message was already deleted'));
  return allow;
}

/** Edit history is for moderators (and the author, who wrote it). */
export function readRevisions(access: MessageAccess): Decision {
  if (!canReadChannel(access)) return deny(new DomainError('not_found', 'Message not found'));
  if (!access.isAuthor && !atLeast(access.standing, 'moderator')) {
    return deny(new DomainError('forbidden', 'Only moderators can see edit history'));
  }
  return allow;
}

const MENTION = /(^|[^\w@])@([a-z0-9][a-z0-9_-]{1,30})\b/gi;

/** Handles mentioned in a message body (`@amira`), lower-cased, each once, in order. */
export function extractMentions(body: string): string[] {
  const seen = new Set<string>();
  for (const match of body.matchAll(MENTION)) seen.add(match[2].toLowerCase());
  return [...seen];
}

/** A handle from a display name: lower-case letters and digits, e.g. "Amira Haddad" → "amira-haddad". */
export function handleFrom(displayName: string): string {
  const base = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    // The cut may end on a separator; a handle never does (a mention would stop before it).
    .replace(/-+$/, '');
  return base.length >= 2 ? base : `member${base}`;
}

/** First characters of a message for notifications, on a word boundary, without markdown marks. */
export function excerpt(body: string, max = 140): string {
  const plain = body
    .replace(/[`*_>#~[\]()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  // Never end on the first half of a surrogate pair (an emoji, say).
  const cut = plain.slice(0, /[\uD800-\uDBFF]/.test(plain.charAt(max - 1)) ? max - 1 : max);
  // A space right after the cut means its last word is whole.
  const space = plain.lastIndexOf(' ', max);
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
