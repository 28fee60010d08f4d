// Skill requirements of a contact, and what overflow does to them (R3).
//
// A contact needs its queue's skills plus any of its own (e.g. a language), each at a minimum
// proficiency. Overflow rules of the queue, applied in order as the contact waits, drop
// requirements ("widen skills") or lower minimums, so more agents qualify; "move to another
// queue" starts over with that queue's skills and rules.

import type { OverflowAction, OverflowRule, Proficiency, QueueConfig, SkillRequirement } from './types.ts';

/** Union of two requirement lists; for a skill in both, the higher minimum. Sorted by skill. */
export function mergeRequirements(base: readonly SkillRequirement[], extra: readonly SkillRequirement[]): SkillRequirement[] {
  const bySkill = new Map<string, number>();
  for (const r of [...base, ...extra]) bySkill.set(r.skill, Math.max(bySkill.get(r.skill) ?? 0, r.min));
  return [...bySkill].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([skill, min]) => ({ skill, min }));
}

/** Requirements after one overflow action (moveToQueue is handled by the engine, not here). */
export function applyOverflowAction(reqs: readonly SkillRequirement[], action: OverflowAction): SkillRequirement[] {
  switch (action.kind) {
    case 'widenSkills': {
      if (action.skills === undefined) return [];
      const drop = new Set(action.skills);
      return reqs.filter((r) => !drop.has(r.skill));
    }
    case 'lowerMinimum':
      return reqs.map((r) => ({ skill: r.skill, min: Math.min(r.min, action.to) }));
    case 'moveToQueue':
      return [...reqs];
  }
}

/** Overflow rules in the order they fire (stable for equal times). */
export function sortedRules(rules: readonly OverflowRule[]): OverflowRule[] {
  return rules.map((r, i) => ({ r, i })).sort((a, b) => a.r.afterSeconds - b.r.afterSeconds || a.i - b.i).map((x) => x.r);
}

/** The requirements of a contact in `queue` after the first `stage` overflow rules fired. */
export function requirementsAt(queue: QueueConfig, extra: readonly SkillRequirement[], stage: number): SkillRequirement[] {
  let reqs = mergeRequirements(queue.skills, extra);
  const rules = sortedRules(queue.overflow);
  for (let i = 0; i < stage && i < rules.length; i++) reqs = applyOverflowAction(reqs, (rules[i] as OverflowRule).action);
  return reqs;
}

/** A stable name for a requirement list: contacts with the same one share a heap. */
export function signature(reqs: readonly SkillRequirement[]): string {
  let s = '';
  for (const r of reqs) s += `${r.skill}\u0000${r.min}\u0001`;
  return s;
}

/**
 * Skill names as small integers, so the hot paths (does this agent qualify for this group?)
 * read numbers from arrays instead of looking names up in objects. Ids are never reused.
 */
export class SkillIndex {
  private readonly ids = new Map<string, number>();

  id(skill: string): number {
    let i = this.ids.get(skill);
    if (i === undefined) {
      i = this.ids.size;
      this.ids.set(skill, i);
    }
    return i;
  }
}

/** Requirements as [skill id, minimum, skill id, minimum, …]. */
export type CompiledRequirements = Float64Array;
export const NO_NEED: CompiledRequirements = new Float64Array(0);

export function compileRequirements(reqs: readonly SkillRequirement[], index: SkillIndex): CompiledRequirements {
  const need = new Float64Array(reqs.length * 2);
  reqs.forEach((r, i) => {
    need[2 * i] = index.id(r.skill);
    need[2 * i + 1] = r.min;
  });
  return need;
}

/** An agent's proficiency by skill id (0 where it has none). */
export function proficiencyVector(skills: Readonly<Record<string, Proficiency>>, index: SkillIndex): Float64Array {
  const entries = Object.entries(skills).map(([skill, p]) => [index.id(skill), p] as const);
  const prof = new Float64Array(entries.reduce((n, [id]) => Math.max(n, id + 1), 0));
  for (const [id, p] of entries) prof[id] = p;
  return prof;
}

/** Whether an agent with these proficiencies meets every requirement (at least each minimum). */
export function qualifies(prof: Float64Array, need: CompiledRequirements): boolean {
  for (let i = 0; i < need.length; i += 2) {
    const id = need[i] as number;
    if ((id < prof.length ? (prof[id] as number) : 0) < (need[i + 1] as number)) return false;
  }
  return true;
}

/** Sum of the agent's proficiency in the compiled required skills (the hot path of proficiencyScore). */
export function compiledProficiencyScore(prof: Float64Array, need: CompiledRequirements): number {
  let sum = 0;
  for (let i = 0; i < need.length; i += 2) {
    const id = need[i] as number;
    if (id < prof.length) sum += prof[id] as number;
  }
  return sum;
}

/** Sum of the agent's proficiency in the required skills (best-proficiency strategy). */
export function proficiencyScore(skills: Readonly<Record<string, Proficiency>>, reqs: readonly SkillRequirement[]): number {
  let sum = 0;
  for (const r of reqs) sum += skills[r.skill] ?? 0;
  return sum;
}
