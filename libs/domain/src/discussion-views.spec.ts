import { toAuthorFacts } from './discussion-views';

describe('toAuthorFacts', () => {
  it('gives the facts of an author whose account the row found', () => {
    expect(toAuthorFacts('u1', 'Amira Haddad', 'amira-haddad')).toEqual({
      userId: 'u1',
      displayName: 'Amira Haddad',
      handle: 'amira-haddad',
    });
  });

  it('gives null without an author, or when the join found no account', () => {
    expect(toAuthorFacts(null, 'Amira Haddad', 'amira-haddad')).toBeNull();
    expect(toAuthorFacts('u1', null, null)).toBeNull();
    expect(toAuthorFacts('u1', 'Amira Haddad', null)).toBeNull();
  });
});
