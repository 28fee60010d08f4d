import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { caseTitle } from './labels.ts';
import type { Case, OutageNotice, Problem } from './types.ts';
import { caseKeys } from './useCases.ts';
import './cases.css';

/**
 * Problems and outage notices: incidents with a common cause are linked to a problem; from the
 * problem (or for a planned maintenance on a hotline) a suspension and later a resumption notice
 * goes to every affected customer and lands on their timelines.
 */
export function ProblemsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const problems = useQuery({ queryKey: caseKeys.problems, queryFn: () => fetchAll<Problem>('/problems') });
  const [title, setTitle] = useState('');
  const hotlines = useHotlines();
  const [hotlineId, setHotlineId] = useState('');
  const create = useMutation({
    mutationFn: () => api.post<Problem>('/problems', { title, hotlineId: hotlineId || null }),
    onSuccess: () => {
      setTitle('');
      void queryClient.invalidateQueries({ queryKey: caseKeys.problems });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageHeader title={t('cases.problems.title')} subtitle={t('cases.problems.subtitle')} actions={<Link className="btn" to="/desk/cases">{t('cases.title')}</Link>} />
      {me.permissions.includes('cases.edit') ? (
        <form className="card case-filters" onSubmit={submit} aria-label={t('cases.problems.create')}>
          <TextField label={t('cases.problems.problemTitle')} value={title} onChange={setTitle} error={fieldErrors(create.error)['title']} />
          <SelectField label={t('cases.hotline')} value={hotlineId} onChange={setHotlineId}
            options={[{ value: '', label: '—' }, ...(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))]} />
          <Button type="submit" variant="primary" busy={create.isPending}>{t('cases.problems.create')}</Button>
        </form>
      ) : null}
      <ProblemAlert error={problems.error} />
      {(problems.data ?? []).map((p) => <ProblemCard key={p.id} p={p} />)}
      {problems.data && problems.data.length === 0 ? <p className="muted">{t('cases.problems.empty')}</p> : null}
      {me.permissions.includes('cases.notify') ? <NoticeForm /> : null}
    </>
  );
}

function ProblemCard({ p }: { p: Problem }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const incidents = useQuery({ queryKey: [...caseKeys.cases, 'problem', p.id], queryFn: () => fetchAll<Case>('/cases', { problemId: p.id }) });
  const open = useQuery({ queryKey: [...caseKeys.cases, 'open-incidents'], queryFn: () => fetchAll<Case>('/cases', { type: 'incident', open: 'true' }) });
  const notices = useQuery({ queryKey: [...caseKeys.problems, p.id, 'notices'], queryFn: () => fetchAll<OutageNotice>('/outage-notices', { problemId: p.id }) });
  const [caseId, setCaseId] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.cases });
    void queryClient.invalidateQueries({ queryKey: caseKeys.problems });
    void queryClient.invalidateQueries({ queryKey: keys.customers });
  };
  const link = useMutation({ mutationFn: () => api.post(`/problems/${p.id}/incidents`, { caseId }), onSuccess: refresh });
  const notify = useMutation({
    mutationFn: (kind: 'suspension' | 'resumption') =>
      api.post<OutageNotice>(`/problems/${p.id}/notices`, { kind, subject: t(`cases.notice.${kind}Subject`, { title: p.title }), body: t(`cases.notice.${kind}Body`, { title: p.title }) }),
    onSuccess: refresh,
  });
  const candidates = (open.data ?? []).filter((c) => c.problemId !== p.id);
  return (
    <section className="card" aria-label={p.title}>
      <h2 className="section-title">{p.title} <Badge tone={p.status === 'open' ? 'warn' : 'ok'}>{t(`cases.problems.${p.status}`)}</Badge></h2>
      {p.description ? <p className="muted">{p.description}</p> : null}
      <h3>{t('cases.problems.incidents')}</h3>
      <ul>
        {(incidents.data ?? []).map((c) => <li key={c.id}><Link to={`/desk/cases/${c.id}`}>{caseTitle(c)}</Link></li>)}
      </ul>
      <ProblemAlert error={link.error ?? notify.error} />
      {me.permissions.includes('cases.edit') && candidates.length > 0 ? (
        <div className="case-filters">
          <SelectField label={t('cases.problems.linkIncident')} value={caseId} onChange={setCaseId}
            options={[{ value: '', label: '—' }, ...candidates.map((c) => ({ value: c.id, label: caseTitle(c) }))]} />
          <Button disabled={!caseId} busy={link.isPending} onClick={() => link.mutate()}>{t('cases.problems.link')}</Button>
        </div>
      ) : null}
      {me.permissions.includes('cases.notify') ? (
        <div className="case-actions">
          <Button busy={notify.isPending} onClick={() => notify.mutate('suspension')}>{t('cases.notice.sendSuspension')}</Button>
          <Button busy={notify.isPending} onClick={() => notify.mutate('resumption')}>{t('cases.notice.sendResumption')}</Button>
        </div>
      ) : null}
      <ul aria-label={t('cases.notice.sent')}>
        {(notices.data ?? []).map((n) => (
          <li key={n.id}>{t(`cases.notice.${n.kind}`)} · {n.subject} · {t('cases.notice.recipients', { count: n.recipients })} · <span className="muted small">{formatDateTime(n.createdAt)}</span></li>
        ))}
      </ul>
    </section>
  );
}

/** A planned maintenance: a notice to everyone who has contacted the hotline. */
function NoticeForm() {
  const { t } = useTranslation();
  const hotlines = useHotlines();
  const [form, setForm] = useState({ hotlineId: '', kind: 'suspension', subject: '', body: '' });
  const send = useMutation({ mutationFn: () => api.post<OutageNotice>('/outage-notices', form, crypto.randomUUID()) });
  const errors = fieldErrors(send.error);
  return (
    <form className="card case-form" onSubmit={(e) => { e.preventDefault(); send.mutate(); }} aria-label={t('cases.notice.maintenance')}>
      <h2 className="section-title">{t('cases.notice.maintenance')}</h2>
      <ProblemAlert error={send.error} />
      {send.data ? <p role="status">{t('cases.notice.recipients', { count: send.data.recipients })}</p> : null}
      <SelectField label={t('cases.hotline')} value={form.hotlineId} onChange={(v) => setForm({ ...form, hotlineId: v })} error={errors['hotlineId']}
        options={[{ value: '', label: '—' }, ...(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))]} />
      <SelectField label={t('cases.notice.kind')} value={form.kind} onChange={(v) => setForm({ ...form, kind: v })}
        options={['suspension', 'resumption'].map((k) => ({ value: k, label: t(`cases.notice.${k}`) }))} />
      <TextField label={t('cases.notice.subject')} value={form.subject} onChange={(v) => setForm({ ...form, subject: v })} error={errors['subject']} />
      <div className="field">
        <label htmlFor="notice-body">{t('cases.notice.body')}</label>
        <textarea id="notice-body" value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} />
      </div>
      <Button type="submit" variant="primary" busy={send.isPending}>{t('cases.notice.send')}</Button>
    </form>
  );
}
