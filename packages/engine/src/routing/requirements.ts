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

export function meetsRequirements(skills: Readonly<Record<string, Proficiency>>, reqs: readonly SkillRequirement[]): boolean {
  for (const r of reqs) if ((skills[r.skill] ?? 0) < r.min) return false;
  return true;
}

/** Sum of the agent's proficiency in the required skills (best-proficiency strategy). */
export function proficiencyScore(skills: Readonly<Record<string, Proficiency>>, reqs: readonly SkillRequirement[]): number {
  let sum = 0;
  for (const r of reqs) sum += skills[r.skill] ?? 0;
  return sum;
}
