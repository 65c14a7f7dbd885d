import {
  accountTokenTtlMs,
  changeEmail,
  changePassword,
  initialLocale,
  normaliseReadingLanguages,
  storedUserAgent,
  useAccountToken,
} from './account-settings';

describe('the locale a new account starts with', () => {
  it('is the one the sign-up asked for, when the UI has it', () => {
    expect(initialLocale('uk', 'fr-FR')).toBe('uk');
    expect(initialLocale('xx', 'fr-FR')).toBe('fr');
  });

  it('else the best-weighted supported language of Accept-Language', () => {
    expect(initialLocale(undefined, 'ja, de;q=0.5, pt-BR;q=0.8')).toBe('pt');
    expect(initialLocale(null, 'en-GB,en;q=0.9')).toBe('en');
    expect(initialLocale(null, 'ar;q=0, el;q=0.2')).toBe('el');
  });

  it('else English, whatever the header holds', () => {
    expect(initialLocale(null, null)).toBe('en');
    expect(initialLocale(null, 'ja, zh;q=abc, ;;;')).toBe('en');
    expect(initialLocale(null, 'x'.repeat(10_000))).toBe('en');
  });
});

describe('single-use account tokens', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  it('work once, before they expire', () => {
    expect(useAccountToken({ usedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toEqual({
      allowed: true,
    });
    for (const token of [
      null,
      { usedAt: now, expiresAt: new Date(now.getTime() + 1000) },
      { usedAt: null, expiresAt: now },
    ]) {
      const decision = useAccountToken(token, now);
      expect(decision.allowed).toBe(false);
      if (decision.allowed) continue;
      expect(decision.error.code).toBe('bad_request');
      expect(decision.error.details).toEqual([{ field: 'token', problems: [expect.any(String)] }]);
    }
  });

  it('live 60 minutes for a reset and 48 hours for a verification', () => {
    expect(accountTokenTtlMs('password_reset')).toBe(3_600_000);
    expect(accountTokenTtlMs('verify_email')).toBe(48 * 3_600_000);
  });
});

describe('changing the email address or the password', () => {
  it('refuses the same address (400) and a taken one (409)', () => {
    const same = changeEmail({ current: 'a@x.org', next: 'a@x.org', taken: true });
    expect(same.allowed || same.error.code).toBe('bad_request');
    const taken = changeEmail({ current: 'a@x.org', next: 'b@x.org', taken: true });
    expect(taken.allowed || taken.error.code).toBe('conflict');
    expect(changeEmail({ current: 'a@x.org', next: 'b@x.org', taken: false }).allowed).toBe(true);
  });

  it('refuses a new password equal to the current one, naming newPassword', () => {
    const decision = changePassword({ sameAsCurrent: true });
    expect(decision.allowed || decision.error.details).toEqual([
      { field: 'newPassword', problems: [expect.any(String)] },
    ]);
    expect(changePassword({ sameAsCurrent: false }).allowed).toBe(true);
  });
});

it('keeps each reading language once, in lower case', () => {
  expect(normaliseReadingLanguages(['FR', 'en', 'fr', ' de '])).toEqual(['fr', 'en', 'de']);
});

it('keeps a User-Agent printable, trimmed and at most 512 characters', () => {
  expect(storedUserAgent('  Firefox/130.0\n')).toBe('Firefox/130.0');
  expect(storedUserAgent('x'.repeat(600))).toHaveLength(512);
  expect(storedUserAgent('\u0000\u0007')).toBeNull();
  expect(storedUserAgent(undefined)).toBeNull();
});
