import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { QualityAnswer } from '@linia/engine';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CriterionAnswer, useAnswerLabel } from '../common/CriterionAnswer.tsx';
import type { Dispute, Workspace } from '../types.ts';

/** The disputes of an evaluation; a lead (quality.resolve, not the evaluator) accepts with a new answer or rejects, with a reason. */
export function DisputesPanel({ workspace, onResolved }: { workspace: Workspace; onResolved: (w: Workspace) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const label = useAnswerLabel();
  if (workspace.disputes.length === 0) return null;
  const criteria = new Map(workspace.scorecard.sections.flatMap((s) => s.criteria.map((c) => [c.id, c] as const)));
  const mayResolve = me.permissions.includes('quality.resolve') && workspace.evaluation.evaluatorId !== me.id;
  return (
    <section aria-label={t('quality.disputes.title')}>
      <h2 className="section-title">{t('quality.disputes.title')}</h2>
      {workspace.disputes.map((d) => {
        const c = criteria.get(d.criterionId);
        return (
          <div key={d.id} className="card q-dispute">
            <p><strong>{c?.title ?? d.criterionId}</strong> · {c ? label(c, workspace.evaluation.answers[d.criterionId]) : ''} · <span className="badge badge-neutral">{t(`quality.disputes.status.${d.status}`)}</span></p>
            <p>«{d.comment}»</p>
            {d.resolution ? <p className="small">{t('quality.disputes.resolution')}: «{d.resolution}»</p> : null}
            {d.status === 'open' && mayResolve && c ? <ResolveForm dispute={d} criterion={c} onResolved={onResolved} /> : null}
          </div>
        );
      })}
    </section>
  );
}

function ResolveForm({ dispute, criterion, onResolved }: { dispute: Dispute; criterion: Parameters<typeof CriterionAnswer>[0]['criterion']; onResolved: (w: Workspace) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<QualityAnswer | undefined>(undefined);
  const [reason, setReason] = useState('');
  const resolve = useMutation({
    mutationFn: (decision: 'accept' | 'reject') => api.post<Workspace>(`/quality/disputes/${dispute.id}/resolve`, { decision, reason, ...(decision === 'accept' && value !== undefined ? { value } : {}) }),
    onSuccess: onResolved,
  });
  return (
    <div className="q-resolve">
      <ProblemAlert error={resolve.error} />
      <div className="q-row">
        <label className="filter"><span>{t('quality.disputes.newValue')}</span><CriterionAnswer criterion={criterion} value={value} onChange={setValue} /></label>
        <label className="filter filter-grow"><span>{t('quality.disputes.reason')}</span><input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      </div>
      <Button variant="primary" size="sm" busy={resolve.isPending} onClick={() => resolve.mutate('accept')}>{t('quality.disputes.accept')}</Button>{' '}
      <Button size="sm" busy={resolve.isPending} onClick={() => resolve.mutate('reject')}>{t('quality.disputes.reject')}</Button>
    </div>
  );
}
