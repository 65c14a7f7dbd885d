import { makeMessage, makeOwnMessage, THREAD_ID } from '../test-support/discussion-fixtures';
import {
  catchUpFrom,
  createMessageStore,
  hasGap,
  lastSeq,
  messageStoreReducer,
  type MessageStore,
  type MessageStoreAction,
} from './message-store';

const apply = (state: MessageStore, ...actions: MessageStoreAction[]) =>
  actions.reduce(messageStoreReducer, state);
const seqs = (state: MessageStore) => state.messages.map((message) => message.seq);

describe('the message store', () => {
  it('keeps one copy per seq when a message arrives live and again in a catch-up', () => {
    const state = apply(
      createMessageStore(0),
      { type: 'received', messages: [makeMessage(1), makeMessage(2)] },
      { type: 'received', messages: [makeMessage(3)] }, // live
      { type: 'received', messages: [makeMessage(2), makeMessage(3), makeMessage(4)] }, // missed
      { type: 'received', messages: [makeMessage(4)] }, // live, late
    );

    expect(seqs(state)).toEqual([1, 2, 3, 4]);
    expect(state.contiguous).toBe(4);
  });

  it('orders by seq whatever the order of arrival', () => {
    const state = apply(
      createMessageStore(0),
      { type: 'received', messages: [makeMessage(3)] },
      { type: 'received', messages: [makeMessage(1)] },
      { type: 'received', messages: [makeMessage(5), makeMessage(2)] },
    );

    expect(seqs(state)).toEqual([1, 2, 3, 5]);
  });

  it('knows up to where it holds everything, so a reconnect asks for the rest', () => {
    const withHole = apply(createMessageStore(0), {
      type: 'received',
      messages: [makeMessage(1), makeMessage(2), makeMessage(4)],
    });
    expect(catchUpFrom(withHole)).toBe(2);
    expect(lastSeq(withHole)).toBe(4);
    expect(hasGap(withHole)).toBe(true);

    const filled = apply(withHole, { type: 'received', messages: [makeMessage(3)] });
    expect(catchUpFrom(filled)).toBe(4);
    expect(hasGap(filled)).toBe(false);
  });

  it('merges a catch-up after a reconnect: exactly the missed messages, once, in order', () => {
    const before = apply(createMessageStore(0), {
      type: 'received',
      messages: [makeMessage(1), makeMessage(2), makeMessage(3)],
    });
    const afterSeq = catchUpFrom(before);
    // The server answers thread:join with what came after afterSeq; one of them also arrived
    // live in the moment between joining the room and reading the database.
    const missed = [makeMessage(4), makeMessage(5)].filter((m) => m.seq > afterSeq);
    const after = apply(
      before,
      { type: 'received', messages: [makeMessage(5)] },
      { type: 'received', messages: missed },
    );

    expect(afterSeq).toBe(3);
    expect(seqs(after)).toEqual([1, 2, 3, 4, 5]);
    expect(catchUpFrom(after)).toBe(5);
  });

  it('starts from a window of the latest messages and loads earlier pages on request', () => {
    const opened = apply(createMessageStore(40), {
      type: 'received',
      messages: [makeMessage(41), makeMessage(42)],
    });
    expect(opened.base).toBe(40);
    expect(catchUpFrom(opened)).toBe(42);

    const older = apply(opened, {
      type: 'olderLoaded',
      base: 38,
      messages: [makeMessage(39), makeMessage(40)],
    });
    expect(older.base).toBe(38);
    expect(seqs(older)).toEqual([39, 40, 41, 42]);
    expect(catchUpFrom(older)).toBe(42);
  });

  it('ignores an update to a message older than the loaded window', () => {
    const state = apply(
      createMessageStore(40),
      { type: 'received', messages: [makeMessage(41)] },
      { type: 'received', messages: [makeMessage(12, { edited: true })] },
    );
    expect(seqs(state)).toEqual([41]);
  });

  it('shows edits and deletions, and never lets an older copy undo them', () => {
    const edited = makeMessage(2, {
      body: 'Corrected',
      edited: true,
      editedAt: '2026-01-13T10:00:00.000Z',
    });
    const deleted = makeMessage(2, {
      body: '',
      deleted: true,
      edited: true,
      editedAt: '2026-01-13T10:00:00.000Z',
    });

    const afterEdit = apply(
      createMessageStore(0),
      { type: 'received', messages: [makeMessage(1), makeMessage(2)] },
      { type: 'received', messages: [edited] },
      { type: 'received', messages: [makeMessage(2)] }, // a stale copy from an earlier page
    );
    expect(afterEdit.messages[1]).toMatchObject({ body: 'Corrected', edited: true });

    const afterDelete = apply(
      afterEdit,
      { type: 'received', messages: [deleted] },
      { type: 'received', messages: [edited] },
    );
    expect(afterDelete.messages[1]).toMatchObject({ body: '', deleted: true });
  });

  it('shows an optimistic send as pending until the ack replaces it with the stored message', () => {
    const sending = apply(
      createMessageStore(0),
      { type: 'received', messages: [makeMessage(1)] },
      { type: 'sending', clientId: 'client-a', body: 'Hello from Ghent' },
    );
    expect(sending.pending).toEqual([
      { clientId: 'client-a', body: 'Hello from Ghent', status: 'sending', failure: null },
    ]);
    expect(seqs(sending)).toEqual([1]);

    const acked = apply(sending, {
      type: 'acked',
      clientId: 'client-a',
      message: makeOwnMessage(2, 'client-a', { body: 'Hello from Ghent' }),
    });
    expect(acked.pending).toEqual([]);
    expect(seqs(acked)).toEqual([1, 2]);
    expect(acked.messages[1]).toMatchObject({ isMine: true, body: 'Hello from Ghent' });
  });

  it('confirms a pending send by clientId when the message event beats the ack', () => {
    const own = makeOwnMessage(2, 'client-a');
    const state = apply(
      createMessageStore(0),
      { type: 'sending', clientId: 'client-a', body: own.body },
      { type: 'sending', clientId: 'client-b', body: 'Second' },
      { type: 'received', messages: [own] }, // message:new to the author's user room
    );
    expect(state.pending.map((send) => send.clientId)).toEqual(['client-b']);

    const acked = apply(state, { type: 'acked', clientId: 'client-a', message: own });
    expect(seqs(acked)).toEqual([2]);
    expect(acked.pending.map((send) => send.clientId)).toEqual(['client-b']);
  });

  it('keeps the author’s own view of a message when a reader-neutral copy arrives', () => {
    const state = apply(
      createMessageStore(0),
      { type: 'acked', clientId: 'client-a', message: makeOwnMessage(1, 'client-a') },
      {
        type: 'received',
        messages: [makeOwnMessage(1, 'client-a', { isMine: false, clientId: null })],
      },
    );
    expect(state.messages[0]).toMatchObject({ isMine: true, clientId: 'client-a' });
  });

  it('marks a refused send failed and retries it with the same clientId', () => {
    const failed = apply(
      createMessageStore(0),
      { type: 'sending', clientId: 'client-a', body: 'Too fast' },
      {
        type: 'failed',
        clientId: 'client-a',
        failure: { code: 'rate_limited', message: 'Slow down', retryAfterMs: 3000 },
      },
    );
    expect(failed.pending[0]).toMatchObject({
      status: 'failed',
      failure: { code: 'rate_limited', retryAfterMs: 3000 },
    });

    const retrying = apply(failed, { type: 'retrying', clientId: 'client-a' });
    expect(retrying.pending[0]).toMatchObject({
      clientId: 'client-a',
      status: 'sending',
      failure: null,
    });

    // The retry reached a server that had stored the first attempt: same message, no copy.
    const own = makeOwnMessage(1, 'client-a', { body: 'Too fast', threadId: THREAD_ID });
    const done = apply(
      retrying,
      { type: 'received', messages: [own] },
      { type: 'acked', clientId: 'client-a', message: own },
    );
    expect(done.pending).toEqual([]);
    expect(seqs(done)).toEqual([1]);
  });

  it('discards a failed send on request', () => {
    const state = apply(
      createMessageStore(0),
      { type: 'sending', clientId: 'client-a', body: 'Never mind' },
      { type: 'failed', clientId: 'client-a', failure: { code: 'unavailable', message: '' } },
      { type: 'discarded', clientId: 'client-a' },
    );
    expect(state.pending).toEqual([]);
  });

  it('returns the same state when nothing changes, so React skips the render', () => {
    const state = apply(createMessageStore(0), {
      type: 'received',
      messages: [makeMessage(1)],
    });
    expect(messageStoreReducer(state, { type: 'received', messages: [makeMessage(1)] })).toBe(
      state,
    );
    expect(messageStoreReducer(state, { type: 'received', messages: [] })).toBe(state);
  });
});
