import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table } from '../../ui/Table.tsx';
import { useGroups, usePeople, useScorecards } from '../common/useQualityData.ts';
import { qualityKeys, type Plan } from '../types.ts';
import { PlanDialog } from './PlanDialog.tsx';

interface RunResult {
  created: number;
  unassigned: number;
  load: { specialistId: string; assigned: number; daysOfWork: number }[];
}

/** Sampling plans: N contacts per agent per period of a hotline or group; «Run» samples and assigns evaluations. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = me.permissions.includes('quality.manage');
  const queryClient = useQueryClient();
  const plans = useQuery({ queryKey: qualityKeys.plans, queryFn: () => fetchAll<Plan>('/quality/plans') });
  const cards = useScorecards();
  const groups = useGroups();
  const hotlines = useHotlines();
  const people = usePeople();
  const [creating, setCreating] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const run = useMutation({
    mutationFn: (id: string) => api.post<RunResult>(`/quality/plans/${id}/run`, {}),
    onSuccess: (r) => {
      setResult(r);
      void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
    },
  });
  const scope = (p: Plan) => [p.hotlineId ? hotlines.data?.find((h) => h.id === p.hotlineId)?.name : null, p.groupId ? groups.data?.find((g) => g.id === p.groupId)?.name : null].filter(Boolean).join(' · ') || t('common.all');
  return (
    <>
      <PageHeader title={t('quality.plans.title')} subtitle={t('quality.plans.subtitle')} actions={canManage ? <Button variant="primary" onClick={() => setCreating(true)}>{t('quality.plans.create')}</Button> : null} />
      <ProblemAlert error={run.error} />
      {result ? (
        <div className="alert alert-success" role="status">
          {t('quality.plans.ran', { created: result.created, unassigned: result.unassigned })}{' '}
          {result.load.filter((l) => l.assigned > 0).map((l) => `${people.names.get(l.specialistId) ?? ''}: ${l.assigned}`).join(', ')}
        </div>
      ) : null}
      <Table<Plan>
        rows={plans.data}
        loading={plans.isLoading}
        error={plans.error}
        rowKey={(p) => p.id}
        columns={[
          { key: 'name', header: t('quality.plans.name'), render: (p) => p.name },
          { key: 'card', header: t('quality.scorecard'), render: (p) => cards.data?.find((c) => c.id === p.scorecardId)?.title ?? '' },
          { key: 'scope', header: t('quality.plans.scope'), render: scope },
          { key: 'n', header: t('quality.plans.perAgent'), className: 'num', render: (p) => `${p.perAgent} / ${t(`quality.period.${p.period}`)}` },
          { key: 'strata', header: t('quality.plans.strata'), render: (p) => (p.strata.length ? p.strata.map((s) => t(`quality.strata.${s}`)).join(', ') : t('quality.plans.random')) },
          { key: 'who', header: t('quality.plans.specialists'), render: (p) => p.specialistIds.map((id) => people.names.get(id) ?? '').join(', ') },
          { key: 'last', header: t('quality.plans.lastRun'), className: 'nowrap', render: (p) => (p.lastRunAt ? formatDateTime(p.lastRunAt) : '—') },
          { key: 'run', header: '', className: 'actions', render: (p) => (canManage ? <Button size="sm" busy={run.isPending && run.variables === p.id} onClick={() => run.mutate(p.id)}>{t('quality.plans.run')}</Button> : null) },
        ]}
      />
      {creating ? <PlanDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}
