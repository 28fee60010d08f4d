import { useTranslation } from 'react-i18next';
import type { Workspace } from '../types.ts';
import { useWordedLines } from '../../desk/chats/systemLines.ts';

const offset = (from: string, at: string) => {
  const s = Math.max(0, Math.round((Date.parse(at) - Date.parse(from)) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The contact's conversation with each message's time from the start (what notes refer to). */
export function Transcript({ messages: stored, highlight }: { messages: Workspace['messages']; highlight: Set<number> }) {
  const { t } = useTranslation();
  // A chat's system lines ("joined", "ended") in the reviewer's language, as on the desk.
  const messages = useWordedLines(stored) ?? [];
  if (messages.length === 0) return <p className="muted">{t('quality.workspace.noTranscript')}</p>;
  const start = messages[0]!.createdAt;
  return (
    <ol className="q-transcript" aria-label={t('quality.workspace.transcript')}>
      {messages.map((m, i) => (
        <li key={i} className={`q-msg q-msg-${m.author}${highlight.has(i) ? ' q-msg-flag' : ''}`}>
          <span className="q-msg-head">{m.authorName ?? t(`quality.author.${m.author}`, { defaultValue: m.author })} · {offset(start, m.createdAt)}</span>
          <span className="q-msg-body">{m.body}</span>
        </li>
      ))}
    </ol>
  );
}
