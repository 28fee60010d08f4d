import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table } from '../../ui/Table.tsx';
import { ScoreBadge } from '../../quality/common/ScoreBadge.tsx';
import { StatusBadge } from '../../quality/common/StatusBadge.tsx';
import { qualityKeys, type Evaluation } from '../../quality/types.ts';
import '../../quality/quality.css';

/** The operator's own evaluations (submitted ones only): score, feedback to read and acknowledge. */
export function MyEvaluationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: [...qualityKeys.evaluations, 'my'], queryFn: () => api.get<Page<Evaluation>>('/quality/my-evaluations', { limit: 200 }) });
  return (
    <>
      <PageHeader title={t('deskEvaluations.title')} subtitle={t('deskEvaluations.subtitle')} />
      <Table<Evaluation>
        caption={t('deskEvaluations.title')}
        rows={list.data?.items}
        loading={list.isLoading}
        error={list.error}
        rowKey={(e) => e.id}
        empty={t('deskEvaluations.none')}
        onRowClick={(e) => navigate(`/desk/evaluations/${e.id}`)}
        columns={[
          { key: 'contact', header: t('deskEvaluations.contact'), render: (e) => e.subject ?? e.contactId.slice(0, 8) },
          { key: 'when', header: t('deskEvaluations.contactAt'), className: 'nowrap', render: (e) => formatDateTime(e.contactAt) },
          { key: 'card', header: t('deskEvaluations.scorecard'), render: (e) => e.scorecardTitle },
          { key: 'evaluator', header: t('deskEvaluations.evaluator'), render: (e) => e.evaluatorName ?? '—' },
          { key: 'status', header: t('deskEvaluations.status'), render: (e) => <StatusBadge status={e.status} /> },
          { key: 'ack', header: t('deskEvaluations.acknowledged'), render: (e) => (e.acknowledgedAt ? formatDateTime(e.acknowledgedAt) : '—') },
          { key: 'score', header: t('deskEvaluations.score'), className: 'num', render: (e) => <ScoreBadge score={e.score} /> },
        ]}
      />
    </>
  );
}
