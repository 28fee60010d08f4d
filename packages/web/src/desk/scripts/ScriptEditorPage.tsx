import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { validateScript, type ScriptDefinition, type ScriptStepKind } from '@linia/engine';
import { SCRIPT_STEP_KINDS } from '@linia/engine';
import { api } from '../../api/client.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { topicOptions } from '../common/labels.ts';
import { blankStep, freshId, removeStep, replaceStep, starterDefinition } from './definitionEdit.ts';
import { FlowDiagram } from './FlowDiagram.tsx';
import { StepCard } from './StepCard.tsx';
import { scriptKeys, type Script } from './types.ts';
import './scripts.css';

/**
 * The script editor: step cards on the left, the flow as a diagram on the right (click a box
 * to jump to its card). Problems are found as you type by the same checks the server runs,
 * and shown at the field they concern; saving a script with problems is refused by the server.
 */
export function ScriptEditorPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const hotlines = useHotlines();
  const existing = useQuery({
    queryKey: scriptKeys.one(id ?? ''),
    queryFn: () => api.get<Script>(`/scripts/${id}`),
    enabled: !isNew,
  });
  const [name, setName] = useState('');
  const [hotlineId, setHotlineId] = useState('');
  const [topicId, setTopicId] = useState('');
  const [active, setActive] = useState(true);
  const [def, setDef] = useState<ScriptDefinition>(() =>
    starterDefinition(t('scripts.editor.starterGreeting'), t('scripts.editor.starterClosing'), t('scripts.editor.starterOutcome')),
  );
  const [selected, setSelected] = useState<string | null>(null);
  const [addKind, setAddKind] = useState<ScriptStepKind>('question');

  useEffect(() => {
    const s = existing.data;
    if (!s) return;
    setName(s.name);
    setHotlineId(s.hotlineId);
    setTopicId(s.topicId ?? '');
    setActive(s.active);
    setDef(s.definition);
  }, [existing.data]);

  const activeHotlines = (hotlines.data ?? []).filter((h) => h.active || h.id === hotlineId);
  const chosenHotline = hotlineId || activeHotlines[0]?.id || '';
  const hotline = activeHotlines.find((h) => h.id === chosenHotline);
  const fields = (hotline?.customFields ?? []).map((f) => ({ key: f.key, label: f.label }));
  const issues = useMemo(() => validateScript(def, { fieldKeys: fields.map((f) => f.key) }), [def, fields]);
  const issuesOf = (index: number) => {
    const out = new Map<string, string>();
    const prefix = `steps.${index}`;
    for (const i of issues) {
      if (i.path === prefix) out.set('', i.message);
      else if (i.path.startsWith(`${prefix}.`)) out.set(i.path.slice(prefix.length + 1), i.message);
    }
    return out;
  };

  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), topicId: topicId || null, active, definition: def };
      return isNew ? api.post<Script>('/scripts', { ...body, hotlineId: chosenHotline }) : api.patch<Script>(`/scripts/${id}`, body);
    },
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: scriptKeys.all });
      if (isNew) navigate(`/desk/scripts/${s.id}`, { replace: true });
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const addStep = () => {
    const newId = freshId(def);
    const end = def.steps.find((s) => s.kind === 'end')?.id ?? newId;
    setDef({ ...def, steps: [...def.steps, blankStep(addKind, newId, end, fields[0]?.key)] });
    setSelected(newId);
  };
  const select = (stepId: string) => {
    setSelected(stepId);
    document.getElementById(`step-${stepId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  if (!isNew && existing.isPending) return <p className="muted">{t('common.loading')}</p>;
  return (
    <>
      <PageHeader
        title={isNew ? t('scripts.editor.newTitle') : t('scripts.editor.title', { name: existing.data?.name ?? '' })}
        subtitle={existing.data ? t('scripts.editor.version', { version: existing.data.version }) : t('scripts.editor.subtitle')}
      />
      <form className="script-editor" onSubmit={submit} noValidate aria-label={t('scripts.editor.form')}>
        <div className="card form grid-2">
          <TextField label={t('scripts.name')} name="name" value={name} error={errors.name} onChange={setName} />
          <SelectField label={t('scripts.hotline')} name="hotlineId" value={chosenHotline} disabled={!isNew} error={errors.hotlineId}
            options={activeHotlines.map((h) => ({ value: h.id, label: h.name }))} onChange={(v) => { setHotlineId(v); setTopicId(''); }} />
          <SelectField label={t('scripts.topic')} name="topicId" value={topicId} error={errors.topicId}
            options={[{ value: '', label: t('scripts.anyTopic') }, ...topicOptions(hotline)]} onChange={setTopicId} />
          <div className="field checks"><Checkbox name="active" label={t('scripts.active')} checked={active} onChange={setActive} /></div>
        </div>
        <div className="script-editor-body">
          <div className="script-steps">
            {def.steps.map((s, i) => (
              <StepCard key={s.id} step={s} index={i} isStart={def.start === s.id} selected={selected === s.id}
                targets={def.steps.filter((x) => x.id !== s.id).map((x) => ({ id: x.id, text: x.text }))}
                fields={fields} issues={issuesOf(i)}
                onChange={(step) => setDef(replaceStep(def, i, step))}
                onRemove={() => setDef(removeStep(def, i))}
                onMakeStart={() => setDef({ ...def, start: s.id })}
                onSelect={() => setSelected(s.id)} />
            ))}
            <div className="form-actions">
              <SelectField label={t('scripts.editor.newStepKind')} name="addKind" value={addKind}
                options={SCRIPT_STEP_KINDS.map((k) => ({ value: k, label: t(`scripts.kind.${k}`) }))} onChange={(k) => setAddKind(k as ScriptStepKind)} />
              <Button onClick={addStep}>{t('scripts.editor.addStep')}</Button>
            </div>
          </div>
          <aside className="card script-diagram">
            <h2>{t('scripts.editor.diagram')}</h2>
            <FlowDiagram def={def} selected={selected} onSelect={select} />
            {issues.length > 0 ? (
              <div className="alert alert-warn" role="status">
                {t('scripts.editor.problems', { count: issues.length })}
                <ul className="small">{issues.map((i) => <li key={i.path + i.message}><code>{i.path}</code>: {i.message}</li>)}</ul>
              </div>
            ) : (
              <p className="small muted">{t('scripts.editor.noProblems')}</p>
            )}
          </aside>
        </div>
        <ProblemAlert error={save.error} />
        {save.isSuccess ? <div className="alert alert-success" role="status">{t('scripts.editor.saved', { version: save.data.version })}</div> : null}
        <div className="form-actions">
          <Button variant="ghost" onClick={() => navigate('/desk/scripts')}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" busy={save.isPending}>{t('common.save')}</Button>
        </div>
      </form>
    </>
  );
}
