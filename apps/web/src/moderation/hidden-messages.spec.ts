import { createMessageStore, messageStoreReducer } from '../discussions/message-store';
import { makeMessage } from '../test-support/discussion-fixtures';

const receive = (
  store: ReturnType<typeof createMessageStore>,
  ...messages: ReturnType<typeof makeMessage>[]
) => messageStoreReducer(store, { type: 'received', messages });

describe('hiding in the client’s copy of a thread', () => {
  it('applies hides and unhides in change-stamp order, whatever order they arrive in', () => {
    let store = receive(createMessageStore(), makeMessage(1));
    const hidden = makeMessage(1, { hidden: true, body: '', changeSeq: 1 });
    const unhidden = makeMessage(1, { hidden: false, changeSeq: 2 });
    store = receive(store, hidden);
    expect(store.messages[0]).toMatchObject({ hidden: true, body: '' });
    store = receive(store, unhidden);
    expect(store.messages[0]).toMatchObject({ hidden: false, body: 'Message number 1' });
    // A late copy of the hide (a catch-up that overlapped the live event) changes nothing.
    expect(receive(store, hidden)).toBe(store);
  });

  it('keeps a moderator’s text when the room’s copy of the same hide arrives after it', () => {
    const own = makeMessage(1, { hidden: true, changeSeq: 3 });
    const room = makeMessage(1, { hidden: true, body: '', changeSeq: 3 });
    const store = receive(receive(createMessageStore(), makeMessage(1)), own, room);
    expect(store.messages[0]).toMatchObject({ hidden: true, body: 'Message number 1' });
  });

  it('never brings a deleted message back', () => {
    const deleted = makeMessage(1, { deleted: true, body: '', changeSeq: 2 });
    const store = receive(createMessageStore(), deleted);
    expect(receive(store, makeMessage(1, { hidden: false, changeSeq: 5 }))).toBe(store);
  });
});
