import { useInfiniteQuery } from '@tanstack/react-query';
import { api, queryString, API_BASE, type Query } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { Page } from '../../api/types.ts';
import type { Contact } from '../types.ts';

export const JOURNAL_PAGE = 50;

/** The journal, page by page ("load more"), for the given filters. */
export function useJournal(filters: Query) {
  return useInfiniteQuery({
    queryKey: [...keys.contacts, filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<Page<Contact>>('/contacts', { ...filters, cursor: pageParam, limit: JOURNAL_PAGE }, signal),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The CSV export of the same filters: a plain link, so the browser streams the download. */
export function exportUrl(filters: Query, lang: string): string {
  return `${API_BASE}/contacts/export.csv${queryString({ ...filters, lang: lang === 'en' ? 'en' : 'ru' })}`;
}
