import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { clockOf, type EmployeePreferences, type PlanningShift, type ShiftRequest } from '../../planning/api.ts';
import { firstError } from '../../planning/availability.ts';
import '../../planning/planning.css';

interface MySchedule {
  employee: { id: string; name: string; preferences: EmployeePreferences; unavailable: Array<{ from: string; to: string }> } | null;
  shifts: Array<PlanningShift & { scheduleId: string; queueName: string }>;
  colleagues: Array<{ id: string; name: string }>;
  requests: ShiftRequest[];
}

const weekdayOf = (date: string, lang: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(lang, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The operator's published shifts (with breaks), and requests to swap a shift or take time off. */
export function MySchedulePage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ['planning', 'my-schedule'], queryFn: () => api.get<MySchedule>('/planning/my-schedule') });
  const [swap, setSwap] = useState({ shiftId: '', otherEmployeeId: '' });
  const [off, setOff] = useState({ fromDate: '', toDate: '', note: '' });
  const done = () => queryClient.invalidateQueries({ queryKey: ['planning', 'my-schedule'] });
  const askSwap = useMutation({ mutationFn: () => api.post('/planning/my-requests', { kind: 'swap', ...swap }), onSuccess: done });
  const askOff = useMutation({ mutationFn: () => api.post('/planning/my-requests', { kind: 'time_off', ...off }), onSuccess: done });
  const m = mine.data;
  if (mine.error) return <ProblemAlert error={mine.error} />;
  if (!m) return <p className="muted">{t('common.loading')}</p>;
  if (!m.employee) return <p className="muted">{t('mySchedule.notEmployee')}</p>;
  const offErrors = fieldErrors(askOff.error);
  return (
    <section className="my-schedule">
      <h1>{t('mySchedule.title')}</h1>
      {m.shifts.length === 0 ? <p className="muted">{t('mySchedule.none')}</p> : (
        <table className="table" aria-label={t('mySchedule.title')}>
          <thead><tr><th>{t('mySchedule.day')}</th><th>{t('mySchedule.shift')}</th><th>{t('mySchedule.breaks')}</th><th>{t('mySchedule.queue')}</th></tr></thead>
          <tbody>
            {m.shifts.map((s) => (
              <tr key={s.id} data-start={s.start}>
                <td className="nowrap">{weekdayOf(s.start.slice(0, 10), i18n.language)}</td>
                <td className="nowrap"><strong>{clockOf(s.start)}–{clockOf(s.end)}</strong></td>
                <td>{s.breaks.map((b) => `${b.name} ${clockOf(b.start)}–${clockOf(b.end)}`).join(', ')}</td>
                <td>{s.queueName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m.shifts.length ? (
        <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); askSwap.mutate(); }}>
          <SelectField label={t('mySchedule.swapShift')} name="shiftId" value={swap.shiftId} onChange={(shiftId) => setSwap((x) => ({ ...x, shiftId }))}
            options={[{ value: '', label: t('common.choose') }, ...m.shifts.map((s) => ({ value: s.id, label: `${s.start.slice(0, 10)} ${clockOf(s.start)}–${clockOf(s.end)}` }))]} />
          <SelectField label={t('mySchedule.colleague')} name="otherEmployeeId" value={swap.otherEmployeeId} onChange={(otherEmployeeId) => setSwap((x) => ({ ...x, otherEmployeeId }))}
            options={[{ value: '', label: t('common.choose') }, ...m.colleagues.map((c) => ({ value: c.id, label: c.name }))]} />
          <div className="page-actions"><Button type="submit" busy={askSwap.isPending} disabled={!swap.shiftId || !swap.otherEmployeeId}>{t('mySchedule.askSwap')}</Button></div>
        </form>
      ) : null}
      <ProblemAlert error={askSwap.error} />
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); askOff.mutate(); }}>
        <TextField label={t('mySchedule.offFrom')} name="offFrom" type="date" value={off.fromDate} error={offErrors.fromDate} onChange={(fromDate) => setOff((x) => ({ ...x, fromDate }))} />
        <TextField label={t('mySchedule.offTo')} name="offTo" type="date" value={off.toDate} error={offErrors.toDate} onChange={(toDate) => setOff((x) => ({ ...x, toDate }))} />
        <TextField label={t('mySchedule.note')} name="note" value={off.note} onChange={(note) => setOff((x) => ({ ...x, note }))} />
        <div className="page-actions"><Button type="submit" busy={askOff.isPending}>{t('mySchedule.askOff')}</Button></div>
      </form>
      <PreferencesForm key={m.employee.id} current={m.employee.preferences} onSaved={done} />
      {m.requests.length ? (
        <>
          <h2>{t('mySchedule.requests')}</h2>
          <ul>
            {m.requests.map((r) => (
              <li key={r.id}>
                {r.kind === 'swap' ? t('mySchedule.swapLine', { start: r.shiftStart?.replace('T', ' ') ?? '—', other: r.otherEmployeeName }) : t('mySchedule.offLine', { from: r.fromDate, to: r.toDate })}{' '}
                <Badge tone={r.status === 'approved' ? 'ok' : r.status === 'rejected' ? 'muted' : 'accent'}>{t(`mySchedule.status.${r.status}`)}</Badge>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const dates = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** The operator's own wishes (days off, earliest start, latest end): the planner's optimisation weighs them. */
function PreferencesForm({ current, onSaved }: { current: EmployeePreferences; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ daysOff: current.daysOff?.join(', ') ?? '', earliestStart: current.earliestStart ?? '', latestEnd: current.latestEnd ?? '' });
  const save = useMutation({
    mutationFn: () => api.put('/planning/my-preferences', {
      ...(dates(form.daysOff).length ? { daysOff: dates(form.daysOff) } : {}),
      ...(form.earliestStart ? { earliestStart: form.earliestStart } : {}),
      ...(form.latestEnd ? { latestEnd: form.latestEnd } : {}),
    }),
    onSuccess: onSaved,
  });
  const errors = fieldErrors(save.error);
  return (
    <section aria-label={t('mySchedule.preferences')}>
      <h2>{t('mySchedule.preferences')}</h2>
      <p className="muted">{t('mySchedule.preferencesHint')}</p>
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <TextField label={t('mySchedule.daysOff')} name="daysOff" value={form.daysOff} error={firstError(errors, 'daysOff')} hint={t('mySchedule.daysOffHint')} onChange={(daysOff) => setForm((x) => ({ ...x, daysOff }))} />
        <TextField label={t('mySchedule.earliestStart')} name="earliestStart" type="time" value={form.earliestStart} error={errors.earliestStart} onChange={(earliestStart) => setForm((x) => ({ ...x, earliestStart }))} />
        <TextField label={t('mySchedule.latestEnd')} name="latestEnd" type="time" value={form.latestEnd} error={errors.latestEnd} onChange={(latestEnd) => setForm((x) => ({ ...x, latestEnd }))} />
        <div className="page-actions"><Button type="submit" busy={save.isPending}>{t('mySchedule.savePreferences')}</Button></div>
      </form>
      {save.isSuccess ? <p role="status">{t('mySchedule.preferencesSaved')}</p> : null}
      <ProblemAlert error={save.error} />
    </section>
  );
}
