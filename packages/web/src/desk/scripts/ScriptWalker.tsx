import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { walkScript, type ScriptInput } from '@linia/engine';
import { api } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ScriptPath } from './ScriptPath.tsx';
import { scriptKeys, type Script } from './types.ts';
import './scripts.css';

interface Props {
  hotlineId: string;
  topicId: string;
  /** Called on every step: the script walked and the inputs so far (to store with the contact). */
  onChange: (run: { scriptId: string; steps: ScriptInput[] } | null) => void;
  /** A field step was answered: fill the contact's custom field. */
  onField: (key: string, value: string) => void;
  /** The walk ended: set the contact's outcome. */
  onOutcome: (outcome: string) => void;
}

/**
 * The operator walks the hotline's script for the chosen topic: says the text, picks the
 * customer's answer, types the value a field step asks for. Values and the outcome go straight
 * into the contact form; "Back" undoes the last step. Keyboard: answers are buttons in order,
 * the value field submits with Enter.
 */
export function ScriptWalker({ hotlineId, topicId, onChange, onField, onOutcome }: Props) {
  const { t } = useTranslation();
  const match = useQuery({
    queryKey: scriptKeys.match(hotlineId, topicId),
    queryFn: () => api.get<{ script: Script | null }>('/scripts/match', { hotlineId, topicId: topicId || undefined }).then((r) => r.script),
    enabled: Boolean(hotlineId),
  });
  const script = match.data ?? null;
  const [inputs, setInputs] = useState<ScriptInput[]>([]);
  const [value, setValue] = useState('');
  useEffect(() => setInputs([]), [script?.id, script?.version]);
  const walk = useMemo(() => (script ? walkScript(script.definition, inputs) : null), [script, inputs]);
  useEffect(() => onChange(script && inputs.length > 0 ? { scriptId: script.id, steps: inputs } : null), [script, inputs, onChange]);

  if (!hotlineId || match.isPending) return null;
  if (match.error) return <ProblemAlert error={match.error} />;
  if (!script || !walk) return null;

  const step = walk.current;
  const push = (input: ScriptInput) => {
    setInputs((xs) => [...xs, input]);
    setValue('');
    if (step?.kind === 'field' && input.value) onField(step.fieldKey, input.value);
    if (step?.kind === 'end') onOutcome(step.outcome);
  };

  return (
    <section className="card script-walker" aria-label={t('scripts.walker.title')}>
      <h2>{t('scripts.walker.title')}: {script.name}</h2>
      <ScriptPath path={walk.path} />
      {step ? (
        <div className={`script-step script-step-${step.kind}`} data-testid="script-step">
          <p className="script-text">{step.text}</p>
          {step.articleIds?.length ? (
            <p className="small">
              {t('scripts.walker.articles')}:{' '}
              {step.articleIds.map((id, i) => (
                <Link key={id} to={`/desk/knowledge/${id}`} target="_blank">{t('scripts.walker.article', { n: i + 1 })}</Link>
              ))}
            </p>
          ) : null}
          {step.kind === 'say' ? <Button variant="primary" size="sm" onClick={() => push({ stepId: step.id })}>{t('scripts.walker.next')}</Button> : null}
          {step.kind === 'question' ? (
            <div className="script-answers" role="group" aria-label={step.text}>
              {step.answers.map((a) => (
                <Button key={a.id} size="sm" onClick={() => push({ stepId: step.id, answerId: a.id })}>{a.label}</Button>
              ))}
            </div>
          ) : null}
          {step.kind === 'field' ? (
            <form className="script-field" onSubmit={(e) => { e.preventDefault(); if (value.trim()) push({ stepId: step.id, value: value.trim() }); }}>
              <input aria-label={step.text} value={value} onChange={(e) => setValue(e.target.value)} />
              <Button type="submit" variant="primary" size="sm" disabled={!value.trim()}>{t('scripts.walker.next')}</Button>
            </form>
          ) : null}
          {step.kind === 'end' ? (
            <>
              <p className="small">{t('scripts.walker.outcome')}: <strong>{step.outcome}</strong></p>
              <Button variant="primary" size="sm" onClick={() => push({ stepId: step.id })}>{t('scripts.walker.finish')}</Button>
            </>
          ) : null}
        </div>
      ) : (
        <p className="alert alert-success" role="status">{t('scripts.walker.finished', { outcome: walk.outcome })}</p>
      )}
      {inputs.length > 0 ? (
        <Button variant="ghost" size="sm" onClick={() => setInputs((xs) => xs.slice(0, -1))}>{t('scripts.walker.back')}</Button>
      ) : null}
    </section>
  );
}
