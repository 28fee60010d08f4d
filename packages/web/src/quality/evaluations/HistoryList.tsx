import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format.ts';
import type { Workspace } from '../types.ts';

/** Who did what and why, oldest first: submission, feedback, acknowledgement, disputes and their resolution. */
export function HistoryList({ history }: { history: Workspace['history'] }) {
  const { t } = useTranslation();
  if (history.length === 0) return null;
  return (
    <section aria-label={t('quality.history.title')}>
      <h2 className="section-title">{t('quality.history.title')}</h2>
      <ul className="plain-list q-history">
        {history.map((h) => (
          <li key={h.id}>
            <span className="muted small">{formatDateTime(h.createdAt)}</span> <strong>{h.actorName ?? '—'}</strong> {t(`quality.history.${h.action.replace(/ /g, '_')}`, { defaultValue: h.action })}
            {h.reason ? <> — «{h.reason}»</> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
