import type { EntityManager } from 'typeorm';

/** What erasing an account did that others must hear about once it has committed. */
export interface ErasureEffects {
  /** Sign-in sessions ended: their open sockets are told and closed. */
  sessionIds: Set<string>;
  /** Networks the account left: its sockets leave their rooms. */
  networkIds: Set<string>;
}

/**
 * One module's share of a member's personal data: what the download holds of it, and what
 * deleting the account does to it. A feature with personal data of its own (mentoring profiles,
 * say) implements a part in its own folder (`<feature>.personal-data.ts`) and lists it in
 * `account/personal-data.parts.ts`; nothing else changes. It lives here, below every feature,
 * so that a feature can implement it without importing the account feature above it.
 */
export interface PersonalDataPart {
  /** The key of this part in the download's `parts`. */
  name: string;
  /**
   * The member's own data only: nothing another person wrote or is (no other person's email,
   * no other post in a Chatham House thread). Runs inside one read-only snapshot with the others.
   */
  export(manager: EntityManager, userId: string): Promise<unknown>;
  /**
   * Removes or anonymises this part. Runs inside the deletion's transaction, with the user row
   * locked, in reverse list order (the profile, which other parts may still read, goes last).
   */
  erase(manager: EntityManager, userId: string, effects: ErasureEffects): Promise<void>;
}

/** ISO strings for dates, so the download reads the same in every tool. */
export function iso(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}

/** A row's keys in camelCase and its dates as ISO strings, as the download shows them. */
export function camelCaseRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()),
      value instanceof Date ? iso(value) : value,
    ]),
  );
}
