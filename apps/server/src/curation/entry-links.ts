import { canReadEntry, conflict, effectiveScope, notFound } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { loadEntryAccess } from './entry-access';

/**
 * Checks that a thread of network `threadNetworkId` may cite the entry: the linker can read it,
 * it has a published version that is not archived, and every reader of the thread can read that
 * version too (the thread's own network, or an effectively public entry). So a link never shows
 * a title its readers could not open.
 */
export async function assertEntryLinkable(
  manager: EntityManager,
  userId: string,
  entryId: string,
  threadNetworkId: string,
): Promise<void> {
  const { entry, access } = await loadEntryAccess(manager, userId, entryId);
  if (!canReadEntry(access)) throw notFound('Entry');
  if (entry.currentVersion === null) {
    throw conflict('Only published entries can be linked into a discussion');
  }
  if (entry.status === 'archived') throw conflict('Archived entries cannot be linked any more');
  if (
    entry.networkId !== threadNetworkId &&
    effectiveScope(entry.scope, access.allowPublic) !== 'public'
  ) {
    throw conflict('This entry belongs to another network; only public entries can be linked here');
  }
}
