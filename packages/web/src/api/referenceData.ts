import { useQuery } from '@tanstack/react-query';
import { fetchAll } from './fetchAll.ts';
import { keys } from './keys.ts';
import type { Client, Hotline } from './types.ts';

/** Lists several screens need whole (selects, name lookups); cached under shared keys. */
export function useClients(enabled = true) {
  return useQuery({ queryKey: keys.clients, queryFn: () => fetchAll<Client>('/clients'), enabled });
}

export function useHotlines(clientId?: string) {
  return useQuery({
    queryKey: [...keys.hotlines, { clientId: clientId ?? '' }],
    queryFn: () => fetchAll<Hotline>('/hotlines', { clientId }),
  });
}
