import type { EntrySummaryView } from './curation';
import type { ErrorCode } from './errors';
import type { MessageView, PresenceView, ThreadView } from './contract';
import type { NotificationView } from './notifications';
import type { PairingView } from './mentoring';

/** Every acknowledgement: success with its payload, or a refusal the client can act on. */
export type Ack<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: ErrorCode; message: string; retryAfterMs?: number };

export interface TypingEvent {
  threadId: string;
  /** A display name, or the Chatham label in a Chatham House thread. */
  who: string;
}

/** Why the server is about to close the connection, so the client knows what to do. */
export interface SessionEndedEvent {
  reason: 'token_expired' | 'signed_out' | 'removed';
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
    payload: { channelId: string },
    ack: (result: Ack<{ presence: PresenceView }>) => void,
  ) => void;
  'channel:leave': (payload: { channelId: string }, ack: (result: Ack) => void) => void;
  /**
   * `afterSeq`: the last seq held; `missed` brings every later message. `afterChange`: the last
   * change stamp seen; `changed` then brings the messages up to `afterSeq` edited or deleted
   * since, and `lastChange` the stamp to remember.
   */
  'thread:join': (
    payload: { threadId: string; afterSeq?: number; afterChange?: number },
    ack: (
      result: Ack<{
        missed: MessageView[];
        hasMore: boolean;
        changed?: MessageView[];
        lastChange?: number;
      }>,
    ) => void,
  ) => void;
  'thread:leave': (payload: { threadId: string }, ack: (result: Ack) => void) => void;
  'message:send': (
    payload: { threadId: string; body: string; clientId: string; replyToId?: string },
    ack: (result: Ack<{ message: MessageView; duplicate: boolean }>) => void,
  ) => void;
  typing: (payload: { threadId: string }) => void;
  read: (payload: { threadId: string; seq: number }, ack: (result: Ack) => void) => void;
}

export const ROOM = {
  channel: (id: string) => `channel:${id}`,
  thread: (id: string) => `thread:${id}`,
  user: (id: string) => `user:${id}`,
} as const;
