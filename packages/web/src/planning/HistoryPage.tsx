import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Badge } from '../ui/Badge.tsx';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../ui/ProblemAlert.tsx';
import { Table, type Column } from '../ui/Table.tsx';
import { percent, planningKeys, seconds, useChosenQueue, type HistoryRow, type HistoryView } from './api.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { SeriesChart } from './SeriesChart.tsx';

/** W1: a queue's interval history (chart and table), its outliers with exclusion, event marks, CSV import. */
export function HistoryPage() {
  const { t } = useTranslation();
  const [queue] = useChosenQueue();
  const [importing, setImporting] = useState(false);
  const [marking, setMarking] = useState(false);
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const history = useQuery({
    queryKey: planningKeys.history(queue?.id ?? '', range.from, range.to),
    queryFn: () => api.get<HistoryView>(`/planning/queues/${queue!.id}/history`, range),
    enabled: !!queue,
  });
  const queryClient = useQueryClient();
  // The journal's counts for the chosen period (default: the last eight weeks up to yesterday).
  const fromJournal = useMutation({
    mutationFn: () => {
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      return api.post<{ rows: number; offered: number }>(`/planning/queues/${queue!.id}/history/from-journal`, { from: range.from ?? day(-56), to: range.to ?? day(-1) });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['planning'] }),
  });
  const v = history.data;
  const outliers = new Set(v?.outliers.map((o) => o.start));
  const columns: Column<HistoryRow>[] = [
    { key: 'start', header: t('planning.interval'), className: 'nowrap', render: (r) => r.start.replace('T', ' ') },
    { key: 'offered', header: t('planning.offered'), className: 'num', render: (r) => r.offered },
    { key: 'handled', header: t('planning.handled'), className: 'num', render: (r) => r.handled },
    { key: 'abandoned', header: t('planning.abandoned'), className: 'num', render: (r) => r.abandoned },
    { key: 'aht', header: t('planning.aht'), className: 'num', render: (r) => seconds(r.ahtSeconds) },
    { key: 'sl', header: t('planning.serviceLevel'), className: 'num', render: (r) => percent(r.serviceLevel) },
    {
      key: 'flags',
      header: '',
      render: (r) => (
        <>
          {r.outlierScore !== null ? <Badge tone="warn">{t('planning.outlier')}</Badge> : null} {r.excluded ? <Badge tone="muted">{t('planning.excluded')}</Badge> : null}
        </>
      ),
    },
  ];
  return (
    <>
      <div className="planning-toolbar">
        <TextField label={t('planning.from')} name="from" type="date" value={range.from ?? ''} onChange={(from) => setRange((r) => ({ ...r, from: from || undefined }))} />
        <TextField label={t('planning.to')} name="to" type="date" value={range.to ?? ''} onChange={(to) => setRange((r) => ({ ...r, to: to || undefined }))} />
        <div className="page-actions">
          <Button onClick={() => setMarking(true)} disabled={!queue}>{t('planning.events.add')}</Button>
          <Button onClick={() => fromJournal.mutate()} disabled={!queue?.hotlineId} busy={fromJournal.isPending} title={queue?.hotlineId ? undefined : t('planning.fromJournal.needsHotline')}>
            {t('planning.fromJournal.run')}
          </Button>
          <Button variant="primary" onClick={() => setImporting(true)}>{t('planning.import.open')}</Button>
        </div>
      </div>
      {!queue ? <p className="muted">{t('planning.noQueues')}</p> : null}
      <ProblemAlert error={fromJournal.error} />
      {fromJournal.data ? <p className="alert alert-success" role="status">{t('planning.fromJournal.done', { rows: fromJournal.data.rows, offered: fromJournal.data.offered })}</p> : null}
      {v ? (
        <>
          <p className="muted">{t('planning.historySpan', { from: v.firstDay ?? '—', to: v.lastDay ?? '—' })}</p>
          <SeriesChart
            labels={v.rows.map((r) => r.start.slice(5, 10))}
            marks={v.rows.flatMap((r, i) => (outliers.has(r.start) ? [i] : []))}
            series={[
              { label: t('planning.offered'), kind: 'bar', className: 'series-offered', values: v.rows.map((r) => r.offered) },
              { label: t('planning.handled'), kind: 'line', className: 'series-handled', values: v.rows.map((r) => r.handled) },
            ]}
          />
          {v.events.length ? (
            <section className="planning-events">
              <h2>{t('planning.events.title')}</h2>
              <ul>{v.events.map((e) => <li key={e.id}><Badge tone="accent">{t(`planning.events.${e.kind}`)}</Badge> {e.startsAt.replace('T', ' ')} — {e.endsAt.replace('T', ' ')} {e.note}{e.uplift !== null ? ` (× ${e.uplift})` : ''}</li>)}</ul>
            </section>
          ) : null}
          <OutlierList view={v} />
        </>
      ) : null}
      <Table columns={columns} rows={v?.rows} rowKey={(r) => r.id} loading={history.isPending && !!queue} error={history.error} caption={t('planning.tabs.history')} />
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
      {marking && queue ? <EventDialog queueId={queue.id} onClose={() => setMarking(false)} /> : null}
    </>
  );
}

