import type { EntrySummaryView } from './curation';
import type { ErrorCode } from './errors';
import type { MessageView, PostMessageBody, PresenceView, ThreadView } from './contract';
import type { NotificationView } from './notifications';
import type { PairingView } from './mentoring';

/** Every acknowledgement: success with its payload, or a refusal the client can act on. */
export type Ack<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: ErrorCode; message: string; retryAfterMs?: number };

export interface TypingEvent {
  threadId: string;
  /**
   * A display name; null in a Chatham House thread, where typing carries no name, handle, id
   * or label (a label beside "is typing" in a small circle would point at the person).
   */
  who: string | null;
}

/** Why the server is about to close the connection, so the client knows what to do. */
export interface SessionEndedEvent {
  reason: 'token_expired' | 'signed_out' | 'removed';
}

/** `channel:join`, `channel:leave`. */
export interface ChannelRoomPayload {
  channelId: string;
}

/** `thread:leave`, `typing`. */
export interface ThreadRoomPayload {
  threadId: string;
}

/**
 * `thread:join`. `afterSeq`: the last seq held; `missed` brings every later message.
 * `afterChange`: the last change stamp seen; `changed` then brings the messages up to `afterSeq`
 * edited or deleted since, and `lastChange` the stamp to remember.
 */
export interface ThreadJoinPayload extends ThreadRoomPayload {
  afterSeq?: number;
  afterChange?: number;
}

/** `message:send`: the HTTP body with the thread. */
export interface MessageSendPayload extends PostMessageBody, ThreadRoomPayload {}

/** `read`. */
export interface ThreadReadPayload extends ThreadRoomPayload {
  seq: number;
}

export interface ServerToClientEvents {
  'message:new': (message: MessageView) => void;
  'message:updated': (message: MessageView) => void;
  'thread:new': (thread: ThreadView) => void;
  'thread:updated': (thread: ThreadView) => void;
  typing: (event: TypingEvent) => void;
  presence: (presence: PresenceView) => void;
  notification: (notification: NotificationView) => void;
  'session:ended': (event: SessionEndedEvent) => void;
  /** A pairing the recipient is in or coordinates changed: the recipient's own view of it. */
  'pairing:updated': (pairing: PairingView) => void;
  /** A best-practice entry published a version, to those who may read it. */
  'entry:published': (entry: EntrySummaryView) => void;
}

export interface ClientToServerEvents {
  'channel:join': (
    payload: ChannelRoomPayload,
    ack: (result: Ack<{ presence: PresenceView }>) => void,
  ) => void;
  'channel:leave': (payload: ChannelRoomPayload, ack: (result: Ack) => void) => void;
  'thread:join': (
    payload: ThreadJoinPayload,
    ack: (
      result: Ack<{
        missed: MessageView[];
        hasMore: boolean;
        changed?: MessageView[];
        lastChange?: number;
      }>,
    ) => void,
  ) => void;
  'thread:leave': (payload: ThreadRoomPayload, ack: (result: Ack) => void) => void;
  'message:send': (
    payload: MessageSendPayload,
    ack: (result: Ack<{ message: MessageView; duplicate: boolean }>) => void,
  ) => void;
  typing: (payload: ThreadRoomPayload) => void;
  read: (payload: ThreadReadPayload, ack: (result: Ack) => void) => void;
}

export const ROOM = {
  channel: (id: string) => `channel:${id}`,
  thread: (id: string) => `thread:${id}`,
  user: (id: string) => `user:${id}`,
} as const;
