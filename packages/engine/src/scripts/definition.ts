/**
 * A conversation script (A3): steps the operator goes through during a contact. Kinds:
 * - `say`: text to say, then the next step;
 * - `question`: a question whose answer chooses the next step;
 * - `field`: ask for a value that fills one of the hotline's custom contact fields;
 * - `end`: closing words and the contact's outcome.
 * Any step may point to knowledge articles the operator may need at that moment.
 * Steps are addressed by ids the editor makes; texts can change without breaking stored runs,
 * which keep the text that was actually shown.
 */
export interface ScriptAnswer {
  id: string;
  label: string;
  next: string;
}

interface StepBase {
  id: string;
  text: string;
  articleIds?: string[];
}

export type ScriptStep =
  | (StepBase & { kind: 'say'; next: string })
  | (StepBase & { kind: 'question'; answers: ScriptAnswer[] })
  | (StepBase & { kind: 'field'; fieldKey: string; next: string })
  | (StepBase & { kind: 'end'; outcome: string });

export type ScriptStepKind = ScriptStep['kind'];

export const SCRIPT_STEP_KINDS = ['say', 'question', 'field', 'end'] as const satisfies readonly ScriptStepKind[];

export interface ScriptDefinition {
  start: string;
  steps: ScriptStep[];
}

/** Where each step leads (answers in their order). */
export function successors(step: ScriptStep): string[] {
  switch (step.kind) {
    case 'say':
    case 'field':
      return [step.next];
    case 'question':
      return step.answers.map((a) => a.next);
    case 'end':
      return [];
  }
}
