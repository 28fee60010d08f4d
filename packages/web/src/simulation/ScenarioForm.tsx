import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STRATEGIES, type AgentGroup, type ArrivalStream, type Distribution, type Scenario } from '@linia/engine';
import type { QueueConfig } from '@linia/engine';
import { Button } from '../ui/Button.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';

/** A number field's text as a number (blank → undefined, so an optional field can be cleared). */
const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));
const CHANNELS = ['voice', 'chat', 'email'];

/** "40, 55, 70" ↔ per-interval rates; one number means the same rate in every interval. */
export const ratesText = (r: number | number[]) => (Array.isArray(r) ? r.join(', ') : String(r));
export function parseRates(text: string): number | number[] {
  const parts = text.split(/[\s,;]+/).filter(Boolean).map(Number);
  return parts.length === 1 ? (parts[0] as number) : parts;
}
/** Shifts as hours of the day, "8-17, 18-20" ↔ [{startSeconds, endSeconds}]. */
export const shiftsText = (sh: AgentGroup['shifts']) => sh.map((s) => `${s.startSeconds / 3600}-${s.endSeconds / 3600}`).join(', ');
export function parseShifts(text: string): AgentGroup['shifts'] {
  return text
    .split(/[,;]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [a, b] = p.split(/[-–]/).map((h) => Math.round(Number(h.replace(',', '.')) * 3600));
      return { startSeconds: a ?? NaN, endSeconds: b ?? NaN };
    });
}
const meanOf = (d: Distribution | undefined) => (d === undefined ? '' : d.kind === 'fixed' ? String(d.seconds) : String(d.meanSeconds));
/** A new mean keeps the distribution's kind (and a log-normal its spread relative to the mean). */
function withMean(d: Distribution, mean: number): Distribution {
  if (d.kind === 'fixed') return { kind: 'fixed', seconds: mean };
  if (d.kind === 'logNormal') return { kind: 'logNormal', meanSeconds: mean, sdSeconds: (d.sdSeconds / d.meanSeconds) * mean || mean / 2 };
  return { kind: 'exponential', meanSeconds: mean };
}

/**
 * A text field for a value written as text ("40, 55, 70"): the typed text stays as typed while it
 * is half-written (a parse → format round trip would rewrite "8-" under the cursor); a value
 * changed from outside (an example loaded, the JSON view) replaces it.
 */
function ParsedField<T>({ label, hint, value, format, parse, onChange }: { label: ReactNode; hint?: ReactNode; value: T; format: (v: T) => string; parse: (s: string) => T; onChange: (v: T) => void }) {
  const shown = format(value);
  const [text, setText] = useState(shown);
  const sent = useRef(shown);
  useEffect(() => {
    if (shown !== sent.current) setText(shown);
  }, [shown]);
  return (
    <TextField
      className="sim-wide"
      label={label}
      hint={hint}
      value={text}
      onChange={(v) => {
        setText(v);
        const parsed = parse(v);
        sent.current = format(parsed);
        onChange(parsed);
      }}
    />
  );
}

/**
 * The common fields of a scenario as a form: the day, queues, arrivals per interval with handle
 * time and patience, and agent groups with shifts. Skills, breaks, overflow and capacity are
 * edited in the JSON view; the form keeps them untouched.
 */
