import * as argon2 from 'argon2';

/**
 * argon2id at OWASP's recommended profile (19 MiB, 2 passes, 1 lane). The library default
 * (64 MiB, 3 passes, 4 lanes) costs about five times more, and a workshop of 30 signing up at once
 * on a 2-core server then queues long enough to time requests out.
 */
const HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

/** Verifies against the parameters stored in the hash itself, so older hashes keep working. */
export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}
