import type { ScriptStep, ScriptStepKind } from '@linia/engine';
import { SCRIPT_STEP_KINDS } from '@linia/engine';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { withKind } from './definitionEdit.ts';

interface Props {
  step: ScriptStep;
  index: number;
  isStart: boolean;
  selected: boolean;
  /** Every step, for the "next step" choices. */
  targets: { id: string; text: string }[];
  fields: { key: string; label: string }[];
  /** Problems of this step, by path below `steps.<index>` (e.g. `answers.0.next`). */
  issues: Map<string, string>;
  onChange: (step: ScriptStep) => void;
  onRemove: () => void;
  onMakeStart: () => void;
  onSelect: () => void;
}

/** One step of the script being edited: its kind, text, and where each way out leads. */
export function StepCard({ step, index, isStart, selected, targets, fields, issues, onChange, onRemove, onMakeStart, onSelect }: Props) {
  const { t } = useTranslation();
  const targetOptions = [{ value: '', label: t('common.choose') }, ...targets.map((s) => ({ value: s.id, label: `${s.id}: ${s.text.slice(0, 40) || '…'}` }))];
  const issue = (path: string) => issues.get(path);
  const own = issues.get('');
  return (
    <fieldset className={`card script-step-card${selected ? ' is-selected' : ''}`} id={`step-${step.id}`} onFocus={onSelect} data-testid={`step-${step.id}`}>
      <legend>
        {t('scripts.editor.step', { n: index + 1 })} · <code>{step.id}</code> {isStart ? <span className="chip">{t('scripts.editor.start')}</span> : null}
      </legend>
      {own ? <div className="field-error">{own}</div> : null}
      <div className="form grid-2">
        <SelectField label={t('scripts.editor.kind')} name={`kind-${step.id}`} value={step.kind}
          options={SCRIPT_STEP_KINDS.map((k) => ({ value: k, label: t(`scripts.kind.${k}`) }))}
          onChange={(k) => onChange(withKind(step, k as ScriptStepKind, fields[0]?.key))} />
        {step.kind === 'say' || step.kind === 'field' ? (
          <SelectField label={t('scripts.editor.next')} name={`next-${step.id}`} value={step.next} options={targetOptions}
            error={issue('next')} onChange={(next) => onChange({ ...step, next })} />
        ) : step.kind === 'end' ? (
          <TextField label={t('scripts.editor.outcome')} name={`outcome-${step.id}`} value={step.outcome} error={issue('outcome')}
            onChange={(outcome) => onChange({ ...step, outcome })} />
        ) : <span />}
        <div className="field span-2">
          <label htmlFor={`text-${step.id}`}>{step.kind === 'question' ? t('scripts.editor.question') : t('scripts.editor.text')}</label>
          <textarea id={`text-${step.id}`} rows={2} value={step.text} onChange={(e) => onChange({ ...step, text: e.target.value })} />
          {issue('text') ? <div className="field-error">{issue('text')}</div> : null}
        </div>
        {step.kind === 'field' ? (
          <SelectField label={t('scripts.editor.field')} name={`field-${step.id}`} value={step.fieldKey} error={issue('fieldKey')}
            options={[{ value: '', label: t('common.choose') }, ...fields.map((f) => ({ value: f.key, label: f.label }))]}
            onChange={(fieldKey) => onChange({ ...step, fieldKey })} />
        ) : null}
      </div>
      {step.kind === 'question' ? (
        <div className="script-answers-edit">
          {step.answers.map((a, j) => (
            <div key={a.id} className="form grid-answer">
              <TextField label={t('scripts.editor.answer', { n: j + 1 })} name={`answer-${a.id}`} value={a.label} error={issue(`answers.${j}.label`)}
                onChange={(label) => onChange({ ...step, answers: step.answers.map((x, k) => (k === j ? { ...x, label } : x)) })} />
              <SelectField label={t('scripts.editor.leadsTo')} name={`answer-next-${a.id}`} value={a.next} options={targetOptions} error={issue(`answers.${j}.next`)}
                onChange={(next) => onChange({ ...step, answers: step.answers.map((x, k) => (k === j ? { ...x, next } : x)) })} />
              <Button size="sm" variant="ghost" aria-label={t('scripts.editor.removeAnswer')} disabled={step.answers.length === 1}
                onClick={() => onChange({ ...step, answers: step.answers.filter((_, k) => k !== j) })}>×</Button>
            </div>
          ))}
          <Button size="sm" onClick={() => onChange({ ...step, answers: [...step.answers, { id: nextAnswerId(step), label: '', next: step.answers.at(-1)?.next ?? '' }] })}>
            {t('scripts.editor.addAnswer')}
          </Button>
        </div>
      ) : null}
      <div className="form-actions">
        {!isStart ? <Button size="sm" variant="ghost" onClick={onMakeStart}>{t('scripts.editor.makeStart')}</Button> : null}
        <Button size="sm" variant="ghost" onClick={onRemove}>{t('scripts.editor.removeStep')}</Button>
      </div>
    </fieldset>
  );
}

function nextAnswerId(step: Extract<ScriptStep, { kind: 'question' }>): string {
  const taken = new Set(step.answers.map((a) => a.id));
  for (let n = step.answers.length + 1; ; n++) if (!taken.has(`${step.id}a${n}`)) return `${step.id}a${n}`;
}
