import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { scoreQualityEvaluation, type QualityAnswer } from '@linia/engine';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { withAnswer } from '../common/CriterionAnswer.tsx';
import { ScoreBadge } from '../common/ScoreBadge.tsx';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { qualityKeys, type EvaluationNote, type Workspace } from '../types.ts';
import { ScorecardForm } from './ScorecardForm.tsx';
import { Transcript } from './Transcript.tsx';
import { ScriptRunView } from '../../desk/scripts/ScriptRunView.tsx';
import { DisputesPanel } from './DisputesPanel.tsx';
import { HistoryList } from './HistoryList.tsx';

type Answers = Record<string, QualityAnswer>;

/**
 * The evaluation workspace: the contact (context, transcript, recording reference, time-stamped
 * notes) beside the scorecard (answers pre-filled by the automatic checks, a comment per
 * criterion, the score as the engine computes it). Draft and submit; then feedback, disputes, history.
 */
export function WorkspacePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const key = [...qualityKeys.evaluations, id];
  const ws = useQuery({ queryKey: key, queryFn: () => api.get<Workspace>(`/quality/evaluations/${id}`) });
  const [answers, setAnswers] = useState<Answers>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<EvaluationNote[]>([]);
  const [recordingRef, setRecordingRef] = useState('');
  const [feedback, setFeedback] = useState('');
  const [noteAt, setNoteAt] = useState('');
  const [noteText, setNoteText] = useState('');
  const data = ws.data;
  useEffect(() => {
    if (!data) return;
    const e = data.evaluation;
    const fresh = e.status === 'assigned' && Object.keys(e.answers).length === 0;
    // A new evaluation starts from the automatic checks' suggestions; the specialist confirms or overrides.
    const suggested = Object.fromEntries(data.auto.suggestions.filter((s) => s.value !== undefined).map((s) => [s.criterionId, s.value!]));
    setAnswers(fresh ? suggested : e.answers);
    setComments(e.comments);
    setNotes(e.notes);
    setRecordingRef(e.recordingRef ?? '');
    setFeedback(e.feedback ?? '');
  }, [data]);
  const done = (w: Workspace) => {
    queryClient.setQueryData(key, w);
    void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
  };
  const body = () => ({ answers, comments, notes: notes.map(({ offsetSeconds, text }) => ({ offsetSeconds, text })), recordingRef: recordingRef || null, feedback: feedback || null });
  const save = useMutation({ mutationFn: () => api.patch<Workspace>(`/quality/evaluations/${id}`, body()), onSuccess: done });
  const submit = useMutation({ mutationFn: () => api.post<Workspace>(`/quality/evaluations/${id}/submit`, body()), onSuccess: done });
  const sendFeedback = useMutation({ mutationFn: () => api.post(`/quality/evaluations/${id}/feedback`, { feedback }), onSuccess: () => void ws.refetch() });
  const live = useMemo(() => (data ? scoreQualityEvaluation({ id: data.scorecard.scorecardId, version: data.scorecard.version, title: '', weighting: data.scorecard.weighting, sections: data.scorecard.sections }, answers) : null), [data, answers]);
  if (!data) return <ProblemAlert error={ws.error} />;
  const e = data.evaluation;
  const open = e.status === 'assigned' || e.status === 'draft';
  const mayEdit = open && me.permissions.includes('quality.evaluate') && (e.evaluatorId === me.id || me.permissions.includes('quality.manage'));
  const flagged = new Set(data.auto.suggestions.filter((s) => s.passed === false).flatMap((s) => s.evidence.map((x) => x.messageIndex)));
  const c = data.contact;
  return (
    <>
      <PageHeader
        title={t('quality.workspace.title', { subject: c.subject ?? c.id.slice(0, 8) })}
        subtitle={<>{data.scorecard.title} · v{data.scorecard.version} · <StatusBadge status={e.status} /></>}
        actions={mayEdit ? (
          <>
            <Button busy={save.isPending} onClick={() => save.mutate()}>{t('quality.workspace.saveDraft')}</Button>
            <Button variant="primary" busy={submit.isPending} onClick={() => submit.mutate()}>{t('quality.workspace.submit')}</Button>
          </>
        ) : null}
      />
      <ProblemAlert error={save.error ?? submit.error ?? sendFeedback.error} />
      {save.isSuccess && open ? <div className="alert alert-success" role="status">{t('quality.workspace.saved')}</div> : null}
      <div className="q-workspace">
        <div className="q-left">
          <div className="card">
            <dl className="facts">
              <dt>{t('quality.hotline')}</dt><dd>{c.hotlineName}</dd>
              <dt>{t('quality.workspace.channel')}</dt><dd>{t(`channels.${c.channel}`, { defaultValue: c.channel })}</dd>
              <dt>{t('quality.workspace.customer')}</dt><dd>{c.customerName ?? '—'}</dd>
              <dt>{t('quality.agent')}</dt><dd>{e.agentName ?? '—'}</dd>
              <dt>{t('quality.workspace.started')}</dt><dd>{formatDateTime(c.createdAt)}</dd>
              <dt>{t('quality.workspace.ended')}</dt><dd>{formatDateTime(c.endedAt)}</dd>
              <dt>{t('quality.workspace.outcome')}</dt><dd>{c.outcome ?? '—'}</dd>
              {Object.entries(c.customFields).map(([k, v]) => <span key={k} className="q-fact"><dt>{k}</dt><dd>{Array.isArray(v) ? v.join(', ') : String(v ?? '—')}</dd></span>)}
            </dl>
            {c.notes ? <p className="small">{c.notes}</p> : null}
            {/* The path through the conversation script: a criterion is often "followed the script". */}
            <ScriptRunView contactId={e.contactId} />
          </div>
          <h2 className="section-title">{t('quality.workspace.transcript')}</h2>
          <Transcript messages={data.messages} highlight={flagged} />
          <label className="filter"><span>{t('quality.workspace.recording')}</span>
            <input name="recordingRef" value={recordingRef} disabled={!mayEdit} placeholder={t('quality.workspace.recordingHint')} onChange={(x) => setRecordingRef(x.target.value)} />
          </label>
          <h2 className="section-title">{t('quality.workspace.notes')}</h2>
          <ul className="plain-list q-notes">
            {notes.map((n, i) => <li key={i}><strong>{n.offsetSeconds === null ? '—' : `${Math.floor(n.offsetSeconds / 60)}:${String(n.offsetSeconds % 60).padStart(2, '0')}`}</strong> {n.text}</li>)}
          </ul>
          {mayEdit ? (
            <div className="q-row">
              <label className="filter q-num"><span>{t('quality.workspace.noteAt')}</span><input name="noteAt" type="number" min={0} value={noteAt} onChange={(x) => setNoteAt(x.target.value)} /></label>
              <label className="filter filter-grow"><span>{t('quality.workspace.note')}</span><input name="noteText" value={noteText} onChange={(x) => setNoteText(x.target.value)} /></label>
              <Button size="sm" disabled={!noteText.trim()} onClick={() => { setNotes([...notes, { offsetSeconds: noteAt === '' ? null : Number(noteAt), text: noteText.trim() }]); setNoteText(''); setNoteAt(''); }}>{t('quality.workspace.addNote')}</Button>
            </div>
          ) : null}
        </div>
        <div className="q-right">
          <div className="q-total card">
            <span>{t('quality.score')}</span> <ScoreBadge score={open ? live?.score : e.score} />
            {data.auto.score !== null ? <span className="small muted">{t('quality.workspace.autoScore')}: {Math.round(data.auto.score * 100)} %</span> : null}
          </div>
          <ScorecardForm
            card={data.scorecard}
            answers={answers}
            comments={comments}
            suggestions={data.auto.suggestions}
            result={live}
            disabled={!mayEdit}
            onAnswer={(cid, v) => setAnswers((a) => withAnswer(a, cid, v))}
            onComment={(cid, text) => setComments((x) => ({ ...x, [cid]: text }))}
          />
          <label className="filter"><span>{t('quality.workspace.feedback')}</span>
            <textarea name="feedback" rows={3} value={feedback} disabled={!(mayEdit || (!open && e.evaluatorId === me.id))} onChange={(x) => setFeedback(x.target.value)} />
          </label>
          {!open && e.evaluatorId === me.id ? <Button size="sm" busy={sendFeedback.isPending} onClick={() => sendFeedback.mutate()}>{t('quality.workspace.sendFeedback')}</Button> : null}
          <DisputesPanel workspace={data} onResolved={done} />
          <HistoryList history={data.history} />
        </div>
      </div>
    </>
  );
}
