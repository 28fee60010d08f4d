import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Button } from '../ui/Button.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../ui/ProblemAlert.tsx';
import { Table, type Column } from '../ui/Table.tsx';
import { percent, planningKeys, seconds, useChosenQueue, type ForecastSummary, type Staffing, type StaffingRow, type StaffingSummary } from './api.ts';
import { ChannelsPanel } from './ChannelsPanel.tsx';
import { SeriesChart } from './SeriesChart.tsx';

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** W3: required agents and heads per interval of the latest forecast for a target; the what-if table. */
export function StaffingPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [queue] = useChosenQueue();
  const [form, setForm] = useState({ model: 'C', target: 'sl', serviceLevel: '80', thresholdSeconds: '20', asaSeconds: '30', abandonment: '5', patienceSeconds: '120', maxOccupancy: '85', shrinkage: '30' });
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const forecasts = useQuery({
    queryKey: planningKeys.forecasts(queue?.id ?? ''),
    queryFn: () => api.get<{ items: ForecastSummary[] }>(`/planning/queues/${queue!.id}/forecasts`).then((r) => r.items),
    enabled: !!queue,
  });
  const list = useQuery({
    queryKey: planningKeys.staffingList(queue?.id ?? ''),
    queryFn: () => api.get<{ items: StaffingSummary[] }>(`/planning/queues/${queue!.id}/staffing`).then((r) => r.items),
    enabled: !!queue,
  });
  const latestId = list.data?.[0]?.id;
  const staffing = useQuery({ queryKey: planningKeys.staffing(latestId ?? ''), queryFn: () => api.get<Staffing>(`/planning/staffing/${latestId}`), enabled: !!latestId });
  const forecast = forecasts.data?.[0];
  const compute = useMutation({
    mutationFn: () => {
      const pct = (s: string) => (num(s) === undefined ? undefined : num(s)! / 100);
      const params = {
        model: form.model,
        thresholdSeconds: num(form.thresholdSeconds),
        serviceLevel: form.target === 'sl' ? pct(form.serviceLevel) : undefined,
        asaSeconds: form.target === 'asa' ? num(form.asaSeconds) : undefined,
        abandonment: form.target === 'abandonment' ? pct(form.abandonment) : undefined,
        patienceSeconds: form.model === 'A' ? num(form.patienceSeconds) : undefined,
        maxOccupancy: pct(form.maxOccupancy),
        shrinkage: pct(form.shrinkage) ?? 0,
      };
      return api.post<Staffing>('/planning/staffing', { forecastId: forecast!.id, params });
    },
    onSuccess: (s) => {
      queryClient.setQueryData(planningKeys.staffing(s.id), s);
      void queryClient.invalidateQueries({ queryKey: planningKeys.staffingList(s.queueId) });
    },
  });
  const errors = Object.fromEntries(Object.entries(fieldErrors(compute.error)).map(([k, v]) => [k.replace(/^params\./, ''), v]));
  const s = staffing.data;
  const columns: Column<StaffingRow>[] = [
    { key: 'start', header: t('planning.interval'), className: 'nowrap', render: (r) => r.start.replace('T', ' ') },
    { key: 'offered', header: t('planning.offered'), className: 'num', render: (r) => r.offered.toFixed(1) },
    { key: 'aht', header: t('planning.aht'), className: 'num', render: (r) => seconds(r.ahtSeconds) },
    { key: 'agents', header: t('planning.staffing.agents'), className: 'num', render: (r) => r.agents },
    { key: 'heads', header: t('planning.staffing.heads'), className: 'num', render: (r) => <strong>{r.heads}</strong> },
    { key: 'sl', header: t('planning.serviceLevel'), className: 'num', render: (r) => percent(r.serviceLevel) },
    { key: 'asa', header: 'ASA', className: 'num', render: (r) => seconds(r.asa) },
    { key: 'occ', header: t('planning.staffing.occupancy'), className: 'num', render: (r) => percent(r.occupancy) },
  ];
  return (
    <>
      {!forecast && queue ? <p className="muted">{t('planning.staffing.noForecast')}</p> : null}
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); compute.mutate(); }}>
        <SelectField label={t('planning.staffing.model')} name="model" value={form.model} onChange={set('model')} options={[{ value: 'C', label: 'Erlang C' }, { value: 'A', label: t('planning.staffing.erlangA') }]} />
        <SelectField label={t('planning.staffing.target')} name="target" value={form.target} onChange={set('target')} options={['sl', 'asa', 'abandonment'].map((v) => ({ value: v, label: t(`planning.staffing.targets.${v}`) }))} />
        {form.target === 'sl' ? <TextField label={t('planning.staffing.slPercent')} name="serviceLevel" type="number" value={form.serviceLevel} error={errors.serviceLevel} onChange={set('serviceLevel')} /> : null}
        <TextField label={t('planning.staffing.threshold')} name="thresholdSeconds" type="number" value={form.thresholdSeconds} error={errors.thresholdSeconds} onChange={set('thresholdSeconds')} />
        {form.target === 'asa' ? <TextField label={t('planning.staffing.asa')} name="asaSeconds" type="number" value={form.asaSeconds} error={errors.asaSeconds} onChange={set('asaSeconds')} /> : null}
        {form.target === 'abandonment' ? <TextField label={t('planning.staffing.abandonment')} name="abandonment" type="number" value={form.abandonment} error={errors.abandonment} onChange={set('abandonment')} /> : null}
        {form.model === 'A' ? <TextField label={t('planning.staffing.patience')} name="patienceSeconds" type="number" value={form.patienceSeconds} error={errors.patienceSeconds} onChange={set('patienceSeconds')} /> : null}
        <TextField label={t('planning.staffing.maxOccupancy')} name="maxOccupancy" type="number" value={form.maxOccupancy} error={errors.maxOccupancy} onChange={set('maxOccupancy')} />
        <TextField label={t('planning.staffing.shrinkage')} name="shrinkage" type="number" value={form.shrinkage} error={errors.shrinkage} onChange={set('shrinkage')} />
        <div className="page-actions">
          <Button type="submit" variant="primary" busy={compute.isPending} disabled={!forecast}>{t('planning.staffing.compute')}</Button>
        </div>
      </form>
      <ProblemAlert error={compute.error} />
      {s ? (
        <>
          <p>{t('planning.staffing.summary', { date: s.createdAt.slice(0, 16).replace('T', ' '), peak: Math.max(0, ...s.rows.map((r) => r.heads)), hours: Math.round(s.rows.reduce((a, r) => a + r.heads, 0) * (queue?.intervalMinutes ?? 30) / 60) })}</p>
          <SeriesChart labels={s.rows.map((r) => r.start.slice(5, 10))} series={[{ label: t('planning.staffing.heads'), kind: 'step', className: 'series-required', values: s.rows.map((r) => r.heads) }, { label: t('planning.staffing.agents'), kind: 'step', className: 'series-agents', values: s.rows.map((r) => r.agents) }]} />
        </>
      ) : null}
      <WhatIf />
      <ChannelsPanel />
      <Table columns={columns} rows={s?.rows} rowKey={(r) => r.start} loading={staffing.isFetching && !s} caption={t('planning.tabs.staffing')} />
    </>
  );
}

