import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table } from '../../ui/Table.tsx';
import { ScoreBadge } from '../common/ScoreBadge.tsx';
import { qualityKeys, type Dispute } from '../types.ts';

/** Open disputes the caller may settle (a group lead: their group's; never one's own evaluations). */
export function DisputesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: [...qualityKeys.disputes, 'open'], queryFn: () => api.get<{ items: Dispute[] }>('/quality/disputes', { status: 'open' }) });
  return (
    <>
      <PageHeader title={t('quality.disputes.title')} subtitle={t('quality.disputes.subtitle')} />
      <Table<Dispute>
        rows={list.data?.items}
        loading={list.isLoading}
        error={list.error}
        rowKey={(d) => d.id}
        empty={t('quality.disputes.none')}
        onRowClick={(d) => navigate(`/quality/evaluations/${d.evaluationId}`)}
        columns={[
          { key: 'when', header: t('quality.created'), className: 'nowrap', render: (d) => formatDateTime(d.createdAt) },
          { key: 'agent', header: t('quality.agent'), render: (d) => d.agentName ?? '—' },
          { key: 'criterion', header: t('quality.scorecards.criterion'), render: (d) => d.criterionId },
          { key: 'comment', header: t('quality.disputes.comment'), render: (d) => d.comment },
          { key: 'score', header: t('quality.score'), className: 'num', render: (d) => <ScoreBadge score={d.score} /> },
        ]}
      />
    </>
  );
}
