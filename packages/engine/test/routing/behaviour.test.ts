import { describe, expect, it } from 'vitest';
import { RoutingEngine } from '../../src/routing/index.ts';
import { Harness, agent, queue, types } from './helpers.ts';

describe('priority and aging', () => {
  it('serves the higher-priority queue first, FIFO within a queue', () => {
    const h = new Harness().queues(queue('low', { priority: 1 }), queue('high', { priority: 5 }));
    h.agents(agent('a', ['low', 'high']));
    h.at(1).arrive('l1', 'low');
    h.at(2).arrive('l2', 'low');
    h.at(3).arrive('h1', 'high');
    h.at(4).ready('a');
    expect(h.offeredTo('h1')).toBe('a');
    h.accept('h1');
    h.at(5).end('h1');
    expect(h.offeredTo('l1')).toBe('a');
  });

  it('aging lets a long-waiting low-priority contact overtake', () => {
    // low ages 1 point/min; high has +3. After 5 min the low contact scores 1+5 = 6 > 5 + ~0.
    const h = new Harness().queues(queue('low', { priority: 1, agingPerMinute: 1 }), queue('high', { priority: 4, agingPerMinute: 1 }));
    h.agents(agent('a', ['low', 'high']));
    h.at(0).arrive('old', 'low');
    h.at(299).arrive('new', 'high'); // scores at 300 s: old 1+5 = 6, new 4+0.0167
    h.at(300).ready('a');
    expect(h.offeredTo('old')).toBe('a');
  });

  it("a contact's own priority counts", () => {
    const h = new Harness().queues(queue('q'));
    h.agents(agent('a', ['q']));
    h.at(1).arrive('normal', 'q');
    h.at(2).arrive('vip', 'q', { priority: 10 });
    h.ready('a');
    expect(h.offeredTo('vip')).toBe('a');
  });
});

describe('overflow', () => {
  const skilled = queue('q', { skills: [{ skill: 'en', min: 4 }, { skill: 'billing', min: 3 }] });

  it('lowers the minimum proficiency after T seconds', () => {
    const h = new Harness().queues({ ...skilled, overflow: [{ afterSeconds: 30, action: { kind: 'lowerMinimum', to: 2 } }] });
    h.agents(agent('a', ['q'], { skills: { en: 2, billing: 2 } }));
    h.at(0).ready('a');
    expect(h.offers(h.arrive('x', 'q'))).toEqual([]);
    expect(h.engine.nextDeadline()).toBe(30_000);
    const d = h.do({ type: 'tick', now: 30_000 });
    expect(types(d)).toEqual(['overflowApplied', 'offer', 'agentStateChanged']);
    expect(d[0]).toMatchObject({ requirements: [{ skill: 'billing', min: 2 }, { skill: 'en', min: 2 }] });
  });

  it('widens skills (drops a requirement), then moves to another queue', () => {
    const h = new Harness().queues(queue('backup'), {
      ...skilled,
      overflow: [
        { afterSeconds: 20, action: { kind: 'widenSkills', skills: ['billing'] } },
        { afterSeconds: 60, action: { kind: 'moveToQueue', queueId: 'backup' } },
      ],
    });
    h.agents(agent('billingless', ['q'], { skills: { en: 5 } }), agent('other', ['backup']));
    h.at(0).arrive('x', 'q');
    h.at(1).ready('billingless');
    h.do({ type: 'contactArrived', contactId: 'y', queueId: 'q' }); // x was first: billingless waits for widening
    expect(h.offers()).toEqual([]);
    expect(h.offers(h.do({ type: 'tick', now: 20_000 }))).toEqual([{ contactId: 'x', agentId: 'billingless' }]);
    h.accept('x');
    h.at(30).ready('other');
    expect(h.offeredTo('y')).toBeNull(); // other is not in q
    const d = h.do({ type: 'tick', now: 61_000 });
    expect(d.find((x) => x.type === 'overflowApplied')).toMatchObject({ contactId: 'y', fromQueueId: 'q', toQueueId: 'backup' });
    expect(h.offeredTo('y')).toBe('other');
  });

  it('does not overflow an offered contact; applies the due rule if the offer fails', () => {
    const h = new Harness().queues(queue('b'), queue('q', { offerTimeoutSeconds: 10, overflow: [{ afterSeconds: 5, action: { kind: 'moveToQueue', queueId: 'b' } }] }));
    h.agents(agent('a', ['q']), agent('z', ['b']));
    h.at(0).ready('a', 'z');
    h.arrive('x', 'q');
    expect(h.offeredTo('x')).toBe('a');
    const d = h.do({ type: 'tick', now: 10_000 });
    expect(types(d)).toContain('offerWithdrawn');
    expect(d.find((x) => x.type === 'overflowApplied')).toMatchObject({ toQueueId: 'b' });
    expect(h.offeredTo('x')).toBe('z');
  });
});

