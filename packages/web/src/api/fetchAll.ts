import { api, type Query } from './client.ts';
import type { Page } from './types.ts';

/**
 * Follows `nextCursor` to the end. Used for small reference lists (clients, hotlines) that
 * selects and filters need whole; big lists (audit) page with "load more" instead.
 */
export async function fetchAll<T>(path: string, query: Query = {}, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await api.get<Page<T>>(path, { ...query, limit: 200, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}
