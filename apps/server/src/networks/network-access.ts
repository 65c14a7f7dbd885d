import { canSeeNetwork, notFound, Standing } from '@tandem/domain';
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
