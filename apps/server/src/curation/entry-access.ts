import { EntryAccess, notFound, Standing } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { loadStanding } from '../networks/network-access';
import { EntryEntity, NetworkEntrySettingsEntity } from './curation.entities';

/**
 * Whether the viewer (`viewer`, a parameter such as `$1`) may read the published version of the
 * entry aliased `e`: the SQL form of canReadPublished, for queries with no joins of their own.
 */
export const readablePublishedEntry = (e: string, viewer: string): string => `(
  ${e}.current_version IS NOT NULL AND (
    EXISTS (SELECT 1 FROM network_memberships em WHERE em.network_id = ${e}.network_id AND em.user_id = ${viewer})
    OR (${e}.scope = 'public' AND EXISTS (
      SELECT 1 FROM network_entry_settings es WHERE es.network_id = ${e}.network_id AND es.allow_public_entries))))`;

/**
 * Whether every reader of a thread of `network` (a column or parameter) can read the published
 * version of entry `e`: it has one, and it is the network's own or effectively public. For
 * payloads sent to a whole room, and for the rule that a link never shows what its readers
 * could not open.
 */
export const publishedForNetwork = (e: string, network: string): string => `(
  ${e}.current_version IS NOT NULL AND (
    ${e}.network_id = ${network}
    OR (${e}.scope = 'public' AND EXISTS (
      SELECT 1 FROM network_entry_settings es WHERE es.network_id = ${e}.network_id AND es.allow_public_entries))))`;

export interface LoadedEntryAccess {
  entry: EntryEntity;
  access: EntryAccess;
  allowPublic: boolean;
}

/**
 * An entry with everything the curation policies need about the viewer. With `lock`, the entry
 * row is held FOR UPDATE until the surrounding transaction ends (call it inside one), so two
 * reviewers cannot both publish version 2. An unknown id answers like an unreadable one; the
 * caller asks the policy, which turns "cannot read" into the same 404.
 */
export async function loadEntryAccess(
  manager: EntityManager,
  userId: string,
  entryId: string,
  options: { lock?: boolean } = {},
): Promise<LoadedEntryAccess> {
  // TypeORM drops undefined keys from a where, which would match any entry: check first.
  if (typeof entryId !== 'string' || typeof userId !== 'string') throw notFound('Entry');
  const entry = await manager.findOne(EntryEntity, {
    where: { id: entryId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!entry) throw notFound('Entry');
  const standing = await loadStanding(manager, entry.networkId, userId);
  const allowPublic = await loadAllowPublic(manager, entry.networkId);
  return { entry, allowPublic, access: accessOf(entry, standing, allowPublic, userId) };
}

export function accessOf(
  entry: EntryEntity,
  standing: Standing,
  allowPublic: boolean,
  viewerId: string,
): EntryAccess {
  return {
    status: entry.status,
    scope: entry.scope,
    allowPublic,
    hasPublishedVersion: entry.currentVersion !== null,
    standing,
    isDrafter: entry.createdBy !== null && entry.createdBy === viewerId,
  };
}

/** The network's "public entries" setting; off until an admin turns it on. */
export async function loadAllowPublic(manager: EntityManager, networkId: string): Promise<boolean> {
  if (typeof networkId !== 'string') return false;
  const settings = await manager.findOneBy(NetworkEntrySettingsEntity, { networkId });
  return settings?.allowPublicEntries ?? false;
}
