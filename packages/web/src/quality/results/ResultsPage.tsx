import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { QualityErrorCounts } from '@linia/engine';
import { api, API_BASE, queryString } from '../../api/client.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table } from '../../ui/Table.tsx';
import { ScoreBadge } from '../common/ScoreBadge.tsx';
import { qualityKeys } from '../types.ts';
import { TrendChart, type Series } from './TrendChart.tsx';
import { AutoScoreTable } from './AutoScoreTable.tsx';

interface Scores {
  timeZone: string;
  rows: { key: string; name: string; period: string; evaluations: number; score: number | null; errors: QualityErrorCounts }[];
  series: Series[];
}
interface Errors {
  criteria: { criterionId: string; title: string; errorClass: keyof QualityErrorCounts; evaluated: number; failed: number; rate: number | null }[];
  byClass: QualityErrorCounts;
}
interface Evaluators {
  items: { evaluatorId: string; name: string; sessions: number; meanAbsoluteDeviation: number | null; bias: number | null; criterionAgreement: number }[];
}

const CLASSES = ['customer', 'business', 'compliance', 'nonCritical'] as const;

/** Results: score per agent or group per week or month with the trend, error frequency by criterion and class, exports. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState<'agent' | 'group'>('agent');
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const scores = useQuery({ queryKey: [...qualityKeys.reports, 'scores', by, period], queryFn: () => api.get<Scores>('/quality/reports/scores', { by, period }) });
  const errors = useQuery({ queryKey: [...qualityKeys.reports, 'errors'], queryFn: () => api.get<Errors>('/quality/reports/errors') });
  const evaluators = useQuery({ queryKey: [...qualityKeys.reports, 'evaluators'], queryFn: () => api.get<Evaluators>('/quality/reports/evaluators') });
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
  return (
    <>
      <PageHeader
        title={t('quality.results.title')}
        subtitle={scores.data ? t('quality.results.subtitle', { tz: scores.data.timeZone }) : null}
        actions={
          <>
            <a className="btn btn-secondary" href={`${API_BASE}/quality/reports/evaluations.csv${queryString({ lang })}`} download>{t('quality.results.csv')}</a>
            <a className="btn btn-secondary" href={`${API_BASE}/quality/reports/evaluations.xlsx${queryString({ lang })}`} download>{t('quality.results.xlsx')}</a>
          </>
        }
      />
      <div className="filters">
        <label className="filter"><span>{t('quality.results.by')}</span>
          <select name="by" value={by} onChange={(e) => setBy(e.target.value as 'agent' | 'group')}>
            <option value="agent">{t('quality.results.byAgent')}</option>
            <option value="group">{t('quality.results.byGroup')}</option>
          </select>
        </label>
        <label className="filter"><span>{t('quality.plans.period')}</span>
          <select name="period" value={period} onChange={(e) => setPeriod(e.target.value as 'week' | 'month')}>
            <option value="week">{t('quality.period.week')}</option>
            <option value="month">{t('quality.period.month')}</option>
          </select>
        </label>
      </div>
      <section className="card"><TrendChart series={scores.data?.series ?? []} /></section>
      <Table
        caption={t('quality.results.scores')}
        rows={scores.data?.rows}
        loading={scores.isLoading}
        error={scores.error}
        rowKey={(r) => `${r.key}/${r.period}`}
        columns={[
          { key: 'name', header: by === 'agent' ? t('quality.agent') : t('quality.group'), render: (r) => r.name },
          { key: 'period', header: t('quality.plans.period'), className: 'nowrap', render: (r) => r.period },
          { key: 'n', header: t('quality.results.evaluations'), className: 'num', render: (r) => r.evaluations },
          { key: 'score', header: t('quality.score'), className: 'num', render: (r) => <ScoreBadge score={r.score} /> },
          ...CLASSES.map((k) => ({ key: k, header: t(`quality.errorClass.${k}`), className: 'num', render: (r: Scores['rows'][number]) => r.errors[k] })),
        ]}
      />
      <h2 className="section-title">{t('quality.results.errors')}</h2>
      <p className="small">{CLASSES.map((k) => `${t(`quality.errorClass.${k}`)}: ${errors.data?.byClass[k] ?? 0}`).join(' · ')}</p>
      <Table
        caption={t('quality.results.errors')}
        rows={errors.data?.criteria}
        loading={errors.isLoading}
        error={errors.error}
        rowKey={(r) => r.criterionId}
        columns={[
          { key: 'title', header: t('quality.scorecards.criterion'), render: (r) => r.title },
          { key: 'class', header: t('quality.scorecards.class'), render: (r) => t(`quality.errorClass.${r.errorClass}`) },
          { key: 'evaluated', header: t('quality.results.evaluated'), className: 'num', render: (r) => r.evaluated },
          { key: 'failed', header: t('quality.results.failed'), className: 'num', render: (r) => r.failed },
          { key: 'rate', header: t('quality.results.rate'), className: 'num', render: (r) => pct(r.rate) },
        ]}
      />
      <AutoScoreTable />
      <h2 className="section-title">{t('quality.results.calibration')}</h2>
      <Table
        caption={t('quality.results.calibration')}
        rows={evaluators.data?.items}
        loading={evaluators.isLoading}
        error={evaluators.error}
        rowKey={(r) => r.evaluatorId}
        empty={t('quality.results.noCalibration')}
        columns={[
          { key: 'name', header: t('quality.evaluator'), render: (r) => r.name },
          { key: 'sessions', header: t('quality.results.sessions'), className: 'num', render: (r) => r.sessions },
          { key: 'mad', header: t('quality.results.mad'), className: 'num', render: (r) => pct(r.meanAbsoluteDeviation) },
          { key: 'bias', header: t('quality.results.bias'), className: 'num', render: (r) => pct(r.bias) },
          { key: 'agree', header: t('quality.results.agreement'), className: 'num', render: (r) => pct(r.criterionAgreement) },
        ]}
      />
    </>
  );
}
