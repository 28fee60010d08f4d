import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Badge } from '../ui/Badge.tsx';
import { Button } from '../ui/Button.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import type { ShiftRequest } from './api.ts';

/** Operators' swap and time-off requests, approved or rejected by the planner or group lead. */
export function RequestsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const requests = useQuery({ queryKey: ['planning', 'requests'], queryFn: () => api.get<{ items: ShiftRequest[] }>('/planning/requests').then((r) => r.items) });
  const decide = useMutation({
    mutationFn: (d: { id: string; approve: boolean }) => api.post(`/planning/requests/${d.id}/decide`, { approve: d.approve }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['planning'] }),
  });
  if (!requests.data?.length) return null;
  return (
    <section className="planning-requests">
      <h2>{t('planning.requests.title')}</h2>
      <ProblemAlert error={decide.error} />
      <table className="table">
        <tbody>
          {requests.data.map((r) => (
            <tr key={r.id}>
              <td>{r.employeeName}</td>
              <td>{r.kind === 'swap' ? t('planning.requests.swap', { start: r.shiftStart?.replace('T', ' ') ?? '—', other: r.otherEmployeeName }) : t('planning.requests.timeOff', { from: r.fromDate, to: r.toDate })}</td>
              <td>{r.note}</td>
              <td>
                {r.status === 'pending' ? (
                  <>
                    <Button size="sm" onClick={() => decide.mutate({ id: r.id, approve: true })}>{t('planning.requests.approve')}</Button>{' '}
                    <Button size="sm" onClick={() => decide.mutate({ id: r.id, approve: false })}>{t('planning.requests.reject')}</Button>
                  </>
                ) : <Badge tone={r.status === 'approved' ? 'ok' : 'muted'}>{t(`planning.requests.${r.status}`)}</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
