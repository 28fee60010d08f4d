import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '@linia/engine';
import { isProblem } from '../api/problem.ts';
import { Button } from '../ui/Button.tsx';
import { SelectField } from '../ui/Field.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { useExamples, useRunSimulation } from './api.ts';
import { LivePanel } from './LivePanel.tsx';
import { ResultsView } from './ResultsView.tsx';
import { ScenarioForm } from './ScenarioForm.tsx';
import './simulation.css';

/** A blank day to start from when no example is loaded: one queue, one group of agents. */
const BLANK: Scenario = {
  seed: 1, intervalSeconds: 1800, intervals: 16, serviceLevelSeconds: 20, warmupIntervals: 0,
  queues: [{ id: 'support', channel: 'voice', strategy: 'longestIdle' } as Scenario['queues'][number]],
  arrivals: [{ queueId: 'support', callsPerInterval: 60, handleTime: { kind: 'logNormal', meanSeconds: 240, sdSeconds: 120 }, patience: { kind: 'exponential', meanSeconds: 180 } }],
  agents: [{ idPrefix: 'agent-', count: 12, skills: {}, queues: ['support'], shifts: [{ startSeconds: 0, endSeconds: 8 * 3600 }] }],
};

/**
 * The Simulation screen (SPEC R6): edit a scenario (form or JSON), run it through the routing
 * engine on the server (the same simulator as `linia simulate`), read the day per interval.
 */
export function SimulationPage() {
  const { t } = useTranslation();
  const examples = useExamples();
  const run = useRunSimulation();
  const [scenario, setScenario] = useState<Scenario>(BLANK);
  const [view, setView] = useState<'form' | 'json'>('form');
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [example, setExample] = useState('');

  const change = (s: Scenario) => {
    setScenario(s);
    setJsonText(JSON.stringify(s, null, 2));
    setJsonError(null);
  };
  const showJson = () => {
    setJsonText(JSON.stringify(scenario, null, 2));
    setView('json');
  };
  const editJson = (text: string) => {
    setJsonText(text);
    try {
      setScenario(JSON.parse(text) as Scenario);
      setJsonError(null);
    } catch (e) {
      setJsonError((e as Error).message);
    }
  };
  const load = () => {
    const ex = examples.data?.find((x) => x.name === example) ?? examples.data?.[0];
    if (ex) change(ex.scenario);
  };
  const problems = isProblem(run.error) ? run.error.errors ?? [] : [];

  return (
    <div className="simulation">
      <p className="sim-intro">{t('simulation.intro')}</p>
      <div className="sim-toolbar">
        <SelectField
          label={t('simulation.example')}
          value={example || examples.data?.[0]?.name || ''}
          options={(examples.data ?? []).map((x) => ({ value: x.name, label: x.name }))}
          onChange={setExample}
        />
        <Button onClick={load} disabled={!examples.data?.length}>{t('simulation.load')}</Button>
        <div className="sim-views" role="tablist" aria-label={t('simulation.editor')}>
          <Button role="tab" aria-selected={view === 'form'} variant={view === 'form' ? 'primary' : 'secondary'} size="sm" onClick={() => setView('form')}>{t('simulation.form')}</Button>
          <Button role="tab" aria-selected={view === 'json'} variant={view === 'json' ? 'primary' : 'secondary'} size="sm" onClick={showJson}>JSON</Button>
        </div>
      </div>

      {view === 'form' ? (
        <ScenarioForm scenario={scenario} onChange={change} />
      ) : (
        <div className="field">
          <label htmlFor="sim-json">{t('simulation.json')}</label>
          <textarea id="sim-json" className="sim-json" spellCheck={false} value={jsonText} onChange={(e) => editJson(e.target.value)} aria-invalid={jsonError ? true : undefined} />
          {jsonError ? <div className="field-error">{jsonError}</div> : null}
        </div>
      )}

      <div className="sim-actions">
        <Button variant="primary" busy={run.isPending} disabled={jsonError !== null} onClick={() => run.mutate(scenario)}>{t('simulation.run')}</Button>
        {run.isPending ? <span className="sim-note">{t('simulation.running')}</span> : null}
      </div>
      <ProblemAlert error={run.error} />
      {problems.length > 1 ? (
        <ul className="sim-problems">
          {problems.map((p, i) => <li key={i}>{p.field === 'body' ? p.message : `${p.field.replace(/^body\./, '')}: ${p.message}`}</li>)}
        </ul>
      ) : null}
      {run.data && !run.isPending ? <ResultsView result={run.data.result} elapsedMs={run.data.elapsedMs} /> : null}
      <LivePanel />
    </div>
  );
}
