import { useTranslation } from 'react-i18next';
import type { IntervalResult, SimulationResult } from '@linia/engine';
import { Table, type Column } from '../ui/Table.tsx';
import { ResultsChart } from './ResultsChart.tsx';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const sec = (v: number | null) => (v === null ? '—' : v.toFixed(1));
/** Seconds from the start of the simulated day as HH:MM. */
export const clock = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

/** The summary, the chart and the per-interval table of one run. */
export function ResultsView({ result, elapsedMs }: { result: SimulationResult; elapsedMs: number }) {
  const { t } = useTranslation();
  const s = result.summary;
  const columns: Column<IntervalResult>[] = [
    { key: 'start', header: t('simulation.interval'), render: (r) => clock(r.startSeconds), className: 'nowrap' },
    { key: 'offered', header: t('simulation.offered'), render: (r) => r.offered, className: 'num' },
    { key: 'answered', header: t('simulation.answered'), render: (r) => r.answered, className: 'num' },
    { key: 'abandoned', header: t('simulation.abandoned'), render: (r) => r.abandoned, className: 'num' },
    { key: 'sl', header: t('simulation.serviceLevel'), render: (r) => pct(r.serviceLevel), className: 'num' },
    { key: 'asa', header: t('simulation.asa'), render: (r) => sec(r.asaSeconds), className: 'num' },
    { key: 'aht', header: t('simulation.aht'), render: (r) => sec(r.ahtSeconds), className: 'num' },
    { key: 'occ', header: t('simulation.occupancy'), render: (r) => pct(r.occupancy), className: 'num' },
  ];
  return (
    <section className="sim-results" aria-label={t('simulation.results')}>
      <h2>{t('simulation.results')}</h2>
      <dl className="sim-summary" data-testid="sim-summary">
        <div><dt>{t('simulation.offered')}</dt><dd>{s.offered}</dd></div>
        <div><dt>{t('simulation.answered')}</dt><dd>{s.answered}</dd></div>
        <div><dt>{t('simulation.abandoned')}</dt><dd>{s.abandoned}</dd></div>
        <div><dt>{t('simulation.serviceLevel')}</dt><dd>{pct(s.serviceLevel)}</dd></div>
        <div><dt>{t('simulation.asa')}</dt><dd>{sec(s.asaSeconds)}</dd></div>
        <div><dt>{t('simulation.aht')}</dt><dd>{sec(s.ahtSeconds)}</dd></div>
        <div><dt>{t('simulation.occupancy')}</dt><dd>{pct(s.occupancy)}</dd></div>
      </dl>
      <p className="sim-note">{t('simulation.runNote', { events: result.events, unfinished: result.unfinished, seconds: (elapsedMs / 1000).toFixed(1) })}</p>
      <ResultsChart intervals={result.intervals} labels={result.intervals.map((i) => clock(i.startSeconds))} />
      <Table columns={columns} rows={result.intervals} rowKey={(r) => String(r.index)} caption={t('simulation.perInterval')} />
    </section>
  );
}
