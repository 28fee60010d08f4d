import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table } from '../../ui/Table.tsx';
import { useScorecards } from '../common/useQualityData.ts';
import type { Scorecard } from '../types.ts';

/** Scorecards of the organisation: per hotline or shared, with their latest and published versions. */
export function ScorecardsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const cards = useScorecards();
  const hotlines = useHotlines();
  const hotlineName = (id: string | null) => (id ? (hotlines.data?.find((h) => h.id === id)?.name ?? '') : t('quality.shared'));
  return (
    <>
      <PageHeader
        title={t('quality.scorecards.title')}
        subtitle={t('quality.scorecards.subtitle')}
        actions={me.permissions.includes('quality.manage') ? <Button variant="primary" onClick={() => navigate('/quality/scorecards/new')}>{t('quality.scorecards.create')}</Button> : null}
      />
      <Table<Scorecard>
        rows={cards.data}
        loading={cards.isLoading}
        error={cards.error}
        rowKey={(s) => s.id}
        onRowClick={(s) => navigate(`/quality/scorecards/${s.id}`)}
        columns={[
          { key: 'title', header: t('quality.scorecards.name'), render: (s) => s.title },
          { key: 'hotline', header: t('quality.hotline'), render: (s) => hotlineName(s.hotlineId) },
          { key: 'latest', header: t('quality.scorecards.latest'), className: 'num', render: (s) => s.latestVersion },
          { key: 'published', header: t('quality.scorecards.published'), className: 'num', render: (s) => s.publishedVersion ?? '—' },
          { key: 'created', header: t('quality.created'), className: 'nowrap', render: (s) => formatDate(s.createdAt) },
        ]}
      />
    </>
  );
}
