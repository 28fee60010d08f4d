import { expect } from 'vitest';
import { RoutingEngine, type AgentConfig, type Decision, type QueueConfig, type RoutingEvent } from '../../src/routing/index.ts';

export function queue(id: string, over: Partial<QueueConfig> = {}): QueueConfig {
  return { id, channel: 'voice', priority: 0, skills: [], strategy: 'longestIdle', agingPerMinute: 0, overflow: [], offerTimeoutSeconds: 20, wrapUpSeconds: 0, ...over };
}

export function agent(id: string, queues: string[], over: Partial<AgentConfig> = {}): AgentConfig {
  return { id, skills: {}, queues, ...over };
}

/** An engine whose `do` applies an event and fails the test on refusal. */
export class Harness {
  engine = new RoutingEngine();
  log: Decision[] = [];
  t = 0;

  do(e: DistributiveOmit<RoutingEvent, 'now'> & { now?: number }): Decision[] {
    if (e.now !== undefined) this.t = e.now;
    const r = this.engine.apply({ ...e, now: this.t } as RoutingEvent);
    if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
    this.log.push(...r.decisions);
    return r.decisions;
  }

  at(seconds: number): this {
    this.t = seconds * 1000;
    return this;
  }

  queues(...qs: QueueConfig[]): this {
    for (const q of qs) this.do({ type: 'queueConfigured', queue: q });
    return this;
  }

  agents(...as: AgentConfig[]): this {
    for (const a of as) this.do({ type: 'agentConfigured', agent: a });
    return this;
  }

  ready(...ids: string[]): Decision[] {
    return ids.flatMap((id) => this.do({ type: 'agentStateRequested', agentId: id, to: 'ready' }));
  }

  arrive(contactId: string, queueId: string, extra: { priority?: number; skills?: { skill: string; min: number }[]; lastAgentId?: string } = {}): Decision[] {
    return this.do({ type: 'contactArrived', contactId, queueId, ...extra });
  }

  accept(contactId: string): Decision[] {
    const agentId = this.engine.contactView(contactId)?.agentId;
    if (!agentId) throw new Error(`${contactId} not offered`);
    return this.do({ type: 'offerAccepted', contactId, agentId });
  }

  end(contactId: string): Decision[] {
    return this.do({ type: 'contactEnded', contactId });
  }

  offers(ds: Decision[] = this.log): { contactId: string; agentId: string }[] {
    return ds.filter((d) => d.type === 'offer').map((d) => ({ contactId: (d as { contactId: string }).contactId, agentId: (d as { agentId: string }).agentId }));
  }

  offeredTo(contactId: string): string | null {
    return this.engine.contactView(contactId)?.agentId ?? null;
  }
}

export function types(ds: Decision[]): string[] {
  return ds.map((d) => d.type);
}

export function expectOffer(ds: Decision[], contactId: string, agentId: string): void {
  expect(ds.some((d) => d.type === 'offer' && d.contactId === contactId && d.agentId === agentId), JSON.stringify(ds)).toBe(true);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
