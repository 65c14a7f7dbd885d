export const HOME_PATH = '/networks';

/**
 * The in-app path to return to after signing in. Only same-origin paths are accepted, so a
 * crafted link cannot send someone to another site after they have typed their password.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
    return HOME_PATH;
  }
  return raw;
}

export function signInPath(next: string): string {
  return next === HOME_PATH || next === '/'
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(next)}`;
}

export function signUpPath(next: string): string {
  return next === HOME_PATH ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`;
}
