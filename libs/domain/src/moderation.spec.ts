import type { ErrorCode } from './errors';
import {
  checkSlowMode,
  flagMessage,
  flagReasonProblem,
  FLAG_REASONS,
  isSuspended,
  moderateMessage,
  participate,
  readModerationQueue,
  setSlowMode,
  slowModeApplies,
  slowModeWaitMs,
  suspendableBy,
  suspendMember,
  suspensionEnd,
  SUSPENSION_MAX_DAYS,
  type FlagAccess,
  type ModerationAccess,
  type SuspensionChange,
} from './moderation';
import type { Decision, Standing } from './networks';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const STANDINGS: Standing[] = [null, 'member', 'moderator', 'admin'];

function refusal(decision: Decision): { code: ErrorCode; message: string; details?: unknown } {
  if (decision.allowed) throw new Error('expected a refusal');
  return {
    code: decision.error.code,
    message: decision.error.message,
    details: decision.error.details,
  };
}

describe('suspension in time', () => {
  it('holds strictly before its end and not after', () => {
    expect(isSuspended(later(1), NOW)).toBe(true);
    expect(isSuspended(NOW, NOW)).toBe(false);
    expect(isSuspended(later(-1), NOW)).toBe(false);
    expect(isSuspended(null, NOW)).toBe(false);
    expect(isSuspended(new Date('nonsense'), NOW)).toBe(false);
  });

  it('refuses participation with a 403 that names the end', () => {
    const until = later(3_600_000);
    const error = refusal(participate({ suspendedUntil: until }, NOW));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain(until.toISOString());
    expect(error.details).toEqual({ suspendedUntil: until.toISOString() });
    expect(participate({ suspendedUntil: later(-1) }, NOW).allowed).toBe(true);
    expect(participate({ suspendedUntil: null }, NOW).allowed).toBe(true);
  });
});

describe('suspendMember', () => {
  const change = (overrides: Partial<SuspensionChange>): SuspensionChange => ({
    actor: 'moderator',
    target: 'member',
    self: false,
    actorSuspendedUntil: null,
    now: NOW,
    ...overrides,
  });

  it.each<[Standing, Standing, boolean]>([
    ['member', 'member', false],
    ['moderator', 'member', true],
    ['moderator', 'moderator', false],
    ['moderator', 'admin', false],
    ['admin', 'member', true],
    ['admin', 'moderator', true],
    ['admin', 'admin', false],
  ])('%s suspending a %s: %s', (actor, target, allowed) => {
    const decision = suspendMember(change({ actor, target }));
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.error.code).toBe('forbidden');
  });

  it('refuses suspending yourself, a non-member (404), and acting while suspended', () => {
    expect(refusal(suspendMember(change({ actor: 'admin', self: true }))).message).toMatch(
      /yourself/,
    );
    expect(refusal(suspendMember(change({ target: null }))).code).toBe('not_found');
    const suspended = refusal(suspendMember(change({ actorSuspendedUntil: later(1000) })));
    expect(suspended.code).toBe('forbidden');
    expect(suspended.message).toMatch(/suspended/);
    expect(suspendMember(change({ actorSuspendedUntil: later(-1000) })).allowed).toBe(true);
  });

  it('tells the web which roles each role may suspend, matching the policy', () => {
    for (const actor of ['member', 'moderator', 'admin'] as const) {
      for (const target of ['member', 'moderator', 'admin'] as const) {
        expect(suspendableBy(actor).includes(target)).toBe(
          suspendMember(change({ actor, target })).allowed,
        );
      }
    }
  });
});

describe('suspensionEnd', () => {
  const problem = (run: () => unknown): { field: string; problems: string[] }[] => {
    try {
      run();
    } catch (error) {
      expect((error as { code: string }).code).toBe('bad_request');
      return (error as { details: { field: string; problems: string[] }[] }).details;
    }
    throw new Error('accepted');
  };

  it('takes days or an end in the future, within a year', () => {
    expect(suspensionEnd({ days: 7 }, NOW)).toEqual(later(7 * 86_400_000));
    const until = later(90_000).toISOString();
    expect(suspensionEnd({ until }, NOW).toISOString()).toBe(until);
    expect(suspensionEnd({ days: SUSPENSION_MAX_DAYS }, NOW)).toEqual(
      later(SUSPENSION_MAX_DAYS * 86_400_000),
    );
  });

  it.each([
    [{}, 'until'],
    [{ days: 1, until: later(1000).toISOString() }, 'until'],
    [{ days: 0 }, 'days'],
    [{ days: 1.5 }, 'days'],
    [{ days: SUSPENSION_MAX_DAYS + 1 }, 'days'],
    [{ until: 'tomorrow' }, 'until'],
    [{ until: NOW.toISOString() }, 'until'],
    [{ until: later(-5000).toISOString() }, 'until'],
    [{ until: later((SUSPENSION_MAX_DAYS + 1) * 86_400_000).toISOString() }, 'until'],
  ])('refuses %j, naming %s', (period, field) => {
    expect(problem(() => suspensionEnd(period, NOW)).map((p) => p.field)).toEqual([field]);
  });
});

