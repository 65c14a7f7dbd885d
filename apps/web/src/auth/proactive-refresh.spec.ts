import { proactiveRefreshDelay, REFRESH_LEAD_MS } from './proactive-refresh';

const NOW = Date.parse('2026-03-01T10:00:00.000Z');
const at = (msFromNow: number) => new Date(NOW + msFromNow).toISOString();

describe('proactiveRefreshDelay', () => {
  it('refreshes a minute before a long-lived token expires', () => {
    expect(proactiveRefreshDelay(at(15 * 60_000), NOW)).toBe(15 * 60_000 - REFRESH_LEAD_MS);
  });

  it('waits half the remaining lifetime of a short-lived token, so it never loops', () => {
    expect(proactiveRefreshDelay(at(30_000), NOW)).toBe(15_000);
  });

  it('refreshes at once when the token has expired or the date is unreadable', () => {
    expect(proactiveRefreshDelay(at(-1_000), NOW)).toBe(0);
    expect(proactiveRefreshDelay('not a date', NOW)).toBe(0);
  });

  it('stays within what setTimeout can wait', () => {
    expect(proactiveRefreshDelay(at(90 * 24 * 3_600_000), NOW)).toBe(2 ** 31 - 1);
  });
});
