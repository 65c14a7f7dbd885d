import { createHash, randomBytes } from 'node:crypto';

/** Opaque secrets (refresh tokens, invitation tokens): 256 random bits, stored only as a hash. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AccessTokenClaims {
  sub: string;
  /** The refresh-token family (sign-in session) this access token belongs to. */
  sid: string;
}
