import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The chat transcript's system lines ("Ivan Petrov joined the chat", "The chat was ended by the
 * customer"). The server stores them language-neutral — author `system`, the line's kind as the
 * body, the agent's name as the author name (docs/CHAT.md) — and each screen words them in its
 * own language here. A system message of an unknown kind (another module's note) is shown as stored.
 */
export const SYSTEM_LINE_KINDS = ['agentJoined', 'endedByAgent', 'endedByCustomer', 'customerLeft', 'endedBySystem'] as const;
const KINDS: ReadonlySet<string> = new Set(SYSTEM_LINE_KINDS);

interface Line {
  /** 'customer' | 'agent' | 'system' (some screens type it as any text). */
  author: string;
  authorName: string | null;
  body: string;
}

type Translate = (key: string, options: { name: string }) => string;

/** The message as shown: a known system line worded (no author name: the transcript labels it "System"). */
export function wordSystemLine<M extends Line>(m: M, t: Translate): M {
  if (m.author !== 'system' || !KINDS.has(m.body)) return m;
  return { ...m, body: t(`chats.systemLine.${m.body}`, { name: m.authorName ?? '' }), authorName: null };
}

/** A transcript with its system lines worded in the UI's language. */
export function useWordedLines<M extends Line>(messages: readonly M[] | undefined): M[] | undefined {
  const { t, i18n } = useTranslation();
  return useMemo(() => messages?.map((m) => wordSystemLine(m, t as Translate)), [messages, t, i18n.language]);
}