describe('flagMessage', () => {
  const access = (overrides: Partial<FlagAccess>): FlagAccess => ({
    readable: true,
    isAuthor: false,
    deleted: false,
    hidden: false,
    suspendedUntil: null,
    now: NOW,
    ...overrides,
  });

  it('lets any reader flag someone else’s message', () => {
    expect(flagMessage(access({})).allowed).toBe(true);
  });

  it('answers 404 to someone who cannot read it, whatever else holds', () => {
    for (const isAuthor of [true, false]) {
      expect(refusal(flagMessage(access({ readable: false, isAuthor }))).code).toBe('not_found');
    }
  });

  it('refuses one’s own message (403), deleted or hidden ones (409), and suspended flaggers', () => {
    expect(refusal(flagMessage(access({ isAuthor: true }))).code).toBe('forbidden');
    expect(refusal(flagMessage(access({ deleted: true }))).code).toBe('conflict');
    expect(refusal(flagMessage(access({ hidden: true }))).code).toBe('conflict');
    expect(refusal(flagMessage(access({ suspendedUntil: later(5) }))).code).toBe('forbidden');
  });

  it('needs a note with reason other, and only then', () => {
    for (const reason of FLAG_REASONS) {
      expect(flagReasonProblem(reason, 'why')).toBeNull();
      expect(flagReasonProblem(reason, undefined) === null).toBe(reason !== 'other');
    }
    expect(flagReasonProblem('other', '   ')).not.toBeNull();
  });
});

describe('the moderation queue and moderating a message', () => {
  it.each<[Standing, boolean]>([
    [null, false],
    ['member', false],
    ['moderator', true],
    ['admin', true],
  ])('standing %s reads the queue: %s', (standing, allowed) => {
    expect(readModerationQueue(standing).allowed).toBe(allowed);
  });

  const access = (overrides: Partial<ModerationAccess>): ModerationAccess => ({
    standing: 'moderator',
    readable: true,
    flagged: false,
    suspendedUntil: null,
    now: NOW,
    ...overrides,
  });

  it('lets moderators and admins act on what they read', () => {
    expect(moderateMessage(access({})).allowed).toBe(true);
    expect(moderateMessage(access({ standing: 'admin' })).allowed).toBe(true);
  });

  it('reaches a private channel the moderator is not on only through a flag', () => {
    expect(refusal(moderateMessage(access({ readable: false }))).code).toBe('not_found');
    expect(moderateMessage(access({ readable: false, flagged: true })).allowed).toBe(true);
  });

  it('answers members 403 where they read and 404 where they do not; outsiders 404', () => {
    expect(refusal(moderateMessage(access({ standing: 'member' }))).code).toBe('forbidden');
    expect(
      refusal(moderateMessage(access({ standing: 'member', readable: false, flagged: true }))).code,
    ).toBe('not_found');
    expect(refusal(moderateMessage(access({ standing: null, flagged: true }))).code).toBe(
      'not_found',
    );
  });

  it('refuses a suspended moderator', () => {
    expect(refusal(moderateMessage(access({ suspendedUntil: later(60_000) }))).code).toBe(
      'forbidden',
    );
  });
});

describe('slow mode', () => {
  it('applies to members only, and only when on', () => {
    for (const standing of STANDINGS) {
      expect(slowModeApplies(0, standing)).toBe(false);
      expect(slowModeApplies(30, standing)).toBe(standing === null || standing === 'member');
    }
  });

  it('makes a member wait the rest of the interval since their last post', () => {
    const check = { seconds: 30, standing: 'member' as Standing, now: NOW };
    expect(slowModeWaitMs({ ...check, lastPostedAt: null })).toBe(0);
    expect(slowModeWaitMs({ ...check, lastPostedAt: later(-10_000) })).toBe(20_000);
    expect(slowModeWaitMs({ ...check, lastPostedAt: later(-30_000) })).toBe(0);
    expect(slowModeWaitMs({ ...check, lastPostedAt: later(-45_000) })).toBe(0);
    // A clock that ran backwards never means waiting longer than the interval.
    expect(slowModeWaitMs({ ...check, lastPostedAt: later(60_000) })).toBe(30_000);
  });

  it('refuses with a 429 carrying whole seconds for Retry-After', () => {
    const decision = checkSlowMode({
      seconds: 60,
      standing: 'member',
      lastPostedAt: later(-59_500),
      now: NOW,
    });
    const error = refusal(decision);
    expect(error.code).toBe('rate_limited');
    expect(error.details).toMatchObject({ retryAfterSeconds: 1 });
    expect(
      checkSlowMode({ seconds: 60, standing: 'moderator', lastPostedAt: NOW, now: NOW }).allowed,
    ).toBe(true);
  });

  it('is set by moderators and admins, listed or not; members 403, unreadable 404', () => {
    const base = { readable: false, suspendedUntil: null, now: NOW };
    expect(setSlowMode({ ...base, standing: 'moderator' }).allowed).toBe(true);
    expect(setSlowMode({ ...base, standing: 'admin' }).allowed).toBe(true);
    expect(refusal(setSlowMode({ ...base, standing: 'member' })).code).toBe('not_found');
    expect(refusal(setSlowMode({ ...base, standing: 'member', readable: true })).code).toBe(
      'forbidden',
    );
    expect(refusal(setSlowMode({ ...base, standing: null })).code).toBe('not_found');
    expect(
      refusal(setSlowMode({ ...base, standing: 'admin', suspendedUntil: later(1) })).code,
    ).toBe('forbidden');
  });
});
