import { describe, expect, it } from 'vitest';
import { RoutingEngine, type RoutingSnapshot } from '../../src/routing/index.ts';
import { agent, Harness, queue } from './helpers.ts';

// The server stores each contact's and agent's part of the snapshot after every decision and
// rebuilds the engine from those parts after a restart (docs/ROUTING.md § server).
describe('snapshot parts (what the server stores per contact and agent)', () => {
  it('are the entries of the whole snapshot, and an engine rebuilt from them decides the same', () => {
    const h = new Harness().queues(queue('q', { offerTimeoutSeconds: 30, wrapUpSeconds: 10 })).agents(agent('a', ['q']), agent('b', ['q']));
    h.at(1).ready('a');
    h.arrive('c1', 'q', { priority: 2 });
    h.at(2).arrive('c2', 'q');
    h.do({ type: 'offerDeclined', contactId: 'c1', agentId: 'a' });
    const whole = h.engine.snapshot();
    for (const c of whole.contacts) expect(h.engine.contactSnapshot(c.id)).toEqual(c);
    for (const a of whole.agents) expect(h.engine.agentSnapshot(a.config.id)).toEqual(a);
    expect(h.engine.contactSnapshot('nobody')).toBeNull();
    expect(h.engine.agentSnapshot('nobody')).toBeNull();
    expect(h.engine.contactSnapshot('c1')).toMatchObject({ status: 'waiting', declinedBy: ['a'], priority: 2 });

    // Assemble a snapshot from the parts (as rebuild.ts does from the tables) and compare futures.
    const parts: RoutingSnapshot = {
      ...whole,
      contacts: ['c1', 'c2'].map((id) => h.engine.contactSnapshot(id)!),
      agents: ['a', 'b'].map((id) => h.engine.agentSnapshot(id)!),
    };
    const rebuilt = RoutingEngine.restore(parts);
    const next = { type: 'agentStateRequested', agentId: 'b', to: 'ready', now: 3000 } as const;
    expect(rebuilt.apply(next).decisions).toEqual(h.engine.apply(next).decisions);
  });
});
