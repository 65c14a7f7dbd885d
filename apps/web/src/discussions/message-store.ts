import type { ErrorCode, MessageView } from '@tandem/domain';

/**
 * The messages of one thread as the client holds them: pure state and a reducer, so that the
 * rules of live delivery can be tested without React, sockets or timers.
 *
 * Messages reach the client by several roads — the first HTTP page, `message:new` and
 * `message:updated` events, the `missed` list of a `thread:join`, the ack of the client's own
 * send, further HTTP pages when a catch-up was capped — and the same message often arrives by
 * two of them. The store keeps exactly one copy per `seq` (the server's per-thread sequence,
 * gapless) in seq order, and knows up to which seq it holds everything, which is what a
 * reconnect asks the server for.
 */

/** Why a send failed: an ack refusal (`ErrorCode`), no ack in time, or no connection at all. */
export interface SendFailure {
  code: ErrorCode | 'timeout' | 'network';
  message: string;
  retryAfterMs?: number;
}

/** A message the user sent that the server has not confirmed yet. */
export interface PendingSend {
  /** Chosen by the client; a retry reuses it, so the server never stores the message twice. */
  clientId: string;
  body: string;
  status: 'sending' | 'failed';
  failure: SendFailure | null;
}

export interface MessageStore {
  /** Ascending by seq, one entry per seq. */
  messages: MessageView[];
  /** The user's unconfirmed sends, in the order they were written. */
  pending: PendingSend[];
  /** Messages after this seq are loaded (older ones on request); 0 when the whole thread is. */
  base: number;
  /** Every seq in (base, contiguous] is held: a reconnect asks for what came after this. */
  contiguous: number;
}

export type MessageStoreAction =
  /** Messages from any road: HTTP page, live event, catch-up. */
  | { type: 'received'; messages: readonly MessageView[] }
  /** An earlier page: the messages in (base, previous base]. */
  | { type: 'olderLoaded'; base: number; messages: readonly MessageView[] }
  | { type: 'sending'; clientId: string; body: string }
  | { type: 'acked'; clientId: string; message: MessageView }
  | { type: 'failed'; clientId: string; failure: SendFailure }
  | { type: 'retrying'; clientId: string }
  | { type: 'discarded'; clientId: string };

export function createMessageStore(base = 0): MessageStore {
  const start = Math.max(0, Math.floor(base));
  return { messages: [], pending: [], base: start, contiguous: start };
}

/**
 * Which of two versions of a message is more recent: a deletion is final; then the change stamp
 * (every edit, deletion, hide and unhide takes the thread's next); then the edit time. Two
 * copies that still disagree are the same message before and after a change.
 */
function compareRevisions(a: MessageView, b: MessageView): number {
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1;
  if (a.changeSeq !== b.changeSeq) return a.changeSeq - b.changeSeq;
  return (a.editedAt ? Date.parse(a.editedAt) : 0) - (b.editedAt ? Date.parse(b.editedAt) : 0);
}

/** The newer of two copies; the reader-specific fields survive from whichever copy had them. */
function mergeCopies(held: MessageView, incoming: MessageView): MessageView {
  const order = compareRevisions(incoming, held);
  const same =
    order === 0 &&
    incoming.body === held.body &&
    incoming.edited === held.edited &&
    incoming.hidden === held.hidden;
  const newer = order > 0 || (order === 0 && !same) ? incoming : held;
  const isMine = held.isMine || incoming.isMine;
  const clientId = newer.clientId ?? held.clientId ?? incoming.clientId;
  // A hidden message's text is reader-specific too: a moderator's own copy keeps it when the
  // room's copy of the same version (which has none) arrives after it.
  const body =
    newer.hidden && !newer.body && held.hidden && order === 0 && held.body ? held.body : newer.body;
  if (newer === held && held.isMine === isMine && held.clientId === clientId) return held;
  return { ...newer, isMine, clientId, body };
}

function extendContiguous(contiguous: number, base: number, held: ReadonlySet<number>): number {
  let seq = Math.max(contiguous, base);
  while (held.has(seq + 1)) seq += 1;
  return seq;
}

/** Merges messages into the store: one copy per seq, ordered, pending sends they confirm dropped. */
function receive(state: MessageStore, all: readonly MessageView[]): MessageStore {
  // An edit to a message older than the loaded window is picked up if that page is loaded.
  const incoming = all.filter((message) => message.seq > state.base);
  if (incoming.length === 0) return state;
  const bySeq = new Map<number, MessageView>();
  for (const message of state.messages) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    const held = bySeq.get(message.seq);
    const next = held ? mergeCopies(held, message) : message;
    if (next !== held) {
      bySeq.set(message.seq, next);
      changed = true;
    }
  }
  const confirmed = new Set(
    incoming.filter((message) => message.isMine && message.clientId).map((m) => m.clientId),
  );
  const pending = state.pending.filter((send) => !confirmed.has(send.clientId));
  if (!changed && pending.length === state.pending.length) return state;

  const messages = changed ? [...bySeq.values()].sort((a, b) => a.seq - b.seq) : state.messages;
  return {
    ...state,
    messages,
    pending,
    contiguous: changed
      ? extendContiguous(state.contiguous, state.base, new Set(bySeq.keys()))
      : state.contiguous,
  };
}

function updatePending(
  state: MessageStore,
  clientId: string,
  change: (send: PendingSend) => PendingSend,
): MessageStore {
  if (!state.pending.some((send) => send.clientId === clientId)) return state;
  return {
    ...state,
    pending: state.pending.map((send) => (send.clientId === clientId ? change(send) : send)),
  };
}

export function messageStoreReducer(state: MessageStore, action: MessageStoreAction): MessageStore {
  switch (action.type) {
    case 'received':
      return receive(state, action.messages);
    case 'olderLoaded': {
      const base = Math.max(0, Math.min(state.base, action.base));
      return receive({ ...state, base }, action.messages);
    }
    case 'sending':
      if (state.pending.some((send) => send.clientId === action.clientId)) return state;
      return {
        ...state,
        pending: [
          ...state.pending,
          { clientId: action.clientId, body: action.body, status: 'sending', failure: null },
        ],
      };
    case 'acked': {
      const received = receive(state, [action.message]);
      const pending = received.pending.filter((send) => send.clientId !== action.clientId);
      return pending.length === received.pending.length ? received : { ...received, pending };
    }
    case 'failed':
      return updatePending(state, action.clientId, (send) => ({
        ...send,
        status: 'failed',
        failure: action.failure,
      }));
    case 'retrying':
      return updatePending(state, action.clientId, (send) => ({
        ...send,
        status: 'sending',
        failure: null,
      }));
    case 'discarded':
      return state.pending.some((send) => send.clientId === action.clientId)
        ? { ...state, pending: state.pending.filter((send) => send.clientId !== action.clientId) }
        : state;
  }
}

/** The highest seq held, or the base when nothing is. */
export function lastSeq(state: MessageStore): number {
  return state.messages.at(-1)?.seq ?? state.base;
}

/** True when a later message arrived while an earlier one is still missing. */
export function hasGap(state: MessageStore): boolean {
  return lastSeq(state) > state.contiguous;
}

/** The `afterSeq` for `thread:join` or an HTTP page: everything up to it is held. */
export function catchUpFrom(state: MessageStore): number {
  return state.contiguous;
}
