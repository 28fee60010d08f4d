import { useTranslation } from 'react-i18next';
import type { QualityAnswer, QualityScoreResult } from '@linia/engine';
import { CriterionAnswer, CriterionChips } from '../common/CriterionAnswer.tsx';
import { ScoreBadge } from '../common/ScoreBadge.tsx';
import type { ScorecardVersion, Suggestion } from '../types.ts';

interface Props {
  card: ScorecardVersion;
  answers: Record<string, QualityAnswer>;
  comments?: Record<string, string>;
  suggestions?: Suggestion[];
  result?: QualityScoreResult | null;
  disabled?: boolean;
  onAnswer: (criterionId: string, v: QualityAnswer | undefined) => void;
  onComment?: (criterionId: string, text: string) => void;
}

/** The scorecard as a form: per section its live score, per criterion the answer, the automatic suggestion and a comment. */
export function ScorecardForm({ card, answers, comments, suggestions = [], result, disabled, onAnswer, onComment }: Props) {
  const { t } = useTranslation();
  return (
    <div className="q-form">
      {card.sections.map((s) => {
        const sr = result?.sections.find((x) => x.sectionId === s.id);
        return (
          <section key={s.id} className="card q-eval-section" aria-label={s.title}>
            <h3>{s.title} <span className="muted small">×{s.weight}</span> {sr ? <ScoreBadge score={sr.score} /> : null}</h3>
            {s.criteria.map((c) => {
              const sug = suggestions.find((x) => x.criterionId === c.id);
              const failed = result?.criteria.find((x) => x.criterionId === c.id)?.failed;
              return (
                <div key={c.id} className={`q-criterion${failed ? ' q-failed' : ''}`}>
                  <div className="q-criterion-head">
                    <span>{c.title}</span> <CriterionChips criterion={c} />
                  </div>
                  <div className="q-row">
                    <CriterionAnswer criterion={c} value={answers[c.id]} disabled={disabled} onChange={(v) => onAnswer(c.id, v)} />
                    {onComment ? (
                      <input className="q-comment" aria-label={t('quality.workspace.commentFor', { title: c.title })} name={`comment-${c.id}`} value={comments?.[c.id] ?? ''} disabled={disabled}
                        placeholder={t('quality.workspace.comment')} onChange={(e) => onComment(c.id, e.target.value)} />
                    ) : null}
                  </div>
                  {sug ? (
                    <div className={`small q-suggestion q-suggestion-${sug.passed === null ? 'na' : sug.passed ? 'ok' : 'fail'}`}>
                      {t('quality.workspace.auto')}: {t(`quality.auto.rule.${sug.rule}`)} — {sug.passed === null ? t('quality.na') : sug.passed ? t('quality.auto.passed') : t('quality.auto.failed')}
                      {sug.seconds !== undefined ? ` (${Math.round(sug.seconds)} ${t('quality.auto.sec')})` : ''}
                      {sug.evidence.length ? ` · «${sug.evidence.map((e) => e.text).join('», «')}»` : ''}
                      {sug.missingFields?.length ? ` · ${sug.missingFields.join(', ')}` : ''}
                    </div>
                  ) : null}
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
