import { Injectable } from '@nestjs/common';
import type { FineLabelCode, NetworkComposition } from '@tandem/domain';
import type { EntityManager } from 'typeorm';

/**
 * A network's composition as SQL: a JSON object from fine label code to the number of members
 * who carry it (`{"government.local": 4, "independent": 2}`). `networkExpr` is the SQL that
 * yields the network's id in the surrounding query (a column or a parameter).
 */
export const networkCompositionSql = (networkExpr: string): string => `
  (SELECT COALESCE(jsonb_object_agg(code, members), '{}'::jsonb)
     FROM (SELECT CASE WHEN co.id IS NULL THEN 'independent' ELSE co.sector || '.' || co.level END AS code,
                  count(*)::int AS members
             FROM network_memberships cnm
             JOIN users cu ON cu.id = cnm.user_id
             LEFT JOIN organisations co ON co.id = cu.organisation_id
            WHERE cnm.network_id = ${networkExpr}
            GROUP BY 1) composition)`;

/** Reads a composition as `networkCompositionSql` returns it (pg parses jsonb for us). */
export function toComposition(value: unknown): NetworkComposition {
  if (!value || typeof value !== 'object') return {};
  const composition: NetworkComposition = {};
  for (const [code, members] of Object.entries(value as Record<string, unknown>)) {
    if (typeof members === 'number') composition[code as FineLabelCode] = members;
  }
  return composition;
}

/** A network's Chatham House facts: who is in it (by label) and its own group size. */
@Injectable()
export class ChathamRepository {
  async composition(manager: EntityManager, networkId: string): Promise<NetworkComposition> {
    const rows: { composition: unknown }[] = await manager.query(
      `SELECT ${networkCompositionSql('$1')} AS composition`,
      [networkId],
    );
    return toComposition(rows[0]?.composition);
  }

  async networkMinGroup(manager: EntityManager, networkId: string): Promise<number | null> {
    const rows: { chatham_min_group: number | null }[] = await manager.query(
      `SELECT chatham_min_group FROM networks WHERE id = $1`,
      [networkId],
    );
    return rows[0]?.chatham_min_group ?? null;
  }

  async setNetworkMinGroup(
    manager: EntityManager,
    networkId: string,
    minGroup: number | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE networks SET chatham_min_group = $2, updated_at = now() WHERE id = $1`,
      [networkId, minGroup],
    );
  }

  /** The author's fine label: their organisation's type, or `independent`. */
  async fineLabelOf(manager: EntityManager, userId: string): Promise<FineLabelCode> {
    const rows: { code: FineLabelCode }[] = await manager.query(
      `SELECT CASE WHEN o.id IS NULL THEN 'independent' ELSE o.sector || '.' || o.level END AS code
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = $1`,
      [userId],
    );
    return rows[0]?.code ?? 'independent';
  }
}
