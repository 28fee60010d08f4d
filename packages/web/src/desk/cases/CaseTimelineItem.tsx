import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { statusTone } from './labels.ts';
import type { CaseTimelineEntry } from './types.ts';
import './cases.css';

/** A case or a notice on the customer's timeline (contacts are drawn by the customer card itself). */
export function CaseTimelineItem({ entry }: { entry: CaseTimelineEntry }) {
  const { t } = useTranslation();
  if (entry.kind === 'case') {
    const c = entry.case;
    return (
      <li className="timeline-item is-case">
        <span className="timeline-dot" aria-hidden="true" />
        <div className="timeline-body">
          <div className="timeline-head">
            <Badge tone="accent">{t(`cases.types.${c.type}`)}</Badge>
            <strong><Link to={`/desk/cases/${c.id}`}>№ {c.number} · {c.subject}</Link></strong>
            <span className="muted small">{formatDateTime(entry.at)}</span>
          </div>
          <div className="timeline-foot">
            <Badge tone={statusTone(c.status)}>{t(`cases.statuses.${c.status}`)}</Badge>
            <span className="chip">{t(`cases.priorities.${c.priority}`)}</span>
          </div>
        </div>
      </li>
    );
  }
  const n = entry.notice;
  return (
    <li className="timeline-item is-notice">
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-body">
        <div className="timeline-head">
          <Badge tone="warn">{t('cases.notice.onTimeline')}</Badge>
          <strong>{n.subject}</strong>
          <span className="muted small">{formatDateTime(entry.at)}</span>
        </div>
        <p className="timeline-notes">{n.body}</p>
        <div className="small muted">{n.address ? `${n.channel}: ${n.address}` : t('cases.notice.noAddress')}</div>
      </div>
    </li>
  );
}
