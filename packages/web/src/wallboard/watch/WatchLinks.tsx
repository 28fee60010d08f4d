import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LiveChat } from './useLiveChats.ts';

/** In the wallboard's agent row: one "watch" link per chat the agent holds. */
export function WatchLinks({ agentId, chats }: { agentId: string; chats: readonly LiveChat[] | undefined }) {
  const { t } = useTranslation();
  const mine = (chats ?? []).filter((c) => c.agentId === agentId && c.status !== 'ended');
  if (mine.length === 0) return null;
  return (
    <span className="chips">
      {mine.map((c) => (
        <Link key={c.contactId} className="btn btn-ghost btn-sm" to={`/wallboard/watch/${c.contactId}`}>
          {t('chatWatch.watch', { name: c.customerName ?? t('chats.anonymous') })}
        </Link>
      ))}
    </span>
  );
}
