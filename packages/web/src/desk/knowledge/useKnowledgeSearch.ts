import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { Page } from '../../api/types.ts';
import type { Article } from '../types.ts';

/** Ranked search (Russian morphology on the server); without words, the typical questions. */
export function useKnowledgeSearch(q: string, hotlineId: string, limit = 20) {
  return useQuery({
    queryKey: [...keys.knowledge, 'search', q, hotlineId, limit],
    queryFn: ({ signal }) =>
      api.get<Page<Article>>('/knowledge/articles', { q: q || undefined, hotlineId: hotlineId || undefined, typical: q ? undefined : 'true', limit }, signal),
  });
}
