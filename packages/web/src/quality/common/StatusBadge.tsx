import { useTranslation } from 'react-i18next';
import type { EvaluationStatus } from '../types.ts';

export function StatusBadge({ status }: { status: EvaluationStatus }) {
  const { t } = useTranslation();
  const tone = status === 'disputed' ? 'badge-warn' : status === 'assigned' || status === 'draft' ? 'badge-neutral' : 'badge-ok';
  return <span className={`badge ${tone}`}>{t(`quality.status.${status}`)}</span>;
}
