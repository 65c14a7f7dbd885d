import { Injectable } from '@nestjs/common';
import { conflict, notFound, OrganisationView, Page, UserView } from '@tandem/domain';
import { DataSource, Repository } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { toUserView } from '../users/user-views';
import { toOrganisationView } from './organisation-views';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { UsersService } from '../users/users.service';
import type { CreateOrganisationDto, OrganisationSearchQuery } from './dto/organisation.dto';
import { OrganisationEntity } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  private readonly organisations: Repository<OrganisationEntity>;

  constructor(
    dataSource: DataSource,
    private readonly users: UsersService,
  ) {
    this.organisations = dataSource.getRepository(OrganisationEntity);
  }

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<OrganisationView> {
    const country = dto.country.toUpperCase();
    const duplicate = await this.organisations
      .createQueryBuilder('o')
      .where('lower(o.name) = lower(:name) AND o.country = :country', { name: dto.name, country })
      .getOne();
    if (duplicate) {
      throw conflict(
        'An organisation with this name already exists in this country; choose it instead',
        {
          organisationId: duplicate.id,
        },
      );
    }
    const { identifiers } = await this.organisations.insert({
      name: dto.name,
      sector: dto.sector,
      level: dto.level,
      country,
      city: dto.city ? dto.city : null,
      createdBy: actor.userId,
    });
    return this.get(identifiers[0].id as string);
  }

  /** Organisations are a shared directory: anyone signed in may search them to join one. */
  async search(query: OrganisationSearchQuery): Promise<Page<OrganisationView>> {
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
      items: items.map(toOrganisationView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null,
    };
  }

  async get(id: string): Promise<OrganisationView> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw notFound('Organisation');
    return toOrganisationView(organisation);
  }

  async setMine(actor: Actor, organisationId: string): Promise<UserView> {
    if (!(await this.organisations.existsBy({ id: organisationId })))
      throw notFound('Organisation');
    return toUserView(await this.users.setOrganisation(actor.userId, organisationId));
  }
}

/** `%` and `_` in a search box are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
