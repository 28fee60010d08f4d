import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Button } from '../ui/Button.tsx';
import { TextField } from '../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../ui/ProblemAlert.tsx';
import { clockOf, seconds, type PlanningQueue, type Reforecast } from './api.ts';
import { SeriesChart } from './SeriesChart.tsx';

/**
 * W2 intraday: forecast vs actual vs re-forecast of one day (today by default, as of now), and the heads
 * the re-forecast needs for the rest of the day against the planned ones.
 */
export function TodayPanel({ queue }: { queue: PlanningQueue }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState('');
  const run = useMutation({ mutationFn: () => api.post<Reforecast>(`/planning/queues/${queue.id}/reforecast`, asOf ? { asOf } : {}) });
  const r = run.data;
  const errors = fieldErrors(run.error);
  return (
    <section className="planning-today" aria-label={t('planning.today.title')}>
      <h2>{t('planning.today.title')}</h2>
      <p className="muted">{t('planning.today.hint')}</p>
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); run.mutate(); }}>
        <TextField label={t('planning.today.asOf')} name="asOf" type="datetime-local" value={asOf} error={errors.asOf} hint={t('planning.today.asOfHint')} onChange={setAsOf} />
        <div className="page-actions"><Button type="submit" busy={run.isPending}>{t('planning.today.run')}</Button></div>
      </form>
      <ProblemAlert error={run.error} />
      {r ? (
        <>
          <p role="status">
            {t('planning.today.summary', {
              date: r.date, asOf: clockOf(r.asOf), actual: r.actualCalls, forecast: Math.round(r.forecastCalls),
              volume: r.volumeFactor.toFixed(3), aht: r.ahtFactor.toFixed(3), rest: Math.round(r.restOfDay.calls), planned: r.restOfDay.plannedHeads, heads: r.restOfDay.heads,
            })}
          </p>
          <SeriesChart
            labels={r.rows.map((x) => clockOf(x.start))}
            series={[
              { label: t('planning.today.actual'), kind: 'bar', className: 'series-offered', values: r.rows.map((x) => x.actual) },
              { label: t('planning.today.forecast'), kind: 'line', className: 'series-handled', values: r.rows.map((x) => x.forecast) },
              { label: t('planning.today.reforecast'), kind: 'line', className: 'series-required', values: r.rows.map((x) => x.reforecast) },
            ]}
          />
          <div className="table-wrap">
            <table className="table" aria-label={t('planning.today.table')}>
              <thead>
                <tr>
                  <th>{t('planning.interval')}</th>
                  <th className="num">{t('planning.today.forecast')}</th><th className="num">{t('planning.today.actual')}</th><th className="num">{t('planning.today.reforecast')}</th>
                  <th className="num">{t('planning.today.ahtForecast')}</th><th className="num">{t('planning.today.ahtActual')}</th><th className="num">{t('planning.today.ahtReforecast')}</th>
                  <th className="num">{t('planning.today.plannedHeads')}</th><th className="num">{t('planning.today.heads')}</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((x) => (
                  <tr key={x.start} className={x.heads !== null && x.heads > x.plannedHeads ? 'is-short' : undefined}>
                    <td>{clockOf(x.start)}</td>
                    <td className="num">{x.forecast.toFixed(1)}</td><td className="num">{x.actual ?? '—'}</td><td className="num">{x.reforecast.toFixed(1)}</td>
                    <td className="num">{seconds(x.forecastAht)}</td><td className="num">{seconds(x.actualAht)}</td><td className="num">{seconds(x.reforecastAht)}</td>
                    <td className="num">{x.plannedHeads}</td><td className="num">{x.heads ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
