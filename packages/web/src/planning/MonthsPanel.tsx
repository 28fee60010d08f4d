import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { TextField } from '../ui/Field.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { seconds, type MonthPlan, type PlanningQueue } from './api.ts';

/** W2 long term: months ahead — forecast calls per month, agent-hours and the heads they need. */
export function MonthsPanel({ queue }: { queue: PlanningQueue }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ months: '6', shrinkage: '0.3' });
  const plan = useQuery({
    queryKey: ['planning', 'long-term', queue.id, form.months, form.shrinkage],
    queryFn: () => api.get<{ months: MonthPlan[] }>(`/planning/queues/${queue.id}/long-term`, { months: form.months, shrinkage: form.shrinkage }).then((r) => r.months),
    retry: false,
  });
  const name = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <section className="planning-months" aria-label={t('planning.months.title')}>
      <h2>{t('planning.months.title')}</h2>
      <p className="muted">{t('planning.months.hint')}</p>
      <div className="planning-toolbar">
        <TextField label={t('planning.months.count')} name="months" type="number" min={1} max={24} value={form.months} onChange={(months) => setForm((f) => ({ ...f, months }))} />
        <TextField label={t('planning.months.shrinkage')} name="shrinkage" type="number" step="0.05" value={form.shrinkage} onChange={(shrinkage) => setForm((f) => ({ ...f, shrinkage }))} />
      </div>
      <ProblemAlert error={plan.error} />
      {plan.data ? (
        <table className="table" aria-label={t('planning.months.title')}>
          <thead>
            <tr>
              <th>{t('planning.months.month')}</th><th className="num">{t('planning.months.openDays')}</th><th className="num">{t('planning.offered')}</th><th className="num">{t('planning.aht')}</th>
              <th className="num">{t('planning.months.agentHours')}</th><th className="num">{t('planning.months.norm')}</th><th className="num">FTE</th><th className="num">{t('planning.months.heads')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.data.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <td>{name(m.month)}</td><td className="num">{m.openDays}</td><td className="num">{m.calls.toLocaleString(i18n.language)}</td><td className="num">{seconds(m.ahtSeconds)}</td>
                <td className="num">{Math.round(m.agentHours).toLocaleString(i18n.language)}</td><td className="num">{m.normHours}</td><td className="num">{m.fte.toFixed(1)}</td><td className="num"><strong>{m.heads}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
