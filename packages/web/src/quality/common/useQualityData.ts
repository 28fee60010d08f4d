import { useQuery } from '@tanstack/react-query';
import { can, isRole } from '@linia/engine';
import { api } from '../../api/client.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { keys } from '../../api/keys.ts';
import type { User } from '../../api/types.ts';
import { qualityKeys, type Group, type Scorecard } from '../types.ts';

export function useScorecards() {
  return useQuery({ queryKey: qualityKeys.scorecards, queryFn: async () => (await api.get<{ items: Scorecard[] }>('/quality/scorecards')).items });
}

export function useGroups() {
  return useQuery({ queryKey: qualityKeys.groups, queryFn: () => fetchAll<Group>('/quality/groups') });
}

/** Everyone of the organisation (names for ids); evaluators are those whose role may evaluate. */
export function usePeople() {
  const q = useQuery({ queryKey: [...keys.users, 'all'], queryFn: () => fetchAll<User>('/users') });
  const names = new Map((q.data ?? []).map((u) => [u.id, u.name]));
  const evaluators = (q.data ?? []).filter((u) => u.active && isRole(u.role) && can(u.role, 'quality.evaluate'));
  return { ...q, names, evaluators };
}
