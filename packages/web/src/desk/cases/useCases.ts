import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchAll } from '../../api/fetchAll.ts';
import { onRealtimeEvent } from '../../realtime/socket.ts';
import type { Member, ResolverGroup } from './types.ts';

/** Query keys of the case screens: one prefix so a case change refreshes every list and card. */
export const caseKeys = {
  cases: ['cases'] as const,
  groups: ['resolver-groups'] as const,
  calendars: ['calendars'] as const,
  sla: ['sla-policies'] as const,
  problems: ['problems'] as const,
};

export function useGroups() {
  return useQuery({ queryKey: caseKeys.groups, queryFn: () => fetchAll<ResolverGroup>('/resolver-groups') });
}

export function useMembers(groupId: string | null) {
  return useQuery({
    queryKey: [...caseKeys.groups, groupId, 'members'],
    queryFn: () => fetchAll<Member>(`/resolver-groups/${groupId}/members`),
    enabled: groupId !== null,
  });
}

/**
 * Keeps case lists fresh: a `case.changed` on the tenant topic, or a message to me about a case
 * (assigned, escalated, an SLA warning), makes the cached cases stale.
 */
export function useCaseUpdates() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onRealtimeEvent(({ event }) => {
        if (event.type.startsWith('case.') || event.type === 'problem.changed') void queryClient.invalidateQueries({ queryKey: caseKeys.cases });
      }),
    [queryClient],
  );
}
