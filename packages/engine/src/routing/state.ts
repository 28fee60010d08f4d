// The engine's working state, shared by the modules that handle events: the queues, agents and
// contacts with their indexes, the timers, the clock and the decisions of the current event.
// `RoutingEngine` (engine.ts) owns one and is the only public way in.

import type { Decision, RoutingError } from './decisions.ts';
import type { Agent, Contact, Queue } from './model.ts';
import { SkillIndex } from './requirements.ts';
import { TimerQueue } from './timers.ts';
import { DEFAULT_OPTIONS, type RoutingOptions } from './types.ts';

/** Refused event: thrown inside a handler before it changes anything, returned as a RoutingError. */
export class Refusal extends Error {
  constructor(readonly error: RoutingError) {
    super(error.message);
  }
}

export function refuse(code: Exclude<RoutingError['code'], 'illegalTransition'>, message: string): never {
  throw new Refusal({ code, message });
}

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class RoutingState {
  readonly options: RoutingOptions;
  readonly queues = new Map<string, Queue>();
  readonly agents = new Map<string, Agent>();
  readonly contacts = new Map<string, Contact>();
  /** Arrival counter (tie-break of equal scores). */
  seq = 0;
  /** Time of the last event (or fired timer). */
  now = -Infinity;
  /** Set by restore: the next event first pairs whatever can be paired. */
  unsettled = false;
  readonly timers = new TimerQueue();
  readonly skills = new SkillIndex();
  readonly exclusive: Set<string>;
  /** Decisions of the event being applied. */
  out: Decision[] = [];

  constructor(options: Partial<RoutingOptions> = {}) {
    this.options = {
      defaultCapacity: { ...(options.defaultCapacity ?? DEFAULT_OPTIONS.defaultCapacity) },
      exclusiveChannels: [...(options.exclusiveChannels ?? DEFAULT_OPTIONS.exclusiveChannels)],
    };
    this.exclusive = new Set(this.options.exclusiveChannels);
  }

  emit(d: DistributiveOmit<Decision, 'at'>): void {
    (d as Decision).at = this.now;
    this.out.push(d as Decision);
  }

  queue(id: string): Queue {
    return this.queues.get(id) ?? refuse('unknownQueue', `no queue ${id}`);
  }

  agent(id: string): Agent {
    return this.agents.get(id) ?? refuse('unknownAgent', `no agent ${id}`);
  }

  contact(id: string): Contact {
    return this.contacts.get(id) ?? refuse('unknownContact', `no contact ${id} in routing`);
  }

  offeredTo(contactId: string, agentId: string): Contact {
    const c = this.contact(contactId);
    if (c.status !== 'offered' || c.agentId !== agentId) refuse('notOffered', `contact ${contactId} is not offered to ${agentId}`);
    return c;
  }
}
