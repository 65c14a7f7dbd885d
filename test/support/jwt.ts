import { createHmac } from 'node:crypto';

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Builds tokens by hand so tests can forge what an attacker would: other algorithms, no signature. */
export function forgeJwt(
  payload: Record<string, unknown>,
  options: { secret?: string; alg?: 'HS256' | 'HS512' | 'none' } = {},
): string {
  const alg = options.alg ?? 'HS256';
  const unsigned = `${part({ alg, typ: 'JWT' })}.${part(payload)}`;
  if (alg === 'none') return `${unsigned}.`;
  const hmac = createHmac(alg === 'HS256' ? 'sha256' : 'sha512', options.secret ?? '');
  return `${unsigned}.${hmac.update(unsigned).digest('base64url')}`;
}
