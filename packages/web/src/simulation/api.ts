import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Scenario, SimulationResult } from '@linia/engine';
import { api } from '../api/client.ts';

/** Shapes of the simulation API (packages/server/src/simulation/contracts.ts). */
export interface SimulationRun { result: SimulationResult; elapsedMs: number }
export interface SimulationExample { name: string; scenario: Scenario }

export function useExamples() {
  return useQuery({
    queryKey: ['simulation', 'examples'],
    queryFn: () => api.get<{ items: SimulationExample[] }>('/simulation/examples').then((r) => r.items),
    staleTime: Infinity,
  });
}

export function useRunSimulation() {
  return useMutation({ mutationFn: (scenario: Scenario) => api.post<SimulationRun>('/simulation/runs', scenario) });
}

export interface LiveStatus {
  running: boolean;
  startedAt: string | null;
  speed: number;
  result: (SimulationResult & { live: { speed: number; offerLatency: { count: number; p50Ms: number | null; p99Ms: number | null }; refused: number; realSeconds: number } }) | null;
  error: string | null;
}

const liveKey = ['simulation', 'live'] as const;

/** The demo center's live run; 409 (another tenant) means the panel is not offered. */
export function useLiveStatus() {
  return useQuery({
    queryKey: liveKey,
    queryFn: () => api.get<LiveStatus>('/simulation/live'),
    retry: false,
    refetchInterval: (q) => (q.state.data?.running ? 2000 : false),
  });
}

export function useLiveControl() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: liveKey });
  return {
    start: useMutation({ mutationFn: () => api.post<LiveStatus>('/simulation/live'), onSuccess: refresh }),
    stop: useMutation({ mutationFn: () => api.delete('/simulation/live'), onSuccess: refresh }),
  };
}