describe('capacity', () => {
  it('voice is exclusive: an agent on a call gets no chat, an agent with a chat gets no call', () => {
    const h = new Harness().queues(queue('v'), queue('c', { channel: 'chat' }));
    h.agents(agent('a', ['v', 'c']));
    h.at(0).ready('a');
    h.arrive('call', 'v');
    expect(h.offeredTo('call')).toBe('a');
    h.arrive('chat1', 'c');
    expect(h.offeredTo('chat1')).toBeNull();
    h.accept('call');
    h.at(5).end('call');
    expect(h.offeredTo('chat1')).toBe('a'); // freed: the chat comes
    h.arrive('call2', 'v');
    expect(h.offeredTo('call2')).toBeNull();
  });

  it('chats up to the capacity, e-mails on top, configurable per agent', () => {
    const h = new Harness().queues(queue('c', { channel: 'chat' }), queue('e', { channel: 'email', autoAccept: true }));
    h.agents(agent('a', ['c', 'e'], { capacity: { chat: 2, email: 1 } }));
    h.at(0).ready('a');
    for (const id of ['c1', 'c2', 'c3']) h.arrive(id, 'c');
    for (const id of ['e1', 'e2']) h.arrive(id, 'e');
    expect(h.engine.agentView('a')?.load).toEqual({ chat: 2, email: 1 });
    expect(h.offeredTo('c3')).toBeNull();
    expect(h.engine.contactView('e1')?.status).toBe('connected'); // auto-accept
    expect(h.offeredTo('e2')).toBeNull();
  });

  it('capacity 0 means never offered that channel', () => {
    const h = new Harness().queues(queue('c', { channel: 'chat' }));
    h.agents(agent('a', ['c'], { capacity: { chat: 0 } }));
    h.at(0).ready('a');
    expect(h.offers(h.arrive('x', 'c'))).toEqual([]);
  });
});

describe('offer timeout, decline and wrap-up', () => {
  it('offer timeout re-routes and sets the agent not ready: no answer', () => {
    const h = new Harness().queues(queue('q', { offerTimeoutSeconds: 15 }));
    h.agents(agent('a', ['q']), agent('b', ['q']));
    h.at(0).ready('a');
    h.at(1).ready('b');
    h.arrive('x', 'q');
    expect(h.offeredTo('x')).toBe('a');
    expect(h.engine.nextDeadline()).toBe(16_000);
    const d = h.do({ type: 'tick', now: 16_000 });
    expect(d[0]).toMatchObject({ type: 'offerWithdrawn', agentId: 'a', reason: 'timeout', at: 16_000 });
    expect(d).toContainEqual(expect.objectContaining({ type: 'agentStateChanged', agentId: 'a', to: 'notReady', reason: 'noAnswer' }));
    expect(h.offeredTo('x')).toBe('b');
    expect(h.engine.agentView('a')).toMatchObject({ state: 'notReady', reason: 'noAnswer' });
  });

  it('a declined contact goes to someone else and not back to the decliner', () => {
    const h = new Harness().queues(queue('q'));
    h.agents(agent('a', ['q']), agent('b', ['q']));
    h.at(0).ready('a');
    h.arrive('x', 'q');
    const d = h.do({ type: 'offerDeclined', contactId: 'x', agentId: 'a' });
    expect(types(d)).toContain('contactQueued');
    expect(h.offeredTo('x')).toBeNull();
    h.at(2).ready('b');
    expect(h.offeredTo('x')).toBe('b');
  });

  it('wrap-up holds the agent until ended, at most the queue maximum', () => {
    const h = new Harness().queues(queue('q', { wrapUpSeconds: 30 }));
    h.agents(agent('a', ['q']));
    h.at(0).ready('a');
    h.arrive('x', 'q');
    h.accept('x');
    const d = h.at(60).end('x');
    expect(d).toContainEqual(expect.objectContaining({ type: 'wrapUpStarted', deadline: 90_000 }));
    expect(h.engine.agentView('a')?.state).toBe('wrapUp');
    h.at(70).arrive('y', 'q');
    expect(h.offeredTo('y')).toBeNull();
    const forced = h.do({ type: 'tick', now: 90_000 });
    expect(forced[0]).toMatchObject({ type: 'wrapUpEnded', forced: true });
    expect(forced.find((x) => x.type === 'contactReleased')).toMatchObject({ handleMs: 90_000 });
    expect(h.offeredTo('y')).toBe('a');
  });

  it('wrap-up ended by the agent frees them at once', () => {
    const h = new Harness().queues(queue('q', { wrapUpSeconds: 30 }));
    h.agents(agent('a', ['q']));
    h.at(0).ready('a');
    h.arrive('x', 'q');
    h.accept('x');
    h.at(10).end('x');
    h.at(12).arrive('y', 'q');
    const d = h.do({ type: 'wrapUpEnded', contactId: 'x' });
    expect(d[0]).toMatchObject({ type: 'wrapUpEnded', forced: false });
    expect(h.offeredTo('y')).toBe('a');
  });

  it('abandon while waiting or while offered', () => {
    const h = new Harness().queues(queue('q'));
    h.agents(agent('a', ['q']));
    h.at(0).arrive('w', 'q');
    expect(h.at(5).do({ type: 'contactAbandoned', contactId: 'w' })).toEqual([{ type: 'contactAbandoned', contactId: 'w', queueId: 'q', waitedMs: 5000, at: 5000 }]);
    h.ready('a');
    h.arrive('o', 'q');
    const d = h.at(7).end('o'); // ended while ringing = abandoned
    expect(types(d)).toEqual(['offerWithdrawn', 'contactAbandoned', 'agentStateChanged']);
    expect(h.engine.agentView('a')?.state).toBe('ready');
  });
});

