import type { ScriptDefinition } from '@linia/engine';

/** A script as the API returns it (see packages/server/src/scripts/contracts.ts). */
export interface Script {
  id: string;
  hotlineId: string;
  topicId: string | null;
  name: string;
  active: boolean;
  definition: ScriptDefinition;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const scriptKeys = {
  all: ['scripts'] as const,
  list: (hotlineId: string) => ['scripts', 'list', hotlineId] as const,
  one: (id: string) => ['scripts', 'one', id] as const,
  match: (hotlineId: string, topicId: string) => ['scripts', 'match', hotlineId, topicId] as const,
};
