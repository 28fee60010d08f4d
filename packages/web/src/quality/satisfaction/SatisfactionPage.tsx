import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table } from '../../ui/Table.tsx';
import { qualityKeys } from '../types.ts';

interface Settings {
  id: string;
  hotlineId: string;
  kind: 'csat' | 'nps';
  question: string;
  allowComment: boolean;
  expiryHours: number;
  lowScoreAtOrBelow: number | null;
  active: boolean;
}
interface Summary {
  csat: { responses: number; satisfied: number; csat: number | null };
  nps: { responses: number; promoters: number; passives: number; detractors: number; nps: number | null };
}
interface Report {
  rows: (Summary & { key: string; name: string })[];
  total: Summary;
}
interface FollowUp {
  id: string;
  contactId: string;
  reason: string;
  dueAt: string;
  status: 'open' | 'done';
  score: number | null;
  comment: string | null;
  subject: string | null;
  agentName: string | null;
  note: string | null;
}

const key = [...qualityKeys.all, 'satisfaction'];
const share = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const nps = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** Customer satisfaction: each hotline's survey, CSAT and NPS by agent / hotline / topic, follow-ups after low scores. */
export function SatisfactionPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const hotlines = useHotlines();
  const [by, setBy] = useState<'agentId' | 'hotlineId' | 'topicId'>('agentId');
  const settings = useQuery({ queryKey: [...key, 'settings'], queryFn: async () => (await api.get<{ items: Settings[] }>('/surveys/settings')).items });
  const report = useQuery({ queryKey: [...key, 'report', by], queryFn: () => api.get<Report>('/surveys/report', { by }) });
  const canResolve = me.permissions.includes('quality.resolve');
  const followUps = useQuery({ queryKey: [...key, 'followUps'], queryFn: async () => (await api.get<{ items: FollowUp[] }>('/surveys/follow-ups')).items, enabled: canResolve });
  const done = useMutation({ mutationFn: (id: string) => api.post(`/surveys/follow-ups/${id}/done`, {}), onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }) });
  return (
    <>
      <PageHeader title={t('quality.satisfaction.title')} subtitle={t('quality.satisfaction.subtitle')} />
      {report.data ? (
        <p className="q-total card">
          CSAT: {share(report.data.total.csat.csat)} ({report.data.total.csat.responses}) · NPS: {nps(report.data.total.nps.nps)} ({report.data.total.nps.responses})
        </p>
      ) : null}
      <h2 className="section-title">{t('quality.satisfaction.settings')}</h2>
      {settings.data && (hotlines.data ?? []).map((h) => (
        <SettingsRow key={h.id} hotlineId={h.id} name={h.name} current={settings.data?.find((s) => s.hotlineId === h.id)} canEdit={me.permissions.includes('quality.manage')} />
      ))}
      <div className="filters">
        <label className="filter"><span>{t('quality.results.by')}</span>
          <select name="satisfactionBy" value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
            <option value="agentId">{t('quality.results.byAgent')}</option>
            <option value="hotlineId">{t('quality.satisfaction.byHotline')}</option>
            <option value="topicId">{t('quality.satisfaction.byTopic')}</option>
          </select>
        </label>
      </div>
      <Table
        caption={t('quality.satisfaction.report')}
        rows={report.data?.rows}
        loading={report.isLoading}
        error={report.error}
        rowKey={(r) => r.key}
        columns={[
          { key: 'name', header: t('quality.satisfaction.key'), render: (r) => r.name },
          { key: 'csatN', header: t('quality.satisfaction.csatAnswers'), className: 'num', render: (r) => r.csat.responses },
          { key: 'csat', header: 'CSAT', className: 'num', render: (r) => share(r.csat.csat) },
          { key: 'npsN', header: t('quality.satisfaction.npsAnswers'), className: 'num', render: (r) => r.nps.responses },
          { key: 'nps', header: 'NPS', className: 'num', render: (r) => nps(r.nps.nps) },
        ]}
      />
      {canResolve ? (
        <>
          <h2 className="section-title">{t('quality.satisfaction.followUps')}</h2>
          <ProblemAlert error={done.error} />
          <Table<FollowUp>
            caption={t('quality.satisfaction.followUps')}
            rows={followUps.data}
            loading={followUps.isLoading}
            error={followUps.error}
            rowKey={(f) => f.id}
            columns={[
              { key: 'subject', header: t('quality.evaluations.contact'), render: (f) => f.subject ?? f.contactId.slice(0, 8) },
              { key: 'agent', header: t('quality.agent'), render: (f) => f.agentName ?? '—' },
              { key: 'reason', header: t('quality.satisfaction.reason'), render: (f) => `${f.reason}${f.comment ? ` — «${f.comment}»` : ''}` },
              { key: 'due', header: t('quality.evaluations.due'), className: 'nowrap', render: (f) => formatDateTime(f.dueAt) },
              { key: 'status', header: t('quality.evaluations.status'), render: (f) => t(`quality.satisfaction.status.${f.status}`) },
              { key: 'done', header: '', className: 'actions', render: (f) => (f.status === 'open' ? <Button size="sm" onClick={() => done.mutate(f.id)}>{t('quality.satisfaction.done')}</Button> : null) },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

function SettingsRow({ hotlineId, name, current, canEdit }: { hotlineId: string; name: string; current: Settings | undefined; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => ({ kind: current?.kind ?? 'csat', question: current?.question ?? '', active: current?.active ?? true }));
  const save = useMutation({
    mutationFn: () => api.post('/surveys/settings', { hotlineId, ...form, lowScoreAtOrBelow: current?.lowScoreAtOrBelow ?? null, expiryHours: current?.expiryHours ?? 72, allowComment: current?.allowComment ?? true }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  return (
    <fieldset className="card q-row" disabled={!canEdit} aria-label={name}>
      <strong className="filter">{name}</strong>
      <label className="filter"><span>{t('quality.satisfaction.kind')}</span>
        <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'csat' | 'nps' })}>
          <option value="csat">CSAT (1–5)</option>
          <option value="nps">NPS (0–10)</option>
        </select>
      </label>
      <label className="filter filter-grow"><span>{t('quality.satisfaction.question')}</span>
        <input value={form.question} onChange={(e) => setForm({ ...form, question: e.target.value })} />
      </label>
      <label className="filter filter-check"><input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} /> {t('quality.satisfaction.active')}</label>
      <Button size="sm" busy={save.isPending} onClick={() => save.mutate()}>{t('common.save')}</Button>
      {save.isSuccess ? <span className="small muted">{t('quality.scorecards.saved')}</span> : null}
      <ProblemAlert error={save.error} />
    </fieldset>
  );
}
