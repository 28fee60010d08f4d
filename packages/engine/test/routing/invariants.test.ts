// Property-style test: thousands of random events (seeded), checking after every step that
//  * no contact is offered while it is already offered or connected (no double offer),
//  * no agent holds more than its capacity, and exclusive channels are exclusive,
//  * no waiting contact could be offered to a ready, qualified agent with a free slot
//    (so every waiting contact is offered as soon as such an agent exists),
//  * a snapshot restored into a new engine decides exactly as the original.
import { describe, expect, it } from 'vitest';
import { RoutingEngine, type AgentConfig, type Decision, type Presence, type QueueConfig, type RoutingEvent, type RoutingSnapshot } from '../../src/routing/index.ts';
import { mulberry32, pick, randomInt, type Random } from '../../src/simulation/prng.ts';

const SKILLS = ['en', 'de', 'billing', 'tech'];
const QUEUES: QueueConfig[] = [
  { id: 'voice', channel: 'voice', priority: 2, skills: [], strategy: 'longestIdle', agingPerMinute: 1, overflow: [], offerTimeoutSeconds: 8, wrapUpSeconds: 5 },
  { id: 'chat', channel: 'chat', priority: 1, skills: [{ skill: 'en', min: 2 }], strategy: 'leastOccupied', agingPerMinute: 2, overflow: [{ afterSeconds: 20, action: { kind: 'widenSkills' } }], offerTimeoutSeconds: 6, wrapUpSeconds: 3 },
  { id: 'mail', channel: 'email', priority: 0, skills: [], strategy: 'roundRobin', agingPerMinute: 0.5, overflow: [], offerTimeoutSeconds: 10, autoAccept: true, wrapUpSeconds: 0 },
  {
    id: 'expert', channel: 'voice', priority: 3, skills: [{ skill: 'tech', min: 4 }, { skill: 'de', min: 3 }], strategy: 'bestProficiency', agingPerMinute: 0, offerTimeoutSeconds: 8, wrapUpSeconds: 10,
    overflow: [{ afterSeconds: 15, action: { kind: 'lowerMinimum', to: 2 } }, { afterSeconds: 40, action: { kind: 'moveToQueue', queueId: 'voice' } }],
  },
  { id: 'sticky', channel: 'chat', priority: 1, skills: [], strategy: 'stickyLastAgent', stickySeconds: 12, agingPerMinute: 1, overflow: [], offerTimeoutSeconds: 6, wrapUpSeconds: 2 },
];

function randomAgent(r: Random, id: string): AgentConfig {
  const skills: Record<string, number> = {};
  for (const s of SKILLS) if (r.next() < 0.6) skills[s] = 1 + randomInt(r, 5);
  const queues = QUEUES.map((q) => q.id).filter(() => r.next() < 0.5);
  return { id, skills, queues, capacity: { voice: 1, chat: 1 + randomInt(r, 3), email: randomInt(r, 3) } };
}

interface Shadow {
  status: 'waiting' | 'offered' | 'connected' | 'wrapUp';
  agentId: string | null;
}

function checkDecisions(ds: Decision[], shadow: Map<string, Shadow>): void {
  for (const d of ds) {
    switch (d.type) {
      case 'contactQueued':
      case 'overflowApplied':
        if (!shadow.has(d.contactId)) shadow.set(d.contactId, { status: 'waiting', agentId: null });
        break;
      case 'offer': {
        const s = shadow.get(d.contactId);
        expect(s === undefined || s.status === 'waiting', `double offer of ${d.contactId}`).toBe(true);
        shadow.set(d.contactId, { status: 'offered', agentId: d.agentId });
        break;
      }
      case 'contactConnected':
        expect(shadow.get(d.contactId)).toMatchObject({ status: 'offered', agentId: d.agentId });
        shadow.set(d.contactId, { status: 'connected', agentId: d.agentId });
        break;
      case 'offerWithdrawn':
        expect(shadow.get(d.contactId)).toMatchObject({ status: 'offered', agentId: d.agentId });
        shadow.set(d.contactId, { status: 'waiting', agentId: null });
        break;
      case 'wrapUpStarted':
        shadow.set(d.contactId, { status: 'wrapUp', agentId: d.agentId });
        break;
      case 'contactAbandoned':
      case 'contactReleased':
        shadow.delete(d.contactId);
        break;
      default:
        break;
    }
  }
}