interface WhatIfRow { agents: number; serviceLevel: number; asa: number | null; waitProbability: number; occupancy: number; abandonment: number | null }

function WhatIf() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ calls: '100', ahtSeconds: '180', intervalSeconds: '1800', thresholdSeconds: '20' });
  const ask = useMutation({
    mutationFn: () => api.post<{ load: number; rows: WhatIfRow[] }>('/planning/what-if', { calls: Number(form.calls), ahtSeconds: Number(form.ahtSeconds), intervalSeconds: Number(form.intervalSeconds), thresholdSeconds: Number(form.thresholdSeconds), count: 8 }),
  });
  const errors = fieldErrors(ask.error);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <details className="planning-whatif">
      <summary>{t('planning.whatIf.title')}</summary>
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); ask.mutate(); }}>
        <TextField label={t('planning.whatIf.calls')} name="calls" type="number" value={form.calls} error={errors.calls} onChange={set('calls')} />
        <TextField label={t('planning.aht')} name="ahtSeconds" type="number" value={form.ahtSeconds} error={errors.ahtSeconds} onChange={set('ahtSeconds')} />
        <TextField label={t('planning.whatIf.interval')} name="intervalSeconds" type="number" value={form.intervalSeconds} error={errors.intervalSeconds} onChange={set('intervalSeconds')} />
        <TextField label={t('planning.staffing.threshold')} name="thresholdSeconds" type="number" value={form.thresholdSeconds} error={errors.thresholdSeconds} onChange={set('thresholdSeconds')} />
        <div className="page-actions"><Button type="submit" busy={ask.isPending}>{t('planning.whatIf.run')}</Button></div>
      </form>
      <ProblemAlert error={ask.error} />
      {ask.data ? (
        <table className="table" aria-label={t('planning.whatIf.title')}>
          <caption>{t('planning.whatIf.load', { load: ask.data.load.toFixed(2) })}</caption>
          <thead><tr><th className="num">{t('planning.staffing.agents')}</th><th className="num">{t('planning.serviceLevel')}</th><th className="num">ASA</th><th className="num">Pw</th><th className="num">{t('planning.staffing.occupancy')}</th></tr></thead>
          <tbody>{ask.data.rows.map((r) => <tr key={r.agents}><td className="num">{r.agents}</td><td className="num">{percent(r.serviceLevel)}</td><td className="num">{seconds(r.asa)}</td><td className="num">{percent(r.waitProbability)}</td><td className="num">{percent(r.occupancy)}</td></tr>)}</tbody>
        </table>
      ) : null}
    </details>
  );
}