function OutlierList({ view }: { view: HistoryView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (o: { id: string; excluded: boolean }) => api.patch(`/planning/history/${o.id}`, { excluded: o.excluded }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['planning', 'history'] }),
  });
  if (!view.outliers.length) return null;
  return (
    <section className="planning-outliers">
      <h2>{t('planning.outliers.title', { count: view.outliers.length })}</h2>
      <p className="muted">{t('planning.outliers.hint')}</p>
      <table className="table">
        <thead><tr><th>{t('planning.interval')}</th><th className="num">{t('planning.offered')}</th><th className="num">{t('planning.outliers.expected')}</th><th /></tr></thead>
        <tbody>
          {view.outliers.map((o) => (
            <tr key={o.id}>
              <td>{o.start.replace('T', ' ')}</td>
              <td className="num">{o.offered}</td>
              <td className="num">{Math.round(o.expected)}</td>
              <td className="actions">
                <Button size="sm" onClick={() => toggle.mutate({ id: o.id, excluded: !o.excluded })}>
                  {o.excluded ? t('planning.outliers.include') : t('planning.outliers.exclude')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProblemAlert error={toggle.error} />
    </section>
  );
}

function EventDialog({ queueId, onClose }: { queueId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ kind: 'campaign', startsAt: '', endsAt: '', note: '', uplift: '' });
  const save = useMutation({
    mutationFn: () => api.post('/planning/events', { queueId, ...form, uplift: form.uplift.trim() ? Number(form.uplift.replace(',', '.')) : null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['planning', 'history'] });
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <Dialog title={t('planning.events.add')} onClose={onClose} footer={<><Button onClick={onClose}>{t('common.cancel')}</Button><Button variant="primary" busy={save.isPending} onClick={() => save.mutate()}>{t('common.save')}</Button></>}>
      <div className="form">
        <SelectField label={t('planning.events.kind')} name="kind" value={form.kind} onChange={(kind) => setForm((f) => ({ ...f, kind }))} options={['campaign', 'outage', 'holiday'].map((k) => ({ value: k, label: t(`planning.events.${k}`) }))} />
        <TextField label={t('planning.events.startsAt')} name="startsAt" type="datetime-local" value={form.startsAt} error={errors.startsAt} onChange={(startsAt) => setForm((f) => ({ ...f, startsAt }))} />
        <TextField label={t('planning.events.endsAt')} name="endsAt" type="datetime-local" value={form.endsAt} error={errors.endsAt} onChange={(endsAt) => setForm((f) => ({ ...f, endsAt }))} />
        <TextField label={t('planning.events.note')} name="note" value={form.note} onChange={(note) => setForm((f) => ({ ...f, note }))} />
        <TextField label={t('planning.events.uplift')} name="uplift" inputMode="decimal" value={form.uplift} error={errors.uplift} hint={t('planning.events.upliftHint')} onChange={(uplift) => setForm((f) => ({ ...f, uplift }))} />
        <ProblemAlert error={save.error} />
      </div>
    </Dialog>
  );
}
