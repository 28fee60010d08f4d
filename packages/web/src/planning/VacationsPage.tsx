import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Button } from '../ui/Button.tsx';
import { TextField } from '../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../ui/ProblemAlert.tsx';

interface VacationPlan {
  year: number;
  parts: Array<{ id: string; employeeId: string; employeeName: string; from: string; to: string; days: number }>;
  months: Array<{ month: number; requiredFte: number; availableFte: number; minAvailable: number }>;
  conflicts: Array<{ kind: string; employeeId?: string; from?: string; to?: string; detail: string }>;
}

/** W5: the yearly vacation plan (28 days, one part ≥ 14) spread away from the peak months; conflicts shown. */
export function VacationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const key = ['planning', 'vacations', year];
  const plan = useQuery({ queryKey: key, queryFn: () => api.get<VacationPlan>('/planning/vacations', { year }), enabled: /^\d{4}$/.test(year), retry: false });
  const build = useMutation({
    mutationFn: () => api.post<VacationPlan>('/planning/vacations/plan', { year: Number(year) }),
    onSuccess: (p) => queryClient.setQueryData(key, p),
  });
  const errors = fieldErrors(build.error);
  const p = plan.data;
  const byEmployee = new Map<string, VacationPlan['parts']>();
  for (const part of p?.parts ?? []) byEmployee.set(part.employeeName, [...(byEmployee.get(part.employeeName) ?? []), part]);
  return (
    <>
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); build.mutate(); }}>
        <TextField label={t('planning.vacations.year')} name="year" type="number" value={year} error={errors.year} onChange={setYear} />
        <div className="page-actions"><Button type="submit" variant="primary" busy={build.isPending}>{t('planning.vacations.plan')}</Button></div>
      </form>
      <ProblemAlert error={build.error} />
      {p && p.parts.length === 0 ? <p className="muted">{t('planning.vacations.none')}</p> : null}
      {p?.conflicts.length ? (
        <div className="import-report is-bad" role="alert"><strong>{t('planning.vacations.conflicts')}</strong><ul>{p.conflicts.map((c, i) => <li key={i}>{c.detail}</li>)}</ul></div>
      ) : null}
      {p && p.parts.length ? (
        <>
          <table className="table" aria-label={t('planning.vacations.months')}>
            <thead><tr><th>{t('planning.vacations.month')}</th><th className="num">{t('planning.vacations.required')}</th><th className="num">{t('planning.vacations.available')}</th><th className="num">{t('planning.vacations.minAvailable')}</th></tr></thead>
            <tbody>{p.months.map((m) => <tr key={m.month} className={m.minAvailable < m.requiredFte ? 'is-short' : undefined}><td>{m.month}</td><td className="num">{m.requiredFte.toFixed(1)}</td><td className="num">{m.availableFte.toFixed(1)}</td><td className="num">{m.minAvailable}</td></tr>)}</tbody>
          </table>
          <table className="table" aria-label={t('planning.vacations.parts')}>
            <thead><tr><th>{t('planning.schedule.employee')}</th><th>{t('planning.vacations.parts')}</th></tr></thead>
            <tbody>{[...byEmployee].map(([name, parts]) => <tr key={name}><td>{name}</td><td>{parts.map((x) => `${x.from} — ${x.to} (${x.days})`).join('; ')}</td></tr>)}</tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
