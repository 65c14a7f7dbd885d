import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { PairingSessionEntity } from './mentoring.entities';

/** What a pairing's goals and sessions have in common: rows of their own under one pairing. */
export interface PairingWorkRow {
  id: string;
  pairingId: string;
}

/**
 * The rows a pair records as they work: goals and sessions, one table each but handled alike.
 * Writes run inside the transaction that holds the pairing's lock (`manager`).
 */
@Injectable()
export class PairingWorkRepository {
  constructor(private readonly dataSource: DataSource) {}

  count<Item extends PairingWorkRow>(
    manager: EntityManager,
    entity: EntityTarget<Item>,
    pairingId: string,
  ): Promise<number> {
    return manager.countBy(entity, { pairingId } as FindOptionsWhere<Item>);
  }

  /** One item of the pairing; null when it is missing or belongs to another pairing. */
  find<Item extends PairingWorkRow>(
    manager: EntityManager,
    entity: EntityTarget<Item>,
    pairingId: string,
    itemId: string,
  ): Promise<Item | null> {
    return manager.findOneBy(entity, { id: itemId, pairingId } as FindOptionsWhere<Item>);
  }

  /** Inserts an item and returns its id. */
  async insert<Item extends PairingWorkRow>(
    manager: EntityManager,
    entity: EntityTarget<Item>,
    values: Partial<Item>,
  ): Promise<string> {
    const result = await manager.insert(entity, values as QueryDeepPartialEntity<Item>);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update<Item extends PairingWorkRow>(
    manager: EntityManager,
    entity: EntityTarget<Item>,
    pairingId: string,
    itemId: string,
    changes: Partial<Item>,
  ): Promise<void> {
    await manager.update(
      entity,
      { id: itemId, pairingId },
      changes as QueryDeepPartialEntity<Item>,
    );
  }

  /** A session as it is now committed, with the timestamps the database gave it. */
  session(sessionId: string): Promise<PairingSessionEntity> {
    return this.dataSource.manager.findOneByOrFail(PairingSessionEntity, { id: sessionId });
  }

  /** Sessions by start, oldest first, after the cursor `(startsAt, id)`, one more than `limit`. */
  async sessionPage(
    pairingId: string,
    after: (string | number)[] | null,
    limit: number,
  ): Promise<PairingSessionEntity[]> {
    const builder = this.dataSource.manager
      .createQueryBuilder(PairingSessionEntity, 's')
      .where('s.pairing_id = :pairingId', { pairingId })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(limit + 1);
    if (after) {
      builder.andWhere('(s.starts_at, s.id) > (:at::timestamptz, :id::uuid)', {
        at: String(after[0]),
        id: String(after[1]),
      });
    }
    return builder.getMany();
  }
}