export function ScenarioForm({ scenario, onChange }: { scenario: Scenario; onChange: (s: Scenario) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<Scenario>) => onChange({ ...scenario, ...patch });
  const setQueue = (i: number, patch: Partial<QueueConfig>) => set({ queues: scenario.queues.map((q, k) => (k === i ? { ...q, ...patch } : q)) });
  const setArrival = (i: number, patch: Partial<ArrivalStream>) => set({ arrivals: scenario.arrivals.map((a, k) => (k === i ? { ...a, ...patch } : a)) });
  const setAgents = (i: number, patch: Partial<AgentGroup>) => set({ agents: scenario.agents.map((g, k) => (k === i ? { ...g, ...patch } : g)) });
  const queueOptions = scenario.queues.map((q) => ({ value: q.id, label: q.id }));
  const firstQueue = scenario.queues[0]?.id ?? 'queue';
  return (
    <div className="sim-form">
      <fieldset>
        <legend>{t('simulation.day')}</legend>
        <div className="sim-row">
          <TextField label={t('simulation.seed')} type="number" value={scenario.seed} onChange={(v) => set({ seed: num(v) ?? 0 })} />
          <TextField label={t('simulation.intervalMinutes')} type="number" value={scenario.intervalSeconds / 60} onChange={(v) => set({ intervalSeconds: (num(v) ?? 0) * 60 })} />
          <TextField label={t('simulation.intervals')} type="number" value={scenario.intervals} onChange={(v) => set({ intervals: num(v) ?? 0 })} />
          <TextField label={t('simulation.slSeconds')} type="number" value={scenario.serviceLevelSeconds} onChange={(v) => set({ serviceLevelSeconds: num(v) ?? 0 })} />
          <TextField label={t('simulation.warmup')} type="number" value={scenario.warmupIntervals ?? 0} onChange={(v) => set({ warmupIntervals: num(v) })} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('simulation.queues')}</legend>
        {scenario.queues.map((q, i) => (
          <div className="sim-row" key={i} data-testid="sim-queue">
            <TextField label={t('simulation.queueId')} value={q.id} onChange={(v) => setQueue(i, { id: v })} />
            <SelectField label={t('simulation.channel')} value={q.channel} options={CHANNELS.map((c) => ({ value: c, label: c }))} onChange={(v) => setQueue(i, { channel: v })} />
            <SelectField label={t('simulation.strategy')} value={q.strategy} options={STRATEGIES.map((s) => ({ value: s, label: t(`simulation.strategies.${s}`) }))} onChange={(v) => setQueue(i, { strategy: v as QueueConfig['strategy'] })} />
            <TextField label={t('simulation.wrapUpMax')} type="number" value={q.wrapUpSeconds ?? 0} onChange={(v) => setQueue(i, { wrapUpSeconds: num(v) ?? 0 })} />
            <Button size="sm" variant="ghost" aria-label={t('simulation.remove')} onClick={() => set({ queues: scenario.queues.filter((_, k) => k !== i) })}>×</Button>
          </div>
        ))}
        <Button size="sm" onClick={() => set({ queues: [...scenario.queues, { id: `queue${scenario.queues.length + 1}`, channel: 'voice', strategy: 'longestIdle' } as QueueConfig] })}>{t('simulation.addQueue')}</Button>
      </fieldset>

      <fieldset>
        <legend>{t('simulation.arrivals')}</legend>
        {scenario.arrivals.map((a, i) => (
          <div className="sim-row" key={i} data-testid="sim-arrival">
            <SelectField label={t('simulation.queue')} value={a.queueId} options={queueOptions} onChange={(v) => setArrival(i, { queueId: v })} />
            <ParsedField label={t('simulation.perIntervalCalls')} hint={t('simulation.perIntervalHint')} value={a.callsPerInterval} format={ratesText} parse={parseRates} onChange={(v) => setArrival(i, { callsPerInterval: v })} />
            <TextField label={t('simulation.handleMean')} hint={t(`simulation.kinds.${a.handleTime.kind}`)} type="number" value={meanOf(a.handleTime)} onChange={(v) => setArrival(i, { handleTime: withMean(a.handleTime, num(v) ?? 0) })} />
            <TextField
              label={t('simulation.patienceMean')}
              hint={t('simulation.patienceHint')}
              type="number"
              value={meanOf(a.patience)}
              onChange={(v) => {
                const m = num(v);
                setArrival(i, { patience: m === undefined ? undefined : withMean(a.patience ?? { kind: 'exponential', meanSeconds: m }, m) });
              }}
            />
            <Button size="sm" variant="ghost" aria-label={t('simulation.remove')} onClick={() => set({ arrivals: scenario.arrivals.filter((_, k) => k !== i) })}>×</Button>
          </div>
        ))}
        <Button size="sm" onClick={() => set({ arrivals: [...scenario.arrivals, { queueId: firstQueue, callsPerInterval: 20, handleTime: { kind: 'exponential', meanSeconds: 180 } }] })}>{t('simulation.addArrivals')}</Button>
      </fieldset>

      <fieldset>
        <legend>{t('simulation.agents')}</legend>
        {scenario.agents.map((g, i) => (
          <div className="sim-row" key={i} data-testid="sim-agents">
            <TextField label={t('simulation.idPrefix')} value={g.idPrefix} onChange={(v) => setAgents(i, { idPrefix: v })} />
            <TextField label={t('simulation.count')} type="number" value={g.count} onChange={(v) => setAgents(i, { count: num(v) ?? 0 })} />
            <ParsedField label={t('simulation.agentQueues')} value={g.queues} format={(q) => q.join(', ')} parse={(v) => v.split(/[\s,;]+/).filter(Boolean)} onChange={(v) => setAgents(i, { queues: v })} />
            <ParsedField label={t('simulation.shifts')} hint={t('simulation.shiftsHint')} value={g.shifts} format={shiftsText} parse={parseShifts} onChange={(v) => setAgents(i, { shifts: v })} />
            <TextField label={t('simulation.answerDelay')} type="number" value={g.answerDelaySeconds ?? 0} onChange={(v) => setAgents(i, { answerDelaySeconds: num(v) })} />
            <Button size="sm" variant="ghost" aria-label={t('simulation.remove')} onClick={() => set({ agents: scenario.agents.filter((_, k) => k !== i) })}>×</Button>
          </div>
        ))}
        <Button size="sm" onClick={() => set({ agents: [...scenario.agents, { idPrefix: `group${scenario.agents.length + 1}-`, count: 5, skills: {}, queues: [firstQueue], shifts: [{ startSeconds: 0, endSeconds: 8 * 3600 }] }] })}>{t('simulation.addAgents')}</Button>
      </fieldset>
      <p className="sim-note">{t('simulation.jsonOnly')}</p>
    </div>
  );
}
