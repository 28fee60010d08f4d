import { describe, expect, it } from 'vitest';
import { Harness, agent, queue } from './helpers.ts';

describe('strategies', () => {
  it('longest idle: the agent free for the longest time gets the contact', () => {
    const h = new Harness().queues(queue('q')).agents(agent('a', ['q']), agent('b', ['q']), agent('c', ['q']));
    h.at(1).ready('b');
    h.at(2).ready('a');
    h.at(3).ready('c');
    expect(h.offers(h.at(10).arrive('x', 'q'))).toEqual([{ contactId: 'x', agentId: 'b' }]);
    h.accept('x');
    h.at(20).end('x'); // b is free again, now the most recently active
    expect(h.offers(h.at(21).arrive('y', 'q'))).toEqual([{ contactId: 'y', agentId: 'a' }]);
  });

  it('least occupied: chats go to the agent with the fewest chats', () => {
    const h = new Harness().queues(queue('chat', { channel: 'chat', strategy: 'leastOccupied' }));
    h.agents(agent('a', ['chat']), agent('b', ['chat']));
    h.at(1).ready('a', 'b');
    const got = ['c1', 'c2', 'c3', 'c4'].map((c) => {
      const o = h.offers(h.arrive(c, 'chat'));
      h.accept(c);
      return o[0]?.agentId;
    });
    expect(got.filter((x) => x === 'a')).toHaveLength(2);
    expect(got.filter((x) => x === 'b')).toHaveLength(2);
    expect(new Set(got.slice(0, 2))).toEqual(new Set(['a', 'b']));
  });

  it('round robin: each member in turn, whoever was idle longest', () => {
    const h = new Harness().queues(queue('q', { channel: 'chat', strategy: 'roundRobin' }));
    h.agents(agent('a', ['q'], { capacity: { chat: 10 } }), agent('b', ['q'], { capacity: { chat: 10 } }), agent('c', ['q'], { capacity: { chat: 10 } }));
    h.at(1).ready('a', 'b', 'c');
    const seq: string[] = [];
    for (let i = 0; i < 6; i++) {
      seq.push(h.offers(h.arrive(`x${i}`, 'q'))[0]?.agentId ?? '-');
      h.accept(`x${i}`);
    }
    expect(seq.slice(0, 3).sort()).toEqual(['a', 'b', 'c']);
    expect(seq.slice(3)).toEqual(seq.slice(0, 3));
  });

  it('best proficiency: the most skilled agent wins, ties by longest idle', () => {
    const q = queue('q', { strategy: 'bestProficiency', skills: [{ skill: 'billing', min: 2 }] });
    const h = new Harness().queues(q);
    h.agents(agent('novice', ['q'], { skills: { billing: 2 } }), agent('expert', ['q'], { skills: { billing: 5 } }), agent('none', ['q'], { skills: {} }));
    h.at(1).ready('none', 'novice', 'expert');
    expect(h.offers(h.arrive('x', 'q'))).toEqual([{ contactId: 'x', agentId: 'expert' }]);
    expect(h.offers(h.arrive('y', 'q'))).toEqual([{ contactId: 'y', agentId: 'novice' }]);
    const d = h.arrive('z', 'q'); // "none" lacks the skill: z waits
    expect(h.offers(d)).toEqual([]);
    expect(d.find((x) => x.type === 'contactQueued')).toMatchObject({ position: 1 });
  });

  it('sticky last agent: waits for the last agent up to the limit, then anyone', () => {
    const h = new Harness().queues(queue('q', { strategy: 'stickyLastAgent', stickySeconds: 30 }));
    h.agents(agent('a', ['q']), agent('b', ['q']));
    h.at(1).ready('a', 'b');
    h.arrive('first', 'q');
    expect(h.offeredTo('first')).toBe('a');
    // the last agent is free: the customer gets them even though b has been idle longer
    h.accept('first');
    h.at(2).end('first');
    expect(h.offers(h.at(3).arrive('again', 'q', { lastAgentId: 'a' }))).toEqual([{ contactId: 'again', agentId: 'a' }]);
    h.accept('again');
    // a is busy: the next contact for a waits, although b is free…
    const d = h.at(4).arrive('third', 'q', { lastAgentId: 'a' });
    expect(h.offers(d)).toEqual([]);
    expect(h.engine.contactView('third')?.stickyUntil).toBe(34_000);
    // …until a frees up within the limit
    expect(h.offers(h.at(10).end('again'))).toEqual([{ contactId: 'third', agentId: 'a' }]);
    h.accept('third');
    h.arrive('fourth', 'q', { lastAgentId: 'a' });
    // after 30 s the reservation ends and b takes it
    expect(h.offers(h.do({ type: 'tick', now: 44_000 }))).toEqual([{ contactId: 'fourth', agentId: 'b' }]);
  });

  it('sticky last agent: falls back at once when the last agent is offline or unqualified', () => {
    const h = new Harness().queues(queue('q', { strategy: 'stickyLastAgent', stickySeconds: 30, fallbackStrategy: 'longestIdle' }));
    h.agents(agent('a', ['q']), agent('b', ['q']));
    h.at(1).ready('b');
    expect(h.offers(h.arrive('x', 'q', { lastAgentId: 'a' }))).toEqual([{ contactId: 'x', agentId: 'b' }]);
  });
});
