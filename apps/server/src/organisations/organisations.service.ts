import { Injectable } from '@nestjs/common';
import { conflict, notFound, OrganisationView, Page, UserView } from '@tandem/domain';
import type { Actor } from '../platform/http/actor';
import { toUserView } from '../users/user-views';
import { toOrganisationView } from './organisation-views';
import { UsersService } from '../users/users.service';
import type { CreateOrganisationDto, OrganisationSearchQuery } from './dto/organisation.dto';
import { OrganisationsRepository } from './organisations.repository';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersService,
  ) {}

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<OrganisationView> {
    const country = dto.country.toUpperCase();
    const duplicate = await this.organisations.findSameName(dto.name, country);
    if (duplicate) {
      throw conflict(
        'An organisation with this name already exists in this country; choose it instead',
        {
          organisationId: duplicate.id,
        },
      );
    }
    const id = await this.organisations.insert({
      name: dto.name,
      sector: dto.sector,
      level: dto.level,
      country,
      city: dto.city ? dto.city : null,
      createdBy: actor.userId,
    });
    return this.get(id);
  }

  /** Organisations are a shared directory: anyone signed in may search them to join one. */
  async search(query: OrganisationSearchQuery): Promise<Page<OrganisationView>> {
    const page = await this.organisations.search(query);
    return { items: page.items.map(toOrganisationView), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<OrganisationView> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw notFound('Organisation');
    return toOrganisationView(organisation);
  }

  async setMine(actor: Actor, organisationId: string): Promise<UserView> {
    if (!(await this.organisations.exists(organisationId))) throw notFound('Organisation');
    return toUserView(await this.users.setOrganisation(actor.userId, organisationId));
  }
}
