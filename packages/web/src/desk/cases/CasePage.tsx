import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { priorityTone, statusTone } from './labels.ts';
import { SlaBadge } from './SlaBadge.tsx';
import type { Case, CaseEvent, CaseStatus } from './types.ts';
import { caseKeys, useCaseUpdates, useGroups, useMembers } from './useCases.ts';
import './cases.css';

const ANSWER_CHANNELS = ['email', 'letter', 'phone', 'sms', 'messenger', 'walkin'] as const;

/** The case card: fields, SLA countdowns, the legal status moves, assignment, escalation, a complaint's decision, comments and the timeline. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = me.permissions.includes('cases.edit');
  const queryClient = useQueryClient();
  useCaseUpdates();
  const key = [...caseKeys.cases, id];
  const item = useQuery({ queryKey: key, queryFn: () => api.get<Case>(`/cases/${id}`), refetchInterval: 60_000 });
  const events = useQuery({ queryKey: [...key, 'events'], queryFn: () => api.get<{ items: CaseEvent[] }>(`/cases/${id}/events`) });
  const hotlines = useHotlines();
  const groups = useGroups();
  const groupName = useMemo(() => new Map((groups.data ?? []).map((g) => [g.id, g.name])), [groups.data]);
  const c = item.data;
  const members = useMembers(c?.groupId ?? null);
  const memberName = new Map((members.data ?? []).map((m) => [m.userId, m.name]));

  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body: object }) => api.post<Case>(`/cases/${id}/${path}`, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(key, updated);
      void queryClient.invalidateQueries({ queryKey: caseKeys.cases });
      // Cases show on the customer's timeline.
      void queryClient.invalidateQueries({ queryKey: keys.customers });
    },
  });
  const errors = fieldErrors(act.error);

  if (item.error) return <ProblemAlert error={item.error} />;
  if (!c) return <p className="muted">{t('common.loading')}</p>;
  const complaintBlocked = c.type === 'complaint' && (!c.decision || !c.answerSentAt) && c.status !== 'resolved' && c.status !== 'closed';

  return (
    <div className="case-page">
      <header className="page-header">
        <div>
          <h1>№ {c.number} · {c.subject}</h1>
          <p className="chips">
            <Badge>{t(`cases.types.${c.type}`)}</Badge>{' '}
            <Badge tone={statusTone(c.status)}>{t(`cases.statuses.${c.status}`)}</Badge>{' '}
            <Badge tone={priorityTone(c.priority)}>{t(`cases.priorities.${c.priority}`)}</Badge>
          </p>
        </div>
      </header>
      <div className="case-slas" aria-label={t('cases.sla.title')}>
        <SlaBadge clock={c.sla.response} label={t('cases.sla.response')} />
        <SlaBadge clock={c.sla.resolution} label={t('cases.sla.resolution')} />
        {c.decisionDueAt ? <span className="sla sla-none">{t('cases.decisionDue', { at: formatDateTime(c.decisionDueAt) })}</span> : null}
      </div>
      <ProblemAlert error={act.error} />
      {canEdit ? (
        <div className="case-actions" role="group" aria-label={t('cases.moves')}>
          {c.allowedStatuses.map((s: CaseStatus) => (
            <Button key={s} variant={s === 'resolved' ? 'primary' : 'secondary'} busy={act.isPending}
              onClick={() => act.mutate({ path: 'status', body: { status: s } })}>
              {t(`cases.to.${s}`)}
            </Button>
          ))}
        </div>
      ) : null}
      {complaintBlocked ? <p className="small muted">{t('cases.complaintNeeds')}</p> : null}

      <div className="case-layout">
        <section>
          <dl className="facts facts-3">
            <div><dt>{t('cases.hotline')}</dt><dd>{hotlines.data?.find((h) => h.id === c.hotlineId)?.name ?? ''}</dd></div>
            <div><dt>{t('cases.customer')}</dt><dd>{c.customerId ? <Link to={`/desk/customers/${c.customerId}`}>{t('cases.openCard')}</Link> : '—'}</dd></div>
            <div><dt>{t('cases.group')}</dt><dd>{c.groupId ? groupName.get(c.groupId) ?? '—' : '—'}</dd></div>
            <div><dt>{t('cases.assignee')}</dt><dd>{c.assigneeId ? memberName.get(c.assigneeId) ?? (c.assigneeId === me.id ? me.name : '…') : '—'}</dd></div>
            <div><dt>{t('common.created')}</dt><dd>{formatDateTime(c.createdAt)}</dd></div>
            <div><dt>{t('cases.escalationLevel')}</dt><dd>{c.escalationLevel}</dd></div>
            <div><dt>{t('cases.impact')} / {t('cases.urgency')}</dt><dd>{t(`cases.levels.${c.impact}`)} / {t(`cases.levels.${c.urgency}`)}</dd></div>
            {c.type === 'complaint' ? <div><dt>{t('cases.department')}</dt><dd>{c.departmentId ? groupName.get(c.departmentId) ?? '—' : '—'}</dd></div> : null}
          </dl>
          {c.description ? <p className="notes">{c.description}</p> : null}
          {c.type === 'complaint' ? <ComplaintPanel c={c} canEdit={canEdit} onAct={(path, body) => act.mutate({ path, body })} busy={act.isPending} errors={errors} /> : null}
          <h2 className="section-title">{t('cases.timeline')}</h2>
          <ProblemAlert error={events.error} />
          <ol className="case-events" aria-label={t('cases.timeline')}>
            {(events.data?.items ?? []).map((e) => <EventItem key={e.id} e={e} groupName={groupName} />)}
          </ol>
          {canEdit ? <CommentForm onSend={(text) => act.mutate({ path: 'comments', body: { text } })} busy={act.isPending} /> : null}
        </section>
        {canEdit && c.status !== 'closed' ? (
          <aside className="card case-side">
            <AssignForm c={c} onAssign={(body) => act.mutate({ path: 'assign', body })} busy={act.isPending} />
            <EscalateForm onEscalate={(reason) => act.mutate({ path: 'escalate', body: { reason } })} busy={act.isPending} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}

function EventItem({ e, groupName }: { e: CaseEvent; groupName: Map<string, string> }) {
  const { t } = useTranslation();
  const d = e.data as Record<string, string | boolean | undefined>;
  let text = '';
  if (e.kind === 'status') text = `${t(`cases.statuses.${d.from}`)} → ${t(`cases.statuses.${d.to}`)}${d.comment ? `: ${d.comment}` : ''}`;
  else if (e.kind === 'comment') text = String(d.text ?? '');
  else if (e.kind === 'escalated') text = `${groupName.get(String(d.toGroupId)) ?? ''} — ${d.reason ?? ''}${d.automatic ? ` (${t('cases.automatic')})` : ''}`;
  else if (e.kind === 'assigned') text = d.groupId ? groupName.get(String(d.groupId)) ?? '' : '';
  else if (e.kind === 'decision') text = String(d.decision ?? '');
  else if (e.kind === 'answer') text = `${d.answer ?? ''} (${t(`cases.channels.${d.channel}`)})`;
  else if (e.kind === 'sla') text = t(`cases.signals.${d.signal}`);
  return (
    <li>
      <strong>{t(`cases.events.${e.kind}`, { defaultValue: e.kind })}</strong>{' '}
      <span className="muted small">{formatDateTime(e.createdAt)} · {e.actorName ?? ''}</span>
      {text ? <p className="case-event-text">{text}</p> : null}
    </li>
  );
}

function CommentForm({ onSend, busy }: { onSend: (text: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    onSend(text.trim());
    setText('');
  };
  return (
    <form onSubmit={submit} className="case-form">
      <div className="field">
        <label htmlFor="case-comment">{t('cases.comment')}</label>
        <textarea id="case-comment" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <Button type="submit" busy={busy}>{t('cases.addComment')}</Button>
    </form>
  );
}

function AssignForm({ c, onAssign, busy }: { c: Case; onAssign: (body: object) => void; busy: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const groups = useGroups();
  const [groupId, setGroupId] = useState(c.groupId ?? '');
  const members = useMembers(groupId || null);
  const [assigneeId, setAssigneeId] = useState(c.assigneeId ?? '');
  return (
    <div>
      <h2 className="section-title">{t('cases.assign')}</h2>
      <SelectField label={t('cases.group')} value={groupId} onChange={(v) => { setGroupId(v); setAssigneeId(''); }}
        options={[{ value: '', label: '—' }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]} />
      <SelectField label={t('cases.assignee')} value={assigneeId} onChange={setAssigneeId}
        options={[{ value: '', label: '—' }, ...(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))]} />
      <div className="case-actions">
        <Button busy={busy} onClick={() => onAssign({ groupId: groupId || null, assigneeId: assigneeId || null })}>{t('cases.assign')}</Button>
        <Button variant="ghost" busy={busy} onClick={() => onAssign({ assigneeId: me.id })}>{t('cases.take')}</Button>
      </div>
    </div>
  );
}

function EscalateForm({ onEscalate, busy }: { onEscalate: (reason: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (reason.trim()) onEscalate(reason.trim()); }}>
      <h2 className="section-title">{t('cases.escalate')}</h2>
      <div className="field">
        <label htmlFor="case-escalate-reason">{t('cases.escalateReason')}</label>
        <textarea id="case-escalate-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <Button type="submit" busy={busy}>{t('cases.escalate')}</Button>
    </form>
  );
}

function ComplaintPanel({ c, canEdit, onAct, busy, errors }: { c: Case; canEdit: boolean; onAct: (path: string, body: object) => void; busy: boolean; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState(c.decision ?? '');
  const [answer, setAnswer] = useState(c.answer ?? '');
  const [channel, setChannel] = useState(c.answerChannel ?? 'email');
  const open = c.status !== 'resolved' && c.status !== 'closed';
  return (
    <section className="card" aria-label={t('cases.complaint')}>
      <h2 className="section-title">{t('cases.complaint')}</h2>
      {c.decision ? <p><strong>{t('cases.decision')}:</strong> {c.decision} <span className="muted small">{formatDateTime(c.decisionAt)}</span></p> : null}
      {c.answerSentAt ? <p><strong>{t('cases.answer')}:</strong> {c.answer} <span className="muted small">({t(`cases.channels.${c.answerChannel}`)}, {formatDateTime(c.answerSentAt)})</span></p> : null}
      {canEdit && open ? (
        <>
          <form onSubmit={(e) => { e.preventDefault(); onAct('decision', { decision }); }}>
            <div className={`field${errors['decision'] ? ' has-error' : ''}`}>
              <label htmlFor="case-decision">{t('cases.decision')}</label>
              <textarea id="case-decision" value={decision} onChange={(e) => setDecision(e.target.value)} />
            </div>
            <Button type="submit" busy={busy}>{t('cases.recordDecision')}</Button>
          </form>
          {c.decision ? (
            <form onSubmit={(e) => { e.preventDefault(); onAct('answer', { answer, channel }); }}>
              <div className="field">
                <label htmlFor="case-answer">{t('cases.answer')}</label>
                <textarea id="case-answer" value={answer} onChange={(e) => setAnswer(e.target.value)} />
              </div>
              <SelectField label={t('cases.answerChannel')} value={channel} onChange={setChannel}
                options={ANSWER_CHANNELS.map((x) => ({ value: x, label: t(`cases.channels.${x}`) }))} />
              <Button type="submit" busy={busy}>{t('cases.recordAnswer')}</Button>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
