import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { QualityCriterion } from '@linia/engine';
import { api } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CriterionChips, useAnswerLabel } from '../../quality/common/CriterionAnswer.tsx';
import { ScoreBadge } from '../../quality/common/ScoreBadge.tsx';
import { StatusBadge } from '../../quality/common/StatusBadge.tsx';
import { HistoryList } from '../../quality/evaluations/HistoryList.tsx';
import { Transcript } from '../../quality/evaluations/Transcript.tsx';
import { qualityKeys, type Workspace } from '../../quality/types.ts';
import '../../quality/quality.css';

/**
 * One of my evaluations: every criterion with its answer and the evaluator's comment, the
 * feedback, the transcript. I acknowledge it, or dispute single criteria with a comment.
 */
export function MyEvaluationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const label = useAnswerLabel();
  const key = [...qualityKeys.evaluations, id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Workspace>(`/quality/evaluations/${id}`) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: qualityKeys.evaluations });
  const ack = useMutation({ mutationFn: () => api.post(`/quality/evaluations/${id}/acknowledge`), onSuccess: refresh });
  const [disputing, setDisputing] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const dispute = useMutation({
    mutationFn: () => api.post(`/quality/evaluations/${id}/disputes`, { criterionId: disputing, comment }),
    onSuccess: () => {
      setDisputing(null);
      setComment('');
      refresh();
    },
  });
  const d = q.data;
  if (!d) return <ProblemAlert error={q.error} />;
  const e = d.evaluation;
  const openDispute = (c: QualityCriterion) => d.disputes.find((x) => x.criterionId === c.id && x.status === 'open');
  return (
    <>
      <PageHeader
        title={t('deskEvaluations.one', { subject: d.contact.subject ?? '' })}
        subtitle={<>{d.scorecard.title} · {formatDateTime(e.contactAt)} · <StatusBadge status={e.status} /> · <ScoreBadge score={e.score} /></>}
        actions={!e.acknowledgedAt ? <Button variant="primary" busy={ack.isPending} onClick={() => ack.mutate()}>{t('deskEvaluations.acknowledge')}</Button> : <span className="muted">{t('deskEvaluations.acknowledgedAt', { at: formatDateTime(e.acknowledgedAt) })}</span>}
      />
      <ProblemAlert error={ack.error ?? dispute.error} />
      {e.feedback ? <div className="card q-feedback"><strong>{t('deskEvaluations.feedback')}</strong><p>{e.feedback}</p></div> : null}
      {d.scorecard.sections.map((s) => (
        <section key={s.id} className="card q-eval-section" aria-label={s.title}>
          <h3>{s.title}</h3>
          {s.criteria.map((c) => {
            const existing = d.disputes.filter((x) => x.criterionId === c.id);
            return (
              <div key={c.id} className="q-criterion" data-criterion={c.title}>
                <div className="q-criterion-head"><span>{c.title}</span> <CriterionChips criterion={c} /> <strong>{label(c, e.answers[c.id])}</strong></div>
                {e.comments[c.id] ? <p className="small">«{e.comments[c.id]}»</p> : null}
                {existing.map((x) => (
                  <p key={x.id} className="small q-dispute-line">
                    {t('deskEvaluations.disputed')}: «{x.comment}» — {t(`quality.disputes.status.${x.status}`)}{x.resolution ? `: «${x.resolution}»` : ''}
                  </p>
                ))}
                {disputing === c.id ? (
                  <div className="q-row">
                    <label className="filter filter-grow"><span>{t('deskEvaluations.disputeComment')}</span><input name="disputeComment" value={comment} onChange={(x) => setComment(x.target.value)} /></label>
                    <Button size="sm" variant="primary" busy={dispute.isPending} onClick={() => dispute.mutate()}>{t('deskEvaluations.sendDispute')}</Button>
                    <Button size="sm" onClick={() => setDisputing(null)}>{t('common.cancel')}</Button>
                  </div>
                ) : !openDispute(c) ? (
                  <Button size="sm" variant="ghost" onClick={() => setDisputing(c.id)}>{t('deskEvaluations.dispute')}</Button>
                ) : null}
              </div>
            );
          })}
        </section>
      ))}
      <h2 className="section-title">{t('quality.workspace.transcript')}</h2>
      <Transcript messages={d.messages} highlight={new Set()} />
      <HistoryList history={d.history} />
    </>
  );
}