describe('agent states', () => {
  it('refuses illegal transitions with the allowed ones and changes nothing', () => {
    const e = new RoutingEngine();
    e.apply({ type: 'queueConfigured', queue: queue('q'), now: 0 });
    e.apply({ type: 'agentConfigured', agent: agent('a', ['q']), now: 0 });
    const r = e.apply({ type: 'agentStateRequested', agentId: 'a', to: 'offline', now: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'illegalTransition', from: 'offline', to: 'offline', allowed: ['ready', 'notReady'] } });
    e.apply({ type: 'agentStateRequested', agentId: 'a', to: 'ready', now: 2 });
    e.apply({ type: 'contactArrived', contactId: 'x', queueId: 'q', now: 3 });
    const busy = e.apply({ type: 'agentStateRequested', agentId: 'a', to: 'offline', now: 4 });
    expect(busy).toMatchObject({ ok: false, error: { code: 'illegalTransition', from: 'onContact', allowed: ['ready', 'notReady'] } });
    expect(e.agentView('a')?.state).toBe('onContact');
    expect(e.apply({ type: 'agentStateRequested', agentId: 'a', to: 'notReady', now: 5 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('not ready during a call takes effect after it (pending), with the reason', () => {
    const h = new Harness().queues(queue('q', { wrapUpSeconds: 10 }));
    h.agents(agent('a', ['q']));
    h.at(0).ready('a');
    h.arrive('x', 'q');
    h.accept('x');
    expect(h.do({ type: 'agentStateRequested', agentId: 'a', to: 'notReady', reason: 'lunch' })).toEqual([]);
    h.at(10).end('x');
    h.at(12).arrive('y', 'q');
    const d = h.at(20).do({ type: 'tick' });
    expect(d).toContainEqual(expect.objectContaining({ type: 'agentStateChanged', from: 'wrapUp', to: 'notReady', reason: 'lunch' }));
    expect(h.offeredTo('y')).toBeNull();
  });

  it('custom reason codes and reason changes are announced', () => {
    const h = new Harness().queues(queue('q')).agents(agent('a', ['q']));
    h.at(0).do({ type: 'agentStateRequested', agentId: 'a', to: 'notReady', reason: 'coaching' });
    const d = h.do({ type: 'agentStateRequested', agentId: 'a', to: 'notReady', reason: 'break' });
    expect(d).toEqual([{ type: 'agentStateChanged', agentId: 'a', from: 'notReady', to: 'notReady', reason: 'break', at: 0 }]);
  });

  it('forced offline withdraws offers and re-routes them', () => {
    const h = new Harness().queues(queue('q'));
    h.agents(agent('a', ['q']), agent('b', ['q']));
    h.at(0).ready('a');
    h.at(1).ready('b');
    h.arrive('x', 'q');
    expect(h.offeredTo('x')).toBe('a');
    const d = h.do({ type: 'agentStateRequested', agentId: 'a', to: 'offline', force: true });
    expect(d[0]).toMatchObject({ type: 'offerWithdrawn', reason: 'agentOffline' });
    expect(h.offeredTo('x')).toBe('b');
    expect(h.engine.agentView('a')?.state).toBe('offline');
  });

  it('rejects time going back and unknown ids', () => {
    const e = new RoutingEngine();
    e.apply({ type: 'tick', now: 100 });
    expect(e.apply({ type: 'tick', now: 50 })).toMatchObject({ ok: false, error: { code: 'timeWentBack' } });
    expect(e.apply({ type: 'contactArrived', contactId: 'x', queueId: 'nope', now: 100 })).toMatchObject({ ok: false, error: { code: 'unknownQueue' } });
    expect(e.apply({ type: 'offerAccepted', contactId: 'x', agentId: 'a', now: 100 })).toMatchObject({ ok: false, error: { code: 'unknownContact' } });
  });
});

describe('configuration changes', () => {
  it('skills changed or moved to a queue: the agent pulls what it now qualifies for', () => {
    const h = new Harness().queues(queue('q', { skills: [{ skill: 'de', min: 3 }] }), queue('r'));
    h.agents(agent('a', ['r']));
    h.at(0).ready('a');
    h.arrive('x', 'q');
    h.do({ type: 'agentQueuesChanged', agentId: 'a', queueIds: ['q', 'r'] });
    expect(h.offeredTo('x')).toBeNull();
    h.do({ type: 'agentSkillsChanged', agentId: 'a', skills: { de: 4 } });
    expect(h.offeredTo('x')).toBe('a');
  });

  it('queue reconfigured: waiting contacts re-evaluated against the new minimum', () => {
    const h = new Harness().queues(queue('q', { skills: [{ skill: 'de', min: 5 }] }));
    h.agents(agent('a', ['q'], { skills: { de: 3 } }));
    h.at(0).ready('a');
    h.arrive('x', 'q');
    expect(h.offeredTo('x')).toBeNull();
    h.queues(queue('q', { skills: [{ skill: 'de', min: 3 }] }));
    expect(h.offeredTo('x')).toBe('a');
  });

  it('refuses to remove a queue with contacts or an agent holding contacts', () => {
    const h = new Harness().queues(queue('q')).agents(agent('a', ['q']));
    h.at(0).ready('a');
    h.arrive('x', 'q');
    expect(h.engine.apply({ type: 'queueRemoved', queueId: 'q', now: 0 })).toMatchObject({ ok: false, error: { code: 'queueInUse' } });
    expect(h.engine.apply({ type: 'agentRemoved', agentId: 'a', now: 0 })).toMatchObject({ ok: false, error: { code: 'agentBusy' } });
    expect(h.engine.apply({ type: 'queueConfigured', queue: queue('bad', { skills: [{ skill: 'x', min: 9 }] }), now: 0 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('queue position and EWT', () => {
  it('position is the rank in the queue; EWT = position × AHT / staffed slots', () => {
    const h = new Harness().queues(queue('q', { expectedHandleSeconds: 120 }));
    h.agents(agent('a', ['q']), agent('b', ['q']));
    h.at(0).ready('a', 'b');
    h.arrive('busy1', 'q');
    h.arrive('busy2', 'q');
    const d1 = h.at(1).arrive('w1', 'q');
    const d2 = h.at(2).arrive('w2', 'q');
    const d3 = h.at(3).arrive('vip', 'q', { priority: 5 });
    expect(d1[0]).toMatchObject({ type: 'contactQueued', position: 1, ewtMs: 60_000 });
    expect(d2[0]).toMatchObject({ position: 2, ewtMs: 120_000 });
    expect(d3[0]).toMatchObject({ position: 1 });
    expect(h.engine.waitingInfo('w2', 10_000)).toEqual({ contactId: 'w2', queueId: 'q', position: 3, ewtMs: 180_000, waitedMs: 8000 });
    const v = h.engine.queueView('q', 10_000);
    expect(v?.contacts.map((c) => c.contactId)).toEqual(['vip', 'w1', 'w2']);
    expect(v).toMatchObject({ waiting: 3, longestWaitMs: 9000, staffedSlots: 2 });
  });

  it('EWT is unknown when nobody is staffed', () => {
    const h = new Harness().queues(queue('q'));
    expect(h.at(0).arrive('x', 'q')[0]).toMatchObject({ position: 1, ewtMs: null });
  });
});
