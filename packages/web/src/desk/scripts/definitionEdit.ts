import type { ScriptDefinition, ScriptStep, ScriptStepKind } from '@linia/engine';

/** Edits of a script definition the editor makes; pure, so each returns a new definition. */

/** The next free id of the form s1, s2, …: short, stable, never reused within a script. */
export function freshId(def: ScriptDefinition, prefix = 's'): string {
  const taken = new Set(def.steps.flatMap((s) => [s.id, ...(s.kind === 'question' ? s.answers.map((a) => a.id) : [])]));
  for (let n = def.steps.length + 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** A step of `kind` with its links pointing at `next` (where a new step usually leads). */
export function blankStep(kind: ScriptStepKind, id: string, next: string, fieldKey = ''): ScriptStep {
  switch (kind) {
    case 'say':
      return { id, kind, text: '', next };
    case 'question':
      return { id, kind, text: '', answers: [{ id: `${id}a1`, label: '', next }] };
    case 'field':
      return { id, kind, text: '', fieldKey, next };
    case 'end':
      return { id, kind, text: '', outcome: '' };
  }
}

/** Changing a step's kind keeps its id, text and articles, and where it led where that makes sense. */
export function withKind(step: ScriptStep, kind: ScriptStepKind, fieldKey = ''): ScriptStep {
  const next = step.kind === 'say' || step.kind === 'field' ? step.next : step.kind === 'question' ? (step.answers[0]?.next ?? step.id) : step.id;
  return { ...blankStep(kind, step.id, next, fieldKey), text: step.text, ...(step.articleIds ? { articleIds: step.articleIds } : {}) };
}

export function replaceStep(def: ScriptDefinition, index: number, step: ScriptStep): ScriptDefinition {
  return { ...def, steps: def.steps.map((s, i) => (i === index ? step : s)) };
}

export function removeStep(def: ScriptDefinition, index: number): ScriptDefinition {
  const steps = def.steps.filter((_, i) => i !== index);
  const start = def.start === def.steps[index]?.id ? (steps[0]?.id ?? '') : def.start;
  return { start, steps };
}

/** The starting script of a new one: a greeting that leads to a closing. */
export function starterDefinition(greeting: string, closing: string, outcome: string): ScriptDefinition {
  return {
    start: 's1',
    steps: [
      { id: 's1', kind: 'say', text: greeting, next: 's2' },
      { id: 's2', kind: 'end', text: closing, outcome },
    ],
  };
}