/** Brute force over the snapshot: capacity respected, and no waiting contact matches a free agent. */
function checkState(engine: RoutingEngine, s: RoutingSnapshot): void {
  const load = new Map<string, Map<string, number>>();
  for (const c of s.contacts) {
    if (c.status === 'waiting') continue;
    const m = load.get(c.agentId as string) ?? new Map<string, number>();
    m.set(c.channel, (m.get(c.channel) ?? 0) + 1);
    load.set(c.agentId as string, m);
  }
  const total = (id: string): number => [...(load.get(id)?.values() ?? [])].reduce((x, y) => x + y, 0);
  const cap = (a: AgentConfig, ch: string): number => a.capacity?.[ch] ?? s.options.defaultCapacity[ch] ?? 0;
  const fits = (a: AgentConfig, ch: string): boolean => {
    const l = load.get(a.id);
    if ((l?.get('voice') ?? 0) > 0) return false;
    if (ch === 'voice') return total(a.id) === 0 && cap(a, ch) > 0;
    return (l?.get(ch) ?? 0) < cap(a, ch);
  };
  for (const a of s.agents) {
    const l = load.get(a.config.id);
    if (l === undefined) continue;
    for (const [ch, n] of l) expect(n, `${a.config.id} over capacity on ${ch}`).toBeLessThanOrEqual(cap(a.config, ch));
    if ((l.get('voice') ?? 0) > 0) expect(total(a.config.id), `${a.config.id} has a call and more`).toBe(1);
  }
  const queueOf = new Map(s.queues.map((q) => [q.config.id, q.config]));
  for (const c of s.contacts) {
    if (c.status !== 'waiting' || c.stickyUntil !== null) continue;
    const reqs = engine.contactView(c.id)?.requirements ?? [];
    for (const a of s.agents) {
      if (a.presence !== 'ready' || !a.config.queues.includes(c.queueId) || c.declinedBy.includes(a.config.id)) continue;
      if (!reqs.every((r) => (a.config.skills[r.skill] ?? 0) >= r.min)) continue;
      expect(fits(a.config, (queueOf.get(c.queueId) as QueueConfig).channel), `contact ${c.id} waits while ${a.config.id} could take it`).toBe(false);
    }
  }
}

function randomEvent(r: Random, now: number, s: RoutingSnapshot, agentIds: string[], n: number): RoutingEvent {
  const byStatus = (st: string) => s.contacts.filter((c) => c.status === st);
  const roll = r.next();
  if (roll < 0.3) {
    const q = pick(r, QUEUES);
    return {
      type: 'contactArrived', now, contactId: `c${n}`, queueId: q.id,
      priority: r.next() < 0.1 ? 5 : 0,
      skills: r.next() < 0.1 ? [{ skill: pick(r, SKILLS), min: 1 + randomInt(r, 3) }] : undefined,
      lastAgentId: r.next() < 0.5 ? pick(r, agentIds) : undefined,
    };
  }
  if (roll < 0.45) {
    const to: Presence = pick(r, ['ready', 'ready', 'notReady', 'offline'] as Presence[]);
    return { type: 'agentStateRequested', now, agentId: pick(r, agentIds), to, reason: to === 'notReady' ? pick(r, ['break', 'lunch', 'training']) : undefined, force: r.next() < 0.2 };
  }
  const offered = byStatus('offered');
  if (roll < 0.6 && offered.length > 0) {
    const c = pick(r, offered);
    return { type: r.next() < 0.8 ? 'offerAccepted' : 'offerDeclined', now, contactId: c.id, agentId: c.agentId as string };
  }
  const connected = byStatus('connected');
  if (roll < 0.75 && connected.length > 0) return { type: 'contactEnded', now, contactId: pick(r, connected).id };
  const wrap = byStatus('wrapUp');
  if (roll < 0.8 && wrap.length > 0) return { type: 'wrapUpEnded', now, contactId: pick(r, wrap).id };
  const waiting = byStatus('waiting');
  if (roll < 0.85 && waiting.length > 0) return { type: 'contactAbandoned', now, contactId: pick(r, waiting).id };
  if (roll < 0.88) return { type: 'agentSkillsChanged', now, agentId: pick(r, agentIds), skills: randomAgent(r, 'x').skills };
  if (roll < 0.91) return { type: 'agentQueuesChanged', now, agentId: pick(r, agentIds), queueIds: randomAgent(r, 'x').queues };
  return { type: 'tick', now };
}

describe('routing invariants under random events', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 4000 steps, no double offer, capacity kept, nobody waits for a free agent, snapshots replay`, () => {
      const r = mulberry32(seed);
      let engine = new RoutingEngine();
      const agentIds = Array.from({ length: 12 }, (_, i) => `a${i}`);
      for (const q of QUEUES) engine.apply({ type: 'queueConfigured', queue: q, now: 0 });
      for (const id of agentIds) engine.apply({ type: 'agentConfigured', agent: randomAgent(r, id), now: 0 });
      const shadow = new Map<string, Shadow>();
      let now = 0;
      let offers = 0;
      let refused = 0;
      for (let step = 0; step < 4000; step++) {
        now += Math.floor(r.next() * 3000);
        const before = engine.snapshot();
        const e = randomEvent(r, now, before, agentIds, step);
        const res = engine.apply(e);
        if (!res.ok) refused++;
        checkDecisions(res.decisions, shadow);
        offers += res.decisions.filter((d) => d.type === 'offer').length;
        const after = engine.snapshot();
        checkState(engine, after);
        for (const c of after.contacts) expect(shadow.get(c.id)?.status, c.id).toBe(c.status);
        if (step % 97 === 0) {
          // A restored copy must make the same decisions as the original for the same event.
          const copy = RoutingEngine.restore(JSON.parse(JSON.stringify(before)) as RoutingSnapshot);
          expect(copy.apply(e)).toEqual(res);
          expect(copy.snapshot()).toEqual(after);
          engine = copy;
        }
      }
      expect(offers).toBeGreaterThan(300);
      expect(refused).toBeLessThan(4000 * 0.5);
    });
  }
});
