import { useCallback, useState } from 'react';

const KEY = 'linia.chatDrafts';

function load(): Record<string, string> {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The unsent reply of each chat, kept while the operator switches chats or opens another desk
 * screen and comes back (session storage: the tab's own, gone when it closes). Drafts of chats
 * no longer held are dropped by `keepOnly`.
 */
export function useDrafts() {
  const [drafts, setDrafts] = useState(load);
  const save = (next: Record<string, string>) => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the drafts still live in memory for this visit.
    }
    return next;
  };
  const setDraft = useCallback((contactId: string, text: string | ((old: string) => string)) => {
    setDrafts((d) => save({ ...d, [contactId]: typeof text === 'function' ? text(d[contactId] ?? '') : text }));
  }, []);
  const keepOnly = useCallback((ids: readonly string[]) => {
    setDrafts((d) => {
      const kept = Object.fromEntries(Object.entries(d).filter(([id]) => ids.includes(id)));
      return Object.keys(kept).length === Object.keys(d).length ? d : save(kept);
    });
  }, []);
  return { drafts, setDraft, keepOnly };
}
