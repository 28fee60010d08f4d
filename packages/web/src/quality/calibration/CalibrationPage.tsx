import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { QualityAnswer } from '@linia/engine';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useAnswerLabel, withAnswer } from '../common/CriterionAnswer.tsx';
import { ScoreBadge } from '../common/ScoreBadge.tsx';
import { usePeople } from '../common/useQualityData.ts';
import { ScorecardForm } from '../evaluations/ScorecardForm.tsx';
import { qualityKeys, type CalibrationDetail } from '../types.ts';

const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v * 100).toFixed(1)} п.п.`);

/**
 * One calibration session. Open: each evaluator scores blind (sees only who has scored); the lead
 * reveals — with their own answers as the reference, or the evaluators' consensus. Revealed:
 * everyone's answers side by side, agreement per criterion, each evaluator's deviation.
 */
export function CalibrationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const people = usePeople();
  const label = useAnswerLabel();
  const key = [...qualityKeys.calibrations, id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<CalibrationDetail>(`/quality/calibrations/${id}`) });
  const [answers, setAnswers] = useState<Record<string, QualityAnswer>>({});
  const [ownReference, setOwnReference] = useState(false);
  useEffect(() => setAnswers(q.data?.myAnswers ?? {}), [q.data?.myAnswers]);
  const done = (d: CalibrationDetail) => {
    queryClient.setQueryData(key, d);
    void queryClient.invalidateQueries({ queryKey: qualityKeys.calibrations });
  };
  const score = useMutation({ mutationFn: () => api.post<CalibrationDetail>(`/quality/calibrations/${id}/score`, { answers }), onSuccess: done });
  const reveal = useMutation({ mutationFn: () => api.post<CalibrationDetail>(`/quality/calibrations/${id}/reveal`, ownReference && q.data?.myAnswers ? { reference: q.data.myAnswers } : {}), onSuccess: done });
  const d = q.data;
  if (!d) return <ProblemAlert error={q.error} />;
  const isEvaluator = d.evaluatorIds.includes(me.id);
  const isLead = d.leadId === me.id || me.permissions.includes('quality.manage');
  const criteria = d.scorecard.sections.flatMap((s) => s.criteria);
  return (
    <>
      <PageHeader title={d.title} subtitle={`${d.scorecard.title} · v${d.scorecard.version} · ${t(`quality.calibration.status.${d.status}`)}`} />
      <ProblemAlert error={score.error ?? reveal.error} />
      <p>{t('quality.calibration.submitted')}: {d.evaluatorIds.map((e) => `${people.names.get(e) ?? ''}${d.submitted.includes(e) ? ' ✓' : ' …'}`).join(', ')}</p>
      {d.status === 'open' && isEvaluator ? (
        <>
          <ScorecardForm card={d.scorecard} answers={answers} onAnswer={(cid, v) => setAnswers((a) => withAnswer(a, cid, v))} />
          <Button variant="primary" busy={score.isPending} onClick={() => score.mutate()}>{t('quality.calibration.saveScore')}</Button>
          {score.isSuccess ? <span className="small muted"> {t('quality.calibration.scoreSaved')}</span> : null}
        </>
      ) : null}
      {d.status === 'open' && isLead ? (
        <div className="card q-reveal">
          {d.myAnswers ? <label className="checkbox"><input type="checkbox" checked={ownReference} onChange={(e) => setOwnReference(e.target.checked)} /> {t('quality.calibration.ownReference')}</label> : null}
          <Button busy={reveal.isPending} onClick={() => reveal.mutate()}>{t('quality.calibration.reveal')}</Button>
        </div>
      ) : null}
      {d.result ? (
        <section aria-label={t('quality.calibration.result')}>
          <h2 className="section-title">{t('quality.calibration.result')}</h2>
          <p>{t('quality.calibration.reference')}: <ScoreBadge score={d.result.referenceScore} /> · κ = {d.result.kappa === null ? '—' : d.result.kappa.toFixed(2)}</p>
          <div className="table-wrap">
            <table className="table q-calibration">
              <thead>
                <tr>
                  <th>{t('quality.calibration.evaluator')}</th><th className="num">{t('quality.score')}</th><th className="num">{t('quality.calibration.deviation')}</th>
                  {criteria.map((c) => <th key={c.id} title={c.title}>{c.title}</th>)}
                </tr>
              </thead>
              <tbody>
                <tr className="q-ref-row">
                  <td>{t('quality.calibration.reference')}</td><td className="num"><ScoreBadge score={d.result.referenceScore} /></td><td />
                  {criteria.map((c) => <td key={c.id}>{label(c, d.result!.reference[c.id])}</td>)}
                </tr>
                {d.result.evaluators.map((e) => (
                  <tr key={e.evaluatorId} data-evaluator={e.name}>
                    <td>{e.name}</td><td className="num"><ScoreBadge score={e.score} /></td><td className="num" data-testid="deviation">{signed(e.deviation)}</td>
                    {criteria.map((c) => <td key={c.id} className={e.mismatches.includes(c.id) ? 'q-mismatch' : undefined}>{label(c, e.answers[c.id])}</td>)}
                  </tr>
                ))}
                <tr>
                  <td>{t('quality.calibration.agreement')}</td><td /><td />
                  {criteria.map((c) => <td key={c.id}>{Math.round((d.result!.criteria.find((x) => x.criterionId === c.id)?.agreeShare ?? 0) * 100)} %</td>)}
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
