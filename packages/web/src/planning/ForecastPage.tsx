import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MODEL_NAMES } from '@linia/engine';
import { api } from '../api/client.ts';
import { Badge } from '../ui/Badge.tsx';
import { Button } from '../ui/Button.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../ui/ProblemAlert.tsx';
import { percent, planningKeys, useChosenQueue, type Forecast, type ForecastSummary } from './api.ts';
import { MonthsPanel } from './MonthsPanel.tsx';
import { SeriesChart } from './SeriesChart.tsx';
import { TodayPanel } from './TodayPanel.tsx';

const MODELS = ['auto', ...MODEL_NAMES];

/** W2: run the models over the queue's history, show the backtest (WAPE per model, the automatic choice), store the forecast. */
export function ForecastPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [queue] = useChosenQueue();
  const [form, setForm] = useState({ horizonDays: '14', model: 'auto' });
  const [shown, setShown] = useState<string | null>(null);
  const list = useQuery({
    queryKey: planningKeys.forecasts(queue?.id ?? ''),
    queryFn: () => api.get<{ items: ForecastSummary[] }>(`/planning/queues/${queue!.id}/forecasts`).then((r) => r.items),
    enabled: !!queue,
  });
  const currentId = shown ?? list.data?.[0]?.id ?? null;
  const forecast = useQuery({
    queryKey: planningKeys.forecast(currentId ?? ''),
    queryFn: () => api.get<Forecast>(`/planning/forecasts/${currentId}`),
    enabled: !!currentId,
  });
  const run = useMutation({
    mutationFn: () => api.post<Forecast>(`/planning/queues/${queue!.id}/forecasts`, { horizonDays: Number(form.horizonDays), model: form.model }),
    onSuccess: (f) => {
      queryClient.setQueryData(planningKeys.forecast(f.id), f);
      setShown(f.id);
      void queryClient.invalidateQueries({ queryKey: planningKeys.forecasts(f.queueId) });
    },
  });
  const errors = fieldErrors(run.error);
  const f = forecast.data;
  const best = f?.backtest.length ? Math.min(...f.backtest.map((r) => r.wape)) : null;
  return (
    <>
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); run.mutate(); }}>
        <TextField label={t('planning.forecast.horizon')} name="horizonDays" type="number" min={1} max={92} value={form.horizonDays} error={errors.horizonDays} onChange={(horizonDays) => setForm((x) => ({ ...x, horizonDays }))} />
        <SelectField label={t('planning.forecast.model')} name="model" value={form.model} onChange={(model) => setForm((x) => ({ ...x, model }))} options={MODELS.map((m) => ({ value: m, label: m === 'auto' ? t('planning.forecast.auto') : m }))} />
        <div className="page-actions">
          <Button type="submit" variant="primary" busy={run.isPending} disabled={!queue}>{t('planning.forecast.run')}</Button>
        </div>
      </form>
      <ProblemAlert error={run.error} />
      {list.data?.length ? (
        <div className="filter">
          <SelectField
            label={t('planning.forecast.stored')}
            name="forecast"
            value={currentId ?? ''}
            onChange={setShown}
            options={list.data.map((x) => ({ value: x.id, label: `${x.fromDate} · ${x.days} ${t('planning.days')} · ${x.model}` }))}
          />
        </div>
      ) : queue ? <p className="muted">{t('planning.forecast.none')}</p> : null}
      {f ? (
        <>
          <section className="planning-backtest">
            <h2>{t('planning.forecast.backtest')}</h2>
            {f.backtest.length ? (
              <table className="table" aria-label={t('planning.forecast.backtest')}>
                <thead><tr><th>{t('planning.forecast.model')}</th><th className="num">WAPE</th><th className="num">{t('planning.days')}</th><th /></tr></thead>
                <tbody>
                  {[...f.backtest].sort((a, b) => a.wape - b.wape).map((r) => (
                    <tr key={r.model} className={r.model === f.model ? 'is-chosen' : undefined}>
                      <td>{r.model}</td>
                      <td className="num">{percent(r.wape, 2)}</td>
                      <td className="num">{r.days}</td>
                      <td>{r.model === f.model ? <Badge tone="ok">{f.requestedModel === 'auto' ? t('planning.forecast.chosenAuto') : t('planning.forecast.chosen')}</Badge> : r.wape === best ? <Badge tone="accent">{t('planning.forecast.best')}</Badge> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : <p className="muted">{t('planning.forecast.shortHistory', { model: f.model })}</p>}
          </section>
          <p>{t('planning.forecast.summary', { from: f.fromDate, days: f.days, calls: Math.round(f.points.reduce((s, p) => s + p.offered, 0)) })}</p>
          {f.adjustments && (f.adjustments.excludedIntervals || f.adjustments.upliftedIntervals) ? (
            <p className="muted" data-testid="forecast-adjustments">{t('planning.forecast.adjustments', f.adjustments)}</p>
          ) : null}
          <SeriesChart
            labels={f.points.map((p) => p.start.slice(5, 10))}
            series={[
              { label: t('planning.offered'), kind: 'bar', className: 'series-forecast', values: f.points.map((p) => p.offered) },
            ]}
          />
        </>
      ) : null}
      {queue ? <TodayPanel queue={queue} /> : null}
      {queue ? <MonthsPanel queue={queue} /> : null}
    </>
  );
}
