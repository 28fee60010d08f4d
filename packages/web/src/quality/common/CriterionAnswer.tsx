import { useTranslation } from 'react-i18next';
import { qualityScaleOptions, type QualityAnswer, type QualityCriterion } from '@linia/engine';

/** Answers with one criterion set, or cleared when `v` is undefined (an unanswered select). */
export function withAnswer(answers: Readonly<Record<string, QualityAnswer>>, criterionId: string, v: QualityAnswer | undefined): Record<string, QualityAnswer> {
  const next = { ...answers };
  if (v === undefined) delete next[criterionId];
  else next[criterionId] = v;
  return next;
}

/** The label of an answer on a criterion's scale: «да»/«нет» for yes/no, the option's label for custom scales. */
export function useAnswerLabel() {
  const { t } = useTranslation();
  return (c: QualityCriterion, a: QualityAnswer | undefined): string => {
    if (a === undefined) return '—';
    if (a === 'na') return t('quality.na');
    if (c.scale.kind === 'yesNo') return a === 1 ? t('quality.yes') : t('quality.no');
    const o = qualityScaleOptions(c.scale).find((x) => x.value === a);
    return o ? (c.scale.kind === 'custom' ? `${o.label} (${o.value})` : o.label) : String(a);
  };
}

/** One criterion's answer as a select (scale values and, where allowed, N/A). Labelled by the criterion's title. */
export function CriterionAnswer({ criterion, value, onChange, disabled }: { criterion: QualityCriterion; value: QualityAnswer | undefined; onChange: (v: QualityAnswer | undefined) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const label = useAnswerLabel();
  return (
    <select
      aria-label={criterion.title}
      name={`answer-${criterion.id}`}
      value={value === undefined ? '' : String(value)}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'na' ? 'na' : Number(e.target.value))}
    >
      <option value="">{t('quality.notAnswered')}</option>
      {[...qualityScaleOptions(criterion.scale)].sort((a, b) => b.value - a.value).map((o) => (
        <option key={o.value} value={o.value}>{label(criterion, o.value)}</option>
      ))}
      {criterion.allowNa ? <option value="na">{t('quality.na')}</option> : null}
    </select>
  );
}

/** The chips telling a criterion's class and fail effect. */
export function CriterionChips({ criterion }: { criterion: QualityCriterion }) {
  const { t } = useTranslation();
  return (
    <span className="chips">
      <span className={`chip q-class-${criterion.errorClass}`}>{t(`quality.errorClass.${criterion.errorClass}`)}</span>
      {criterion.fail !== 'none' ? <span className="chip q-fail">{t(`quality.fail.${criterion.fail}`)}</span> : null}
    </span>
  );
}
