import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { isProblem } from '../api/problem.ts';
import { keys } from '../api/keys.ts';
import type { Me } from '../api/types.ts';

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me');
  } catch (error) {
    if (isProblem(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 60_000, retry: 1 });
}

/** For components rendered only inside the authenticated shell. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside the signed-in shell');
  return data;
}
