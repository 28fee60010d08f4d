import type { ScriptDefinition, ScriptStep } from './definition.ts';

/** What the operator did at one step: nothing (say/end), an answer (question) or a value (field). */
export interface ScriptInput {
  stepId: string;
  answerId?: string;
  value?: string;
}

/** One step as it was walked, with the texts that were shown (kept even if the script changes later). */
export interface WalkedStep {
  stepId: string;
  kind: ScriptStep['kind'];
  text: string;
  answerId?: string;
  answerLabel?: string;
  fieldKey?: string;
  value?: string;
}

export interface ScriptWalk {
  path: WalkedStep[];
  /** The step to show now; null when the walk reached an end. */
  current: ScriptStep | null;
  finished: boolean;
  /** The end step's outcome, once finished. */
  outcome: string | null;
  /** Field values collected so far (a field asked twice keeps the later value). */
  fields: Record<string, string>;
}

export class ScriptWalkError extends Error {
  constructor(
    /** Index of the offending input. */
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Replays the operator's inputs over a script and says where they stand. The server runs it on
 * every stored run so a path that the script does not allow (a skipped question, an answer
 * that does not exist) is refused rather than stored; the desk runs it to show the next step.
 */
export function walkScript(def: ScriptDefinition, inputs: readonly ScriptInput[]): ScriptWalk {
  const steps = new Map(def.steps.map((s) => [s.id, s]));
  const path: WalkedStep[] = [];
  const fields: Record<string, string> = {};
  let current: ScriptStep | null = steps.get(def.start) ?? null;
  let outcome: string | null = null;
  inputs.forEach((input, i) => {
    if (!current) throw new ScriptWalkError(i, 'the script has already ended');
    if (input.stepId !== current.id) throw new ScriptWalkError(i, `expected step "${current.id}", got "${input.stepId}"`);
    const walked: WalkedStep = { stepId: current.id, kind: current.kind, text: current.text };
    let next: string | null = null;
    switch (current.kind) {
      case 'say':
        next = current.next;
        break;
      case 'question': {
        const answer = current.answers.find((a) => a.id === input.answerId);
        if (!answer) throw new ScriptWalkError(i, `step "${current.id}" has no answer "${input.answerId ?? ''}"`);
        Object.assign(walked, { answerId: answer.id, answerLabel: answer.label });
        next = answer.next;
        break;
      }
      case 'field': {
        const value = input.value?.trim() ?? '';
        if (!value) throw new ScriptWalkError(i, `step "${current.id}" needs a value for "${current.fieldKey}"`);
        Object.assign(walked, { fieldKey: current.fieldKey, value });
        fields[current.fieldKey] = value;
        next = current.next;
        break;
      }
      case 'end':
        outcome = current.outcome;
        break;
    }
    path.push(walked);
    current = next === null ? null : (steps.get(next) ?? null);
    if (next !== null && !current) throw new ScriptWalkError(i, `the script has no step "${next}"`);
  });
  return { path, current, finished: current === null && outcome !== null, outcome, fields };
}
