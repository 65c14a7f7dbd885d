import { decideQuoteConsent, initialQuoteConsent, publishWithQuotes } from './quote-consent';

describe('initialQuoteConsent', () => {
  it('asks by default and applies a standing choice', () => {
    expect(initialQuoteConsent({ authorId: 'a', curatorId: 'c', choice: 'ask' })).toEqual({
      state: 'pending',
      decidedBy: null,
    });
    expect(initialQuoteConsent({ authorId: 'a', curatorId: 'c', choice: 'always' })).toEqual({
      state: 'granted',
      decidedBy: 'setting',
    });
    expect(initialQuoteConsent({ authorId: 'a', curatorId: 'c', choice: 'never' })).toEqual({
      state: 'refused',
      decidedBy: 'setting',
    });
  });

  it('takes a curator quoting themselves as consent, and cannot ask a deleted account', () => {
    expect(initialQuoteConsent({ authorId: 'c', curatorId: 'c', choice: 'never' }).state).toBe(
      'granted',
    );
    expect(initialQuoteConsent({ authorId: null, curatorId: 'c', choice: 'always' }).state).toBe(
      'pending',
    );
  });
});

describe('publishWithQuotes', () => {
  it('publishes when every quote is answered, refusing while one waits', () => {
    expect(publishWithQuotes([]).allowed).toBe(true);
    expect(
      publishWithQuotes([
        { messageId: 'm1', state: 'granted' },
        { messageId: 'm2', state: 'refused' },
      ]).allowed,
    ).toBe(true);
    const waiting = publishWithQuotes([
      { messageId: 'm1', state: 'granted' },
      { messageId: 'm2', state: 'pending' },
    ]);
    expect(waiting.allowed).toBe(false);
    if (waiting.allowed) return;
    expect(waiting.error.code).toBe('conflict');
    expect(JSON.stringify(waiting.error.details)).toContain('m2');
    expect(JSON.stringify(waiting.error.details)).not.toContain('m1');
  });
});

describe('decideQuoteConsent', () => {
  it('lets only the author answer; anyone else is told it does not exist', () => {
    expect(decideQuoteConsent({ isAuthor: true }).allowed).toBe(true);
    const other = decideQuoteConsent({ isAuthor: false });
    expect(other.allowed).toBe(false);
    if (!other.allowed) expect(other.error.code).toBe('not_found');
  });
});
