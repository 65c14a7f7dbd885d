import type { MessageView } from '@tandem/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../api/api-context';
import { useRealtime } from '../realtime/realtime-context';
import { authorName } from './author';
import { listMessages, sendMessage } from './discussions-api';
import {
  catchUpFrom,
  createMessageStore,
  hasGap,
  messageStoreReducer,
  type MessageStore,
  type MessageStoreAction,
} from './message-store';
import { failureFromError } from './send-failure';
import {
  ANONYMOUS_TYPIST,
  noteTyping,
  shouldSendTyping,
  typingNames,
  withoutTyping,
  type TypingMap,
} from './typing';

/** How many of the latest messages a thread opens with; earlier ones load on request. */
export const INITIAL_WINDOW = 50;
/** Page size of the HTTP history (the server's maximum). */
const PAGE_LIMIT = 100;
/** An ack that does not come in this time counts as failed (a retry cannot duplicate). */
const ACK_TIMEOUT_MS = 10_000;
/** A gap in the seqs that live delivery has not filled after this long is fetched over HTTP. */
const GAP_GRACE_MS = 1500;

/**
 * The messages of one thread, kept live: the latest page over HTTP, then `thread:join` with the
 * last seq held on every (re)connection; its `missed` list, live events and the acks of the
 * user's sends all go through the one reducer that keeps a single copy per seq. Sends go over
 * the socket with a client-chosen id (over HTTP when the socket is down); retries reuse it.
 */
