import { attributionLabel, OrganisationView, UserView } from '@tandem/domain';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import type { UserEntity } from '../users/user.entity';

/** Entities never leave the server; these mappers decide what each response may show. */
export function toOrganisationView(organisation: OrganisationEntity): OrganisationView {
  return {
    id: organisation.id,
    name: organisation.name,
    sector: organisation.sector,
    level: organisation.level,
    country: organisation.country,
    city: organisation.city,
    label: attributionLabel(organisation),
  };
}

/** The caller's own account: the only place an email address is returned. */
export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    handle: user.handle,
    organisation: user.organisation ? toOrganisationView(user.organisation) : null,
    createdAt: user.createdAt.toISOString(),
  };
}
