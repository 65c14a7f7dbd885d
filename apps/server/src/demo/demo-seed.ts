import { handleFrom } from '@tandem/domain';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { MembershipEntity } from '../networks/membership.entity';
import { NetworkEntity } from '../networks/network.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';
import { DEMO_NETWORKS, DEMO_ORGANISATIONS, DEMO_USERS } from './demo-content';
import { seedDemoCuration } from './curation-seed';
import { seedDemoLibrary } from './library-seed';
import { seedDemoMentoring } from './mentoring-seed';

/** Every demo account shares this password; it is printed at start and in the README. */
export const DEMO_SIGN_IN = { email: 'demo@tandem.example', password: 'tandem-demo-2026' } as const;

/**
 * Loads the demo content into an empty database, in one transaction. A database that already
 * has accounts is left alone, so a second start (or a real deployment) never gets demo rows.
 * Returns whether anything was loaded.
 */
export async function seedDemoContent(dataSource: DataSource): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_SIGN_IN.password);
  return dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
    if ((await manager.count(UserEntity)) > 0) return false;

    const organisationIds = new Map<string, string>();
    for (const organisation of DEMO_ORGANISATIONS) {
      const { key, ...fields } = organisation;
      const saved = await manager.save(manager.create(OrganisationEntity, fields));
      organisationIds.set(key, saved.id);
    }
    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const saved = await manager.save(
        manager.create(UserEntity, {
          email: user.email,
          displayName: user.displayName,
          handle: handleFrom(user.displayName),
          passwordHash,
          organisationId: organisationIds.get(user.organisation) ?? null,
        }),
      );
      userIds.set(user.email, saved.id);
    }
    const networkIds = new Map<string, string>();
    for (const network of DEMO_NETWORKS) {
      const { members, ...fields } = network;
      const creator = members.find((m) => m.role === 'admin');
      const saved = await manager.save(
        manager.create(NetworkEntity, {
          ...fields,
          createdBy: creator ? (userIds.get(creator.email) ?? null) : null,
        }),
      );
      networkIds.set(network.slug, saved.id);
      for (const member of members) {
        const userId = userIds.get(member.email);
        if (!userId)
          throw new Error(`Demo network ${network.slug} names unknown member ${member.email}`);
        await manager.insert(MembershipEntity, { networkId: saved.id, userId, role: member.role });
      }
    }
    const ids = { organisations: organisationIds, users: userIds, networks: networkIds };
    await seedDemoLibrary(manager, ids);
    await seedDemoMentoring(manager, ids);
    await seedDemoCuration(manager, ids);
    return true;
  });
}
