import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api/client.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { onRealtimeEvent } from '../../realtime/socket.ts';
import type { AcdAgentConfig, AcdQueue, AcdReason, AcdSkill, AgentMe, Wallboard } from './types.ts';

/** Query keys of the ACD screens (prefix `acd`), invalidated by the ACD's own realtime events. */
export const acdKeys = {
  all: ['acd'] as const,
  me: ['acd', 'me'] as const,
  wallboard: ['acd', 'wallboard'] as const,
  queues: ['acd', 'queues'] as const,
  skills: ['acd', 'skills'] as const,
  reasons: ['acd', 'reasons'] as const,
  agents: ['acd', 'agents'] as const,
};

export const useAcdQueues = () => useQuery({ queryKey: acdKeys.queues, queryFn: () => fetchAll<AcdQueue>('/acd/queues') });
export const useAcdSkills = () => useQuery({ queryKey: acdKeys.skills, queryFn: () => fetchAll<AcdSkill>('/acd/skills') });
export const useAcdReasons = () => useQuery({ queryKey: acdKeys.reasons, queryFn: () => fetchAll<AcdReason>('/acd/reasons') });
export const useAcdAgents = (enabled = true) => useQuery({ queryKey: acdKeys.agents, queryFn: () => fetchAll<AcdAgentConfig>('/acd/agents'), enabled });

export const useAgentMe = () => useQuery({ queryKey: acdKeys.me, queryFn: () => api.get<AgentMe>('/acd/me') });
export const useWallboard = () => useQuery({ queryKey: acdKeys.wallboard, queryFn: () => api.get<Wallboard>('/acd/wallboard') });

/**
 * Calls `onEvent` for ACD events: `acd.*` on the user's own topic (offers, state changes) and
 * `acd.changed` on the wallboard topic; `*.changed` of ACD configuration on the tenant topic.
 */
export function useAcdEvents(onEvent: (type: string, topic: string) => void): void {
  useEffect(
    () =>
      onRealtimeEvent(({ topic, event }) => {
        if (event.type.startsWith('acd')) onEvent(event.type, topic);
      }),
    [onEvent],
  );
}