export function useThreadMessages(threadId: string, initialLastSeq: number, initialLastChange = 0) {
  const api = useApiClient();
  const { socket } = useRealtime();

  const [store, setStore] = useState<MessageStore>(() =>
    createMessageStore(Math.max(0, initialLastSeq - INITIAL_WINDOW)),
  );
  // Async work (a join's afterSeq, a page's cursor) reads the latest state from here, not from
  // a render's closure.
  const storeRef = useRef(store);
  // The thread's latest change stamp we have applied: a rejoin asks for edits and deletions after
  // it, so what changed while the connection was down is caught up too, not only new messages.
  const lastChangeRef = useRef(initialLastChange);
  const noteChanges = useCallback((messages: readonly MessageView[]) => {
    for (const message of messages) {
      if (message.changeSeq > lastChangeRef.current) lastChangeRef.current = message.changeSeq;
    }
  }, []);
  const dispatch = useCallback((action: MessageStoreAction) => {
    const next = messageStoreReducer(storeRef.current, action);
    if (next !== storeRef.current) {
      storeRef.current = next;
      setStore(next);
    }
  }, []);

  const [initialLoad, setInitialLoad] = useState<{ done: boolean; error: unknown }>({
    done: false,
    error: null,
  });
  const [joinError, setJoinError] = useState<string | null>(null);
  const [typing, setTyping] = useState<TypingMap>({});
  const [liveMessage, setLiveMessage] = useState<MessageView | null>(null);
  const [olderState, setOlderState] = useState<{ loading: boolean; error: unknown }>({
    loading: false,
    error: null,
  });

  /**
   * Pages over HTTP from the last contiguous seq until the server says there is no more. Runs
   * one at a time: a request made meanwhile makes the running one go round once more, and
   * settles with it.
   */
  const pagingRef = useRef<{ running: Promise<void> | null; again: boolean }>({
    running: null,
    again: false,
  });
  const pageForward = useCallback((): Promise<void> => {
    const paging = pagingRef.current;
    if (paging.running) {
      paging.again = true;
      return paging.running;
    }
    const run = async () => {
      try {
        do {
          paging.again = false;
          let from = catchUpFrom(storeRef.current);
          for (;;) {
            const page = await listMessages(api, threadId, { afterSeq: from, limit: PAGE_LIMIT });
            dispatch({ type: 'received', messages: page.items });
            const last = page.items.at(-1);
            if (!page.hasMore || !last) break;
            from = last.seq;
          }
        } while (paging.again);
      } finally {
        paging.running = null;
        paging.again = false;
      }
    };
    paging.running = run();
    return paging.running;
  }, [api, dispatch, threadId]);

  const [loadAttempt, setLoadAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    pageForward().then(
      () => !cancelled && setInitialLoad({ done: true, error: null }),
      (error: unknown) => !cancelled && setInitialLoad({ done: true, error }),
    );
    return () => {
      cancelled = true;
    };
  }, [pageForward, loadAttempt]);
  const retryLoad = useCallback(() => {
    setInitialLoad({ done: false, error: null });
    setLoadAttempt((attempt) => attempt + 1);
  }, []);

  // Live: join on every connection (the server forgets rooms with the old connection) and
  // catch up from the last seq held.
  useEffect(() => {
    if (!socket) return undefined;
    const join = () => {
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emit(
          'thread:join',
          { threadId, afterSeq: catchUpFrom(storeRef.current), afterChange: lastChangeRef.current },
          (err, ack) => {
            if (err) {
              // No answer: the connection is probably going down; 'connect' joins again.
              return;
            }
            if (!ack.ok) {
              setJoinError(ack.message || ack.error);
              return;
            }
            setJoinError(null);
            dispatch({ type: 'received', messages: [...ack.missed, ...(ack.changed ?? [])] });
            noteChanges(ack.missed);
            noteChanges(ack.changed ?? []);
            if (ack.lastChange !== undefined && ack.lastChange > lastChangeRef.current) {
              lastChangeRef.current = ack.lastChange;
            }
            // The catch-up was capped: the rest comes over HTTP.
            if (ack.hasMore) pageForward().catch(() => undefined);
          },
        );
    };
    const onMessage = (message: MessageView) => {
      if (message.threadId !== threadId) return;
      dispatch({ type: 'received', messages: [message] });
      noteChanges([message]);
    };
    const onNew = (message: MessageView) => {
      if (message.threadId !== threadId) return;
      onMessage(message);
      // A Chatham House post ends the anonymous "someone is typing" too.
      setTyping((map) =>
        withoutTyping(
          map,
          message.author.kind === 'chatham' ? ANONYMOUS_TYPIST : authorName(message.author),
        ),
      );
      if (!message.isMine) setLiveMessage(message);
    };
    const onTyping = ({ threadId: about, who }: { threadId: string; who: string | null }) => {
      if (about === threadId)
        setTyping((map) => noteTyping(map, who ?? ANONYMOUS_TYPIST, Date.now()));
    };
    socket.on('connect', join);
    socket.on('message:new', onNew);
    socket.on('message:updated', onMessage);
    socket.on('typing', onTyping);
    if (socket.connected) join();
    return () => {
      socket.off('connect', join);
      socket.off('message:new', onNew);
      socket.off('message:updated', onMessage);
      socket.off('typing', onTyping);
      if (socket.connected) socket.emit('thread:leave', { threadId }, () => undefined);
    };
  }, [socket, threadId, dispatch, pageForward]);

  // A later seq arrived while an earlier one is missing (events from two server processes can
  // overtake each other): give live delivery a moment, then fetch the hole.
  const gap = hasGap(store);
  useEffect(() => {
    if (!gap) return undefined;
    const timer = setTimeout(() => void pageForward().catch(() => undefined), GAP_GRACE_MS);
    return () => clearTimeout(timer);
  }, [gap, store.contiguous, pageForward]);

  // "X is typing…" fades on its own.
  const typingNow = typingNames(typing, Date.now());
  const anyTyping = Object.keys(typing).length > 0;
  useEffect(() => {
    if (!anyTyping) return undefined;
    const timer = setInterval(() => {
      setTyping((map) => {
        const now = Date.now();
        const still = Object.fromEntries(Object.entries(map).filter(([, until]) => until > now));
        return Object.keys(still).length === Object.keys(map).length ? map : still;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [anyTyping]);

  const lastTypingSent = useRef<number | null>(null);
  const notifyTyping = useCallback(() => {
    const now = Date.now();
    if (!socket?.connected || !shouldSendTyping(lastTypingSent.current, now)) return;
    lastTypingSent.current = now;
    socket.emit('typing', { threadId });
  }, [socket, threadId]);

  const deliver = useCallback(
    (clientId: string, body: string) => {
      if (socket?.connected) {
        socket
          .timeout(ACK_TIMEOUT_MS)
          .emit('message:send', { threadId, body, clientId }, (err, ack) => {
            if (err) {
              dispatch({ type: 'failed', clientId, failure: { code: 'timeout', message: '' } });
            } else if (ack.ok) {
              dispatch({ type: 'acked', clientId, message: ack.message });
            } else {
              dispatch({
                type: 'failed',
                clientId,
                failure: {
                  code: ack.error,
                  message: ack.message,
                  ...(ack.retryAfterMs === undefined ? {} : { retryAfterMs: ack.retryAfterMs }),
                },
              });
            }
          });
        return;
      }
      // No live connection: HTTP is just as idempotent with the same clientId.
      sendMessage(api, threadId, { body, clientId }).then(
        (message) => dispatch({ type: 'acked', clientId, message }),
        (error: unknown) =>
          dispatch({ type: 'failed', clientId, failure: failureFromError(error) }),
      );
    },
    [api, dispatch, socket, threadId],
  );

  const send = useCallback(
    (body: string) => {
      const clientId = crypto.randomUUID();
      dispatch({ type: 'sending', clientId, body });
      lastTypingSent.current = null;
      deliver(clientId, body);
      return clientId;
    },
    [deliver, dispatch],
  );

  const retry = useCallback(
    (clientId: string) => {
      const pending = storeRef.current.pending.find((send) => send.clientId === clientId);
      if (!pending || pending.status === 'sending') return;
      dispatch({ type: 'retrying', clientId });
      deliver(clientId, pending.body);
    },
    [deliver, dispatch],
  );

  const discard = useCallback(
    (clientId: string) => dispatch({ type: 'discarded', clientId }),
    [dispatch],
  );

  /** A message the user changed (edit, delete) over HTTP. */
  const applyMessage = useCallback(
    (message: MessageView) => dispatch({ type: 'received', messages: [message] }),
    [dispatch],
  );

  const loadOlder = useCallback(async () => {
    const base = storeRef.current.base;
    if (base <= 0) return;
    const from = Math.max(0, base - PAGE_LIMIT);
    setOlderState({ loading: true, error: null });
    try {
      const page = await listMessages(api, threadId, { afterSeq: from, limit: base - from });
      dispatch({ type: 'olderLoaded', base: from, messages: page.items });
      setOlderState({ loading: false, error: null });
    } catch (error) {
      setOlderState({ loading: false, error });
    }
  }, [api, dispatch, threadId]);

  return {
    store,
    initialLoad,
    retryLoad,
    joinError,
    typing: typingNow,
    notifyTyping,
    liveMessage,
    send,
    retry,
    discard,
    applyMessage,
    loadOlder,
    olderState,
  };
}
