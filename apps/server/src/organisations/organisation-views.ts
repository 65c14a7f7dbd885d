import { attributionLabel, OrganisationView } from '@tandem/domain';
import type { OrganisationEntity } from './organisation.entity';

/** Entities never leave the server; this mapper decides what a response may show of an organisation. */
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
