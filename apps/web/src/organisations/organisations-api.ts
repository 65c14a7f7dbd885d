import type { Level, OrganisationView, Page, Sector, UserView } from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

export interface NewOrganisation {
  name: string;
  sector: Sector;
  level: Level;
  country: string;
  city?: string;
}

export const searchOrganisations = (api: ApiClient, q: string) =>
  api.get<Page<OrganisationView>>('/organisations', { query: { q } });

export const createOrganisation = (api: ApiClient, body: NewOrganisation) =>
  api.post<OrganisationView>('/organisations', body);

/** Makes the organisation the caller's own; answers with the caller's updated account. */
export const chooseMyOrganisation = (api: ApiClient, organisationId: string) =>
  api.put<UserView>('/me/organisation', { organisationId });
