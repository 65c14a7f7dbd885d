import { anonymisedEmail, anonymisedHandle, deleteAccount } from './account';

describe('deleting an account', () => {
  it('is refused to the last admin of a network, naming it', () => {
    const decision = deleteAccount({ lastAdminOf: [{ slug: 'a-b', name: 'Alpha' }] });
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.error.code).toBe('conflict');
    expect(decision.error.message).toContain('Alpha');
    expect(deleteAccount({ lastAdminOf: [] }).allowed).toBe(true);
  });

  it('leaves an email and a handle the schema accepts and nobody owns', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(anonymisedEmail(id)).toBe(`deleted-${id}@deleted.invalid`);
    expect(anonymisedHandle(id)).toMatch(/^[a-z0-9][a-z0-9_-]{1,30}$/);
  });
});
