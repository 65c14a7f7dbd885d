import { Injectable } from '@nestjs/common';
import type { Level, Page, Sector } from '@tandem/domain';
import { DataSource, Repository } from 'typeorm';
import { decodeCursor, encodeCursor, pageSize, PageQuery } from '../platform/http/pagination';
import { OrganisationEntity } from './organisation.entity';

/** `%` and `_` in a search box are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The shared directory of organisations. */
@Injectable()
export class OrganisationsRepository {
  private readonly organisations: Repository<OrganisationEntity>;

  constructor(dataSource: DataSource) {
    this.organisations = dataSource.getRepository(OrganisationEntity);
  }

  /** An organisation of the same name (in any case) in the same country, if there is one. */
  findSameName(name: string, country: string): Promise<OrganisationEntity | null> {
    return this.organisations
      .createQueryBuilder('o')
      .where('lower(o.name) = lower(:name) AND o.country = :country', { name, country })
      .getOne();
  }

  async insert(fields: {
    name: string;
    sector: Sector;
    level: Level;
    country: string;
    city: string | null;
    createdBy: string;
  }): Promise<string> {
    const { identifiers } = await this.organisations.insert(fields);
    return identifiers[0].id as string;
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOneBy({ id });
  }

  exists(id: string): Promise<boolean> {
    return this.organisations.existsBy({ id });
  }

  /** By name, then id; `q` matches the name or the city anywhere. */
  async search(query: PageQuery & { q?: string }): Promise<Page<OrganisationEntity>> {
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const builder = this.organisations
      .createQueryBuilder('o')
      .orderBy('lower(o.name)', 'ASC')
      .addOrderBy('o.id', 'ASC');
    if (query.q) {
      builder.andWhere(`(o.name ILIKE :q ESCAPE '\\' OR o.city ILIKE :q ESCAPE '\\')`, {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    if (after)
      builder.andWhere('(lower(o.name), o.id) > (:name, :id)', { name: after[0], id: after[1] });
    const rows = await builder.take(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null,
    };
  }
}
