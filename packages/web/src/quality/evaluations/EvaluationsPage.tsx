import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table } from '../../ui/Table.tsx';
import { ScoreBadge } from '../common/ScoreBadge.tsx';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { qualityKeys, type Evaluation, type EvaluationStatus } from '../types.ts';

const STATUSES: EvaluationStatus[] = ['assigned', 'draft', 'submitted', 'acknowledged', 'disputed', 'resolved'];

/** Evaluations: my assignments first (with due dates), or everyone's, filtered by status. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const canEvaluate = me.permissions.includes('quality.evaluate');
  const [mine, setMine] = useState(canEvaluate);
  const [status, setStatus] = useState('');
  const list = useQuery({
    queryKey: [...qualityKeys.evaluations, { mine, status }],
    queryFn: () => api.get<Page<Evaluation>>('/quality/evaluations', { mine: mine || undefined, status, limit: 200 }),
  });
  return (
    <>
      <PageHeader title={t('quality.evaluations.title')} subtitle={t('quality.evaluations.subtitle')} />
      <div className="filters">
        {canEvaluate ? (
          <label className="filter filter-check"><input type="checkbox" name="mine" checked={mine} onChange={(e) => setMine(e.target.checked)} /> {t('quality.evaluations.mine')}</label>
        ) : null}
        <label className="filter"><span>{t('quality.evaluations.status')}</span>
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`quality.status.${s}`)}</option>)}
          </select>
        </label>
      </div>
      <Table<Evaluation>
        caption={t('quality.evaluations.title')}
        rows={list.data?.items}
        loading={list.isLoading}
        error={list.error}
        rowKey={(e) => e.id}
        onRowClick={(e) => navigate(`/quality/evaluations/${e.id}`)}
        columns={[
          { key: 'contact', header: t('quality.evaluations.contact'), render: (e) => <span>{e.subject ?? e.contactId.slice(0, 8)} <span className="muted small">· {t(`channels.${e.channel}`, { defaultValue: e.channel })}</span></span> },
          { key: 'when', header: t('quality.evaluations.contactAt'), className: 'nowrap', render: (e) => formatDateTime(e.contactAt) },
          { key: 'agent', header: t('quality.agent'), render: (e) => e.agentName ?? '—' },
          { key: 'evaluator', header: t('quality.evaluator'), render: (e) => e.evaluatorName ?? '—' },
          { key: 'card', header: t('quality.scorecard'), render: (e) => `${e.scorecardTitle} · v${e.version}` },
          { key: 'due', header: t('quality.evaluations.due'), className: 'nowrap', render: (e) => (e.dueAt ? formatDateTime(e.dueAt) : '—') },
          { key: 'status', header: t('quality.evaluations.status'), render: (e) => <StatusBadge status={e.status} /> },
          { key: 'score', header: t('quality.score'), className: 'num', render: (e) => <ScoreBadge score={e.score} /> },
        ]}
      />
    </>
  );
}
