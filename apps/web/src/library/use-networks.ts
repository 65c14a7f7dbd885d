import { useQuery } from '@tanstack/react-query';
import { PAGE_SIZE_MAX } from '@tandem/domain';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { listNetworks } from '../networks/networks-api';

/** The networks the caller belongs to (the first hundred), for filters and forms. */
export function useMyNetworks() {
  const api = useApiClient();
  const query = useQuery({
    // An object cannot collide with a network's slug in queryKeys.network(slug).
    queryKey: [...queryKeys.networks, { mine: true }],
    queryFn: () => listNetworks(api, { limit: PAGE_SIZE_MAX }),
  });
  const mine = (query.data?.items ?? []).filter((network) => network.myRole !== null);
  return { query, networks: mine };
}
