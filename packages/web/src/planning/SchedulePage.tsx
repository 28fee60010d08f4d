import { useState, type DragEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addIsoDays } from '@linia/engine';
import { api } from '../api/client.ts';
import { isProblem } from '../api/problem.ts';
import { Badge } from '../ui/Badge.tsx';
import { Button } from '../ui/Button.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../ui/ProblemAlert.tsx';
import { clockOf, planningKeys, useChosenQueue, type PlanningShift, type ScheduleBoard, type ScheduleSummary, type Staffing, type StaffingSummary, type Violation } from './api.ts';
import { RequestsPanel } from './RequestsPanel.tsx';
import { SeriesChart } from './SeriesChart.tsx';

const scheduleKeys = {
  list: (queueId: string) => ['planning', 'schedules', queueId] as const,
  board: (id: string) => ['planning', 'schedule', id] as const,
};

/** W4: optimise a schedule from the latest staffing, the board (required vs scheduled, employees × days), drag to move, publish. */
export function SchedulePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [queue, , queues] = useChosenQueue();
  const [chosen, setChosen] = useState<string | null>(null);
  const staffingList = useQuery({
    queryKey: planningKeys.staffingList(queue?.id ?? ''),
    queryFn: () => api.get<{ items: StaffingSummary[] }>(`/planning/queues/${queue!.id}/staffing`).then((r) => r.items),
    enabled: !!queue,
  });
  const latest = staffingList.data?.[0];
  const staffing = useQuery({ queryKey: planningKeys.staffing(latest?.id ?? ''), queryFn: () => api.get<Staffing>(`/planning/staffing/${latest!.id}`), enabled: !!latest });
  const firstDay = staffing.data?.rows[0]?.start.slice(0, 10) ?? '';
  const [form, setForm] = useState({ fromDate: '', days: '7', timeLimitSeconds: '20', alsoQueues: '' });
  const list = useQuery({
    queryKey: scheduleKeys.list(queue?.id ?? ''),
    queryFn: () => api.get<{ items: ScheduleSummary[] }>('/planning/schedules', { queueId: queue!.id }).then((r) => r.items),
    enabled: !!queue,
  });
  const id = chosen ?? list.data?.[0]?.id ?? null;
  const board = useQuery({
    queryKey: scheduleKeys.board(id ?? ''),
    queryFn: () => api.get<ScheduleBoard>(`/planning/schedules/${id}`),
    enabled: !!id,
    // the optimiser runs in a worker thread; the board follows it until it is done
    refetchInterval: (q) => (q.state.data?.status === 'optimising' ? 1000 : false),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['planning', 'schedules'] });
    void queryClient.invalidateQueries({ queryKey: ['planning', 'schedule'] });
  };
  const create = useMutation({
    mutationFn: async () => {
      // multi-skill: each further queue contributes its latest staffing
      const alsoStaffingIds: string[] = [];
      for (const code of form.alsoQueues.split(',').map((x) => x.trim()).filter(Boolean)) {
        const q = queues?.find((x) => x.code === code);
        const latestOf = q ? (await api.get<{ items: StaffingSummary[] }>(`/planning/queues/${q.id}/staffing`)).items[0] : undefined;
        if (!latestOf) throw new Error(t('planning.schedule.noStaffingOf', { code }));
        alsoStaffingIds.push(latestOf.id);
      }
      return api.post<ScheduleSummary>('/planning/schedules', { staffingId: latest!.id, alsoStaffingIds, fromDate: form.fromDate || firstDay, days: Number(form.days), timeLimitSeconds: Number(form.timeLimitSeconds) });
    },
    onSuccess: (s) => { setChosen(s.id); refresh(); },
  });
  const reoptimise = useMutation({ mutationFn: () => api.post(`/planning/schedules/${id}/optimise`), onSuccess: refresh });
  const publish = useMutation({ mutationFn: () => api.post(`/planning/schedules/${id}/publish`), onSuccess: refresh });
  const errors = fieldErrors(create.error);
  // a code without staffing is found here, before the request: its message belongs to the field
  const alsoError = create.error && !isProblem(create.error) ? (create.error as Error).message : Object.entries(errors).find(([k]) => k.startsWith('alsoStaffingIds'))?.[1];
  const b = board.data;
  return (
    <>
      {!latest && queue ? <p className="muted">{t('planning.schedule.noStaffing')}</p> : null}
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <TextField label={t('planning.schedule.fromDate')} name="fromDate" type="date" value={form.fromDate || firstDay} error={errors.fromDate} onChange={(fromDate) => setForm((f) => ({ ...f, fromDate }))} />
        <TextField label={t('planning.schedule.days')} name="days" type="number" value={form.days} error={errors.days} onChange={(days) => setForm((f) => ({ ...f, days }))} />
        <TextField label={t('planning.schedule.timeLimit')} name="timeLimitSeconds" type="number" value={form.timeLimitSeconds} error={errors.timeLimitSeconds} onChange={(timeLimitSeconds) => setForm((f) => ({ ...f, timeLimitSeconds }))} />
        <TextField label={t('planning.schedule.alsoQueues')} name="alsoQueues" value={form.alsoQueues} error={alsoError} hint={t('planning.schedule.alsoQueuesHint')} onChange={(alsoQueues) => setForm((f) => ({ ...f, alsoQueues }))} />
        <div className="page-actions">
          <Button type="submit" variant="primary" busy={create.isPending} disabled={!latest}>{t('planning.schedule.optimise')}</Button>
        </div>
      </form>
      <ProblemAlert error={(isProblem(create.error) ? create.error : null) ?? reoptimise.error ?? publish.error} />
      {list.data?.length ? (
        <div className="planning-toolbar">
          <SelectField label={t('planning.schedule.stored')} name="schedule" value={id ?? ''} onChange={setChosen}
            options={list.data.map((s) => ({ value: s.id, label: `${s.fromDate} · ${s.days} ${t('planning.days')} · ${t(`planning.schedule.status.${s.status}`)}${s.queueCodes.length ? ` · ${s.queueCodes.join(' + ')}` : ''}` }))} />
          {b ? (
            <div className="page-actions">
              <Button onClick={() => reoptimise.mutate()} disabled={b.status === 'optimising'} busy={reoptimise.isPending}>{t('planning.schedule.reoptimise')}</Button>
              <Button variant="primary" onClick={() => publish.mutate()} disabled={b.status !== 'ready'} busy={publish.isPending}>{t('planning.schedule.publish')}</Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {b ? <Board board={b} /> : null}
      <RequestsPanel />
    </>
  );
}

function Board({ board: b }: { board: ScheduleBoard }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [violations, setViolations] = useState<Violation[] | null>(null);
  const move = useMutation({
    mutationFn: (m: { shift: PlanningShift; date: string; employeeId: string }) =>
      api.patch<{ shift: PlanningShift; violations: Violation[] }>(`/planning/shifts/${m.shift.id}`, { start: `${m.date}T${clockOf(m.shift.start)}`, employeeId: m.employeeId }),
    onSuccess: (r) => {
      setViolations(r.violations);
      void queryClient.invalidateQueries({ queryKey: ['planning', 'schedule', b.id] });
    },
  });
  const days = Array.from({ length: b.days }, (_, i) => addIsoDays(b.fromDate, i));
  const broken = new Set((violations ?? b.violations).flatMap((v) => v.shiftIds));
  const labels = b.requirement.map((_, k) => `${days[Math.floor((k * b.intervalMinutes) / 1440)]!.slice(5)}`);
  const onDrop = (e: DragEvent, date: string, employeeId: string) => {
    e.preventDefault();
    const shift = b.shifts.find((s) => s.id === e.dataTransfer.getData('text/plain'));
    if (shift) move.mutate({ shift, date, employeeId });
  };
  const shown = violations ?? b.violations;
  return (
    <section className="schedule-board">
      <p>
        <Badge tone={b.status === 'published' ? 'ok' : b.status === 'failed' ? 'warn' : 'accent'}>{t(`planning.schedule.status.${b.status}`)}</Badge>{' '}
        {b.status === 'optimising'
          ? t('planning.schedule.running', { limit: b.timeLimitSeconds, elapsed: b.optimiseStartedAt ? Math.max(0, Math.round((Date.now() - Date.parse(b.optimiseStartedAt)) / 1000)) : 0 })
          : t('planning.schedule.totals', { shifts: b.shifts.length, under: b.under.toFixed(1), over: b.over.toFixed(1), gap: b.optimiser?.gap !== null && b.optimiser?.gap !== undefined ? (100 * b.optimiser.gap).toFixed(1) : '—' })}
      </p>
      {b.optimiser?.problems.length ? <ul className="planning-problems">{b.optimiser.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
      {b.optimiser?.conflicts.length ? <ul className="planning-problems">{b.optimiser.conflicts.map((c, i) => <li key={i}>{c.detail}</li>)}</ul> : null}
      <SeriesChart labels={labels} series={[
        { label: t('planning.schedule.required'), kind: 'step', className: 'series-required', values: b.requirement },
        { label: t('planning.schedule.scheduled'), kind: 'step', className: 'series-scheduled', values: b.scheduled },
      ]} />
      {b.skills.length ? <SkillsTable skills={b.skills} /> : null}
      {shown.length ? (
        <div className="import-report is-bad" role="alert" aria-label={t('planning.schedule.violations')}>
          <strong>{t('planning.schedule.violations')}</strong>
          <ul>{shown.map((v, i) => <li key={i}>{b.employees.find((e) => e.id === v.employeeId)?.name}: {t(`planning.schedule.rules.${v.rule}`, { defaultValue: v.rule })} — {v.detail}</li>)}</ul>
        </div>
      ) : null}
      <ProblemAlert error={move.error} />
      <div className="table-wrap">
        <table className="table schedule-grid" aria-label={t('planning.schedule.grid')}>
          <thead>
            <tr>
              <th>{t('planning.schedule.employee')}</th>
              {days.map((d) => <th key={d} className="nowrap">{d.slice(5)}</th>)}
              <th className="num">{t('planning.schedule.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {b.employees.map((e) => (
              <tr key={e.id}>
                <th scope="row" className="nowrap">{e.name}</th>
                {days.map((d) => (
                  <td key={d} className="schedule-cell" data-date={d} data-employee={e.name} onDragOver={(ev) => ev.preventDefault()} onDrop={(ev) => onDrop(ev, d, e.id)}>
                    {b.shifts.filter((s) => s.employeeId === e.id && s.start.startsWith(d)).map((s) => (
                      <div
                        key={s.id}
                        className={`shift-chip${s.manual ? ' is-manual' : ''}${broken.has(s.id) ? ' is-broken' : ''}`}
                        draggable={b.status !== 'optimising'}
                        onDragStart={(ev) => ev.dataTransfer.setData('text/plain', s.id)}
                        title={`${s.template}: ${s.breaks.map((x) => `${x.name} ${clockOf(x.start)}–${clockOf(x.end)}`).join(', ')}`}
                      >
                        {clockOf(s.start)}–{clockOf(s.end)}
                      </div>
                    ))}
                  </td>
                ))}
                <td className="num nowrap">{e.workedHours.toFixed(0)} / {e.normHours.toFixed(0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SkillsTable({ skills }: { skills: ScheduleBoard['skills'] }) {
  const { t } = useTranslation();
  return (
    <section className="planning-backtest">
      <h2>{t('planning.schedule.skills')}</h2>
      <p className="muted">{t('planning.schedule.skillsHint')}</p>
      <table className="table" aria-label={t('planning.schedule.skills')}>
        <thead><tr><th>{t('planning.schedule.queue')}</th><th className="num">{t('planning.schedule.requiredHeads')}</th><th className="num">{t('planning.schedule.covered')}</th><th className="num">{t('planning.schedule.unmet')}</th></tr></thead>
        <tbody>
          {skills.map((q) => (
            <tr key={q.queue} className={q.unmet > 0 ? 'is-short' : undefined}>
              <td>{q.queue}</td><td className="num">{q.required.toFixed(0)}</td><td className="num">{q.covered.toFixed(0)}</td><td className="num">{q.unmet.toFixed(0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
