import { canSeeNetwork, enforce, notFound, participate, Standing } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { NetworkEntity } from './network.entity';

export interface LoadedNetworkAccess {
  network: NetworkEntity;
  standing: Standing;
}

/**
 * A network by slug with the caller's standing in it, for any feature's service. A network the
 * caller may not see answers exactly like a missing one. With `lock`, the network row is held
 * FOR UPDATE until the surrounding transaction ends (call it inside one), which serialises
 * changes that must see a consistent membership, such as the last-admin rule.
 */
export async function loadNetworkAccess(
  manager: EntityManager,
  userId: string,
  slug: string,
  options: { lock?: boolean } = {},
): Promise<LoadedNetworkAccess> {
  // TypeORM drops undefined keys from a where, which would match any network: check first.
  if (typeof slug !== 'string' || typeof userId !== 'string') throw notFound('Network');
  const network = await manager.findOne(NetworkEntity, {
    where: { slug },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!network) throw notFound('Network');
  const standing = await loadStanding(manager, network.id, userId);
  if (!canSeeNetwork(network.visibility, standing)) throw notFound('Network');
  return { network, standing };
}

/** The user's role in the network, or null when they are not a member. */
export async function loadStanding(
  manager: EntityManager,
  networkId: string,
  userId: string,
): Promise<Standing> {
  if (typeof networkId !== 'string' || typeof userId !== 'string') return null;
  const membership = await manager.findOneBy(MembershipEntity, { networkId, userId });
  return membership?.role ?? null;
}

/**
 * Refuses a member suspended from the network (403 naming when it ends) and lets everyone else
 * through. Every write in a network asks this, after the read check that answers 404 for what
 * the caller cannot see; the channel access query carries the same facts for discussions.
 */
export async function enforceNotSuspended(
  manager: EntityManager,
  networkId: string,
  userId: string,
): Promise<void> {
  if (typeof networkId !== 'string' || typeof userId !== 'string') return;
  const rows: { ends_at: Date }[] = await manager.query(
    `SELECT ends_at FROM network_suspensions
      WHERE network_id = $1 AND user_id = $2 AND lifted_at IS NULL AND ends_at > now()
      ORDER BY ends_at DESC LIMIT 1`,
    [networkId, userId],
  );
  enforce(participate({ suspendedUntil: rows[0]?.ends_at ?? null }, new Date()));
}
