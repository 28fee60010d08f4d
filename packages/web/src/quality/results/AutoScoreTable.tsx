import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Table } from '../../ui/Table.tsx';
import { ScoreBadge } from '../common/ScoreBadge.tsx';
import { useScorecards } from '../common/useQualityData.ts';
import { qualityKeys } from '../types.ts';

interface AutoScore {
  rows: { agentId: string; name: string; contacts: number; score: number | null; rules: { rule: string; applicable: number; passed: number }[] }[];
}

/** The automatic checks over every contact of the last week, per agent (not a sample): where to look first. */
export function AutoScoreTable() {
  const { t } = useTranslation();
  const cards = useScorecards();
  const published = (cards.data ?? []).filter((c) => c.publishedVersion !== null);
  const [chosen, setChosen] = useState('');
  const scorecardId = chosen || published[0]?.id || '';
  const auto = useQuery({ queryKey: [...qualityKeys.reports, 'auto', scorecardId], queryFn: () => api.get<AutoScore>('/quality/reports/auto', { scorecardId }), enabled: !!scorecardId });
  const rate = (r: AutoScore['rows'][number], prefix: string) => {
    const x = r.rules.find((y) => y.rule.startsWith(`${prefix}:`));
    return x && x.applicable ? `${Math.round((100 * x.passed) / x.applicable)} %` : '—';
  };
  return (
    <section aria-label={t('quality.results.auto')}>
      <h2 className="section-title">{t('quality.results.auto')}</h2>
      <div className="filters">
        <label className="filter"><span>{t('quality.scorecard')}</span>
          <select name="autoScorecard" value={scorecardId} onChange={(e) => setChosen(e.target.value)}>
            {published.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </label>
      </div>
      <Table
        caption={t('quality.results.auto')}
        rows={auto.data?.rows}
        loading={auto.isLoading}
        error={auto.error}
        rowKey={(r) => r.agentId}
        columns={[
          { key: 'name', header: t('quality.agent'), render: (r) => r.name },
          { key: 'contacts', header: t('quality.results.contacts'), className: 'num', render: (r) => r.contacts },
          { key: 'score', header: t('quality.workspace.autoScore'), className: 'num', render: (r) => <ScoreBadge score={r.score} /> },
          ...(['greeting', 'forbiddenPhrases', 'firstResponseTime', 'averageResponseTime', 'scriptFields'] as const).map((k) => ({
            key: k, header: t(`quality.auto.rule.${k}`), className: 'num', render: (r: AutoScore['rows'][number]) => rate(r, k),
          })),
        ]}
      />
    </section>
  );
}
