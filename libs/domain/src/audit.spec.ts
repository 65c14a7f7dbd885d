import { AUDIT_ACTIONS, readAuditLog } from './audit';
import type { Standing } from './networks';

describe('readAuditLog', () => {
  it.each<[Standing, boolean]>([
    [null, false],
    ['member', false],
    ['moderator', false],
    ['admin', true],
  ])('standing %s may read: %s', (standing, allowed) => {
    const decision = readAuditLog(standing);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.error.code).toBe('forbidden');
  });
});

describe('AUDIT_ACTIONS', () => {
  it('are unique and shaped subject.verb, as the database checks', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});
