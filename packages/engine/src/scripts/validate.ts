import { successors, type ScriptDefinition, type ScriptStep } from './definition.ts';

export interface ScriptIssue {
  /** Dotted path into the definition, e.g. `steps.3.answers.1.next`, for the editor to mark. */
  path: string;
  message: string;
}

export interface ValidateOptions {
  /** The hotline's custom field keys; a field step must fill one of them. */
  fieldKeys?: readonly string[];
}

/**
 * Everything that would let an operator get lost in a script: a missing or unknown step, a
 * question without answers, a step nobody reaches (forgotten work of the author), and — worst
 * during a live call — a step from which no end can be reached (a loop with no way out).
 * Loops with an exit are allowed: "repeat the check" is a real pattern.
 */
export function validateScript(def: ScriptDefinition, opts: ValidateOptions = {}): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const byId = new Map<string, number>();
  def.steps.forEach((s, i) => {
    if (byId.has(s.id)) issues.push({ path: `steps.${i}.id`, message: `step id "${s.id}" is used twice` });
    else byId.set(s.id, i);
  });
  if (def.steps.length === 0) issues.push({ path: 'steps', message: 'a script needs at least one step' });
  else if (!byId.has(def.start)) issues.push({ path: 'start', message: `no step "${def.start}"` });

  def.steps.forEach((s, i) => checkStep(s, i, byId, opts, issues));
  if (issues.length > 0) return issues; // reachability needs a well-formed graph

  const reachable = reach(def, [def.start], (s) => successors(s));
  def.steps.forEach((s, i) => {
    if (!reachable.has(s.id)) issues.push({ path: `steps.${i}`, message: `step "${s.id}" cannot be reached from the start` });
  });
  // Steps that can reach an end: walk the graph backwards from the end steps.
  const preds = new Map<string, string[]>();
  for (const s of def.steps) for (const n of successors(s)) preds.set(n, [...(preds.get(n) ?? []), s.id]);
  const ends = def.steps.filter((s) => s.kind === 'end').map((s) => s.id);
  const finishing = reach(def, ends, (s) => preds.get(s.id) ?? []);
  def.steps.forEach((s, i) => {
    if (reachable.has(s.id) && !finishing.has(s.id)) {
      issues.push({ path: `steps.${i}`, message: `from step "${s.id}" no end step can be reached` });
    }
  });
  return issues;
}

function checkStep(s: ScriptStep, i: number, byId: Map<string, number>, opts: ValidateOptions, issues: ScriptIssue[]) {
  const at = `steps.${i}`;
  const target = (path: string, id: string) => {
    if (!byId.has(id)) issues.push({ path, message: `no step "${id}"` });
  };
  if (!s.id.trim()) issues.push({ path: `${at}.id`, message: 'a step needs an id' });
  if (!s.text.trim()) issues.push({ path: `${at}.text`, message: 'the step has no text' });
  switch (s.kind) {
    case 'say':
      target(`${at}.next`, s.next);
      break;
    case 'field':
      target(`${at}.next`, s.next);
      if (opts.fieldKeys && !opts.fieldKeys.includes(s.fieldKey)) {
        issues.push({ path: `${at}.fieldKey`, message: `the hotline has no field "${s.fieldKey}"` });
      }
      break;
    case 'question': {
      if (s.answers.length === 0) issues.push({ path: `${at}.answers`, message: 'a question needs at least one answer' });
      const seen = new Set<string>();
      s.answers.forEach((a, j) => {
        if (seen.has(a.id)) issues.push({ path: `${at}.answers.${j}.id`, message: `answer id "${a.id}" is used twice` });
        seen.add(a.id);
        if (!a.label.trim()) issues.push({ path: `${at}.answers.${j}.label`, message: 'the answer has no text' });
        target(`${at}.answers.${j}.next`, a.next);
      });
      break;
    }
    case 'end':
      if (!s.outcome.trim()) issues.push({ path: `${at}.outcome`, message: 'an end step sets the outcome' });
      break;
  }
}

function reach(def: ScriptDefinition, from: string[], next: (s: ScriptStep) => string[]): Set<string> {
  const steps = new Map(def.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || !steps.has(id)) continue;
    seen.add(id);
    stack.push(...next(steps.get(id)!));
  }
  return seen;
}
