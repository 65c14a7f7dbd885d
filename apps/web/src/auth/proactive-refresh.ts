/** Refresh this long before the access token expires, when its lifetime allows. */
export const REFRESH_LEAD_MS = 60_000;

/** setTimeout cannot wait longer than this (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * How long to wait before refreshing an access token that expires at `expiresAt`: a minute
 * before expiry, or halfway through the remaining lifetime when less than two minutes remain,
 * so that a server issuing very short tokens never sends the client into a refresh loop.
 * Zero when the token has already expired.
 */
export function proactiveRefreshDelay(expiresAt: string, now: number): number {
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry)) return 0;
  const remaining = expiry - now;
  if (remaining <= 0) return 0;
  return Math.min(MAX_TIMER_MS, Math.max(remaining - REFRESH_LEAD_MS, remaining / 2));
}
