// A queue's working object, with what can be worked out once per configuration instead of once
// per contact: overflow rules in firing order and the requirements after each overflow step.

import type { Contact, Queue } from './model.ts';
import { agingRatePerMs } from './priority.ts';
import { RankedList } from './rankedList.ts';
import { applyOverflowAction, compileRequirements, mergeRequirements, signature, sortedRules, type SkillIndex } from './requirements.ts';
import type { QueueConfig, SkillRequirement } from './types.ts';

export function createQueue(config: QueueConfig, ahtMs: number, turn: number, skills: SkillIndex): Queue {
  const q: Queue = {
    config,
    ratePerMs: 0,
    groups: new Map(),
    groupList: [],
    waiting: new RankedList<Contact>(),
    rules: [],
    stageRequirements: [],
    members: new Set(),
    available: [],
    staffedSlots: 0,
    ahtMs,
    turn,
  };
  setQueueConfig(q, config, skills);
  return q;
}

export function setQueueConfig(q: Queue, config: QueueConfig, skills: SkillIndex): void {
  q.config = config;
  q.ratePerMs = agingRatePerMs(config.agingPerMinute);
  q.rules = sortedRules(config.overflow);
  const stage = (requirements: SkillRequirement[]) => ({ requirements, need: compileRequirements(requirements, skills), signature: signature(requirements) });
  let reqs = mergeRequirements(config.skills, []);
  q.stageRequirements = [stage(reqs)];
  for (const rule of q.rules) {
    reqs = applyOverflowAction(reqs, rule.action);
    q.stageRequirements.push(stage(reqs));
  }
}
