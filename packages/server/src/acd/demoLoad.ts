import { eq } from 'drizzle-orm';
import { exponential, logNormal, mulberry32, pick, type Random } from '@linia/engine';
import type { Principal } from '../auth/principal.ts';
import { asSystem, withTenant, type Database } from '../db/index.ts';
import { users } from '../people/schema.ts';
import type { EventBus } from '../realtime/bus.ts';
import { tenants } from '../tenants/schema.ts';
import { DEMO_TENANT } from '../demo/demoCenter.ts';
import { registerArrival } from './arrivals.ts';
import { acdQueues } from './schema.ts';
import type { AcdService } from './service.ts';

/** Demo agents played by the generator; the other operators stay free for a person to try the desk. */
export const VIRTUAL_AGENTS = ['operator3', 'operator4', 'senior'];
/** Mean seconds between arrivals over all queues (≈ 80 % load for three agents at 90 s handle time). */
const MEAN_GAP_SECONDS = 40;
const ANSWER_SECONDS: [number, number] = [2, 6];
const TALK_MEAN_SECONDS = 90;
const TALK_SD_SECONDS = 45;
const WRAP_SECONDS: [number, number] = [4, 15];
const PATIENCE_MEAN_SECONDS = 120;
const BREAK_EVERY_SECONDS = 600;

const SUBJECTS = ['Нет интернета', 'Смена тарифа', 'Блокировка карты', 'Перевод не дошёл', 'Настройка роутера', 'Подключение по адресу', 'Лимиты по карте'];

/**
 * Floor traffic for the demo center (opt-in: `LINIA_DEMO_LOAD=1 npm start`), so a newcomer sees
 * the wallboard move: customers arrive into the demo queues (Poisson, exponential patience) and
 * three demo agents answer, talk (log-normal), wrap up and take breaks. It uses the engine
 * simulation's seeded random numbers and drives the routing node with the same events the API
 * sends (arrivals go through the journal like any other), so everything it does is real data.
 * Stops with the app.
 */
export async function startDemoLoad(db: Database, bus: EventBus, acd: AcdService, seed = Date.now()): Promise<() => void> {
  const [tenant] = await asSystem(db, (tx) => tx.select().from(tenants).where(eq(tenants.slug, DEMO_TENANT.slug)));
  if (!tenant) return () => {};
  const scope = { tenantId: tenant.id, clientId: null, actor: { kind: 'system' as const, id: null, name: 'demo load' } };
  const { queueIds, agents } = await withTenant(db, scope, async (tx) => ({
    queueIds: (await tx.select({ id: acdQueues.id }).from(acdQueues).where(eq(acdQueues.active, true))).map((q) => q.id),
    agents: (await tx.select({ id: users.id, login: users.login }).from(users)).filter((u) => VIRTUAL_AGENTS.includes(u.login)).map((u) => u.id),
  }));
  if (queueIds.length === 0) return () => {};
  const r: Random = mulberry32(seed);
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const later = (seconds: number, work: () => Promise<unknown>) => {
    if (stopped) return;
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) work().catch(() => {});
    }, seconds * 1000);
    t.unref?.();
    timers.add(t);
  };
  const between = ([lo, hi]: [number, number]) => lo + r.next() * (hi - lo);
  const router = () => acd.router(tenant.id);
  const caller: Principal = { kind: 'user', id: tenant.id, name: 'demo load', login: null, role: 'admin', tenantId: tenant.id, tenantName: tenant.name, clientId: null, sessionId: null };

  // The agents: ready now; answer what is offered; breaks now and then.
  for (const id of agents) {
    // Virtual agents have no desk socket: the offline timer must not take them off the floor.
    acd.presenceDrivenBy(tenant.id, id, 'integration');
    later(between([1, 5]), async () => (await router()).submit({ type: 'agentStateRequested', agentId: id, to: 'ready' }));
    const takeBreak = () =>
      later(exponential(r, BREAK_EVERY_SECONDS), async () => {
        const rt = await router();
        await rt.submit({ type: 'agentStateRequested', agentId: id, to: 'notReady', reason: pick(r, ['break', 'lunch', 'training']) });
        later(between([60, 180]), async () => (await router()).submit({ type: 'agentStateRequested', agentId: id, to: 'ready' }));
        takeBreak();
      });
    takeBreak();
  }
  const off = bus.subscribe((e) => {
    if (e.tenantId !== tenant.id || !e.topic.startsWith('user:')) return;
    const d = e.data as { type?: string; contactId?: string; agentId?: string; autoAccept?: boolean };
    if (!d.agentId || !agents.includes(d.agentId) || !d.contactId) return;
    const contactId = d.contactId;
    const agentId = d.agentId;
    if (e.type === 'acd.offer' && !d.autoAccept) later(between(ANSWER_SECONDS), async () => (await router()).submit({ type: 'offerAccepted', contactId, agentId }));
    if (e.type === 'acd.contactConnected') later(logNormal(r, TALK_MEAN_SECONDS, TALK_SD_SECONDS), async () => (await router()).submit({ type: 'contactEnded', contactId }));
    if (e.type === 'acd.wrapUpStarted') later(between(WRAP_SECONDS), async () => (await router()).submit({ type: 'wrapUpEnded', contactId }));
  });

  // The customers: arrivals, each with its patience.
  const arrive = () =>
    later(exponential(r, MEAN_GAP_SECONDS), async () => {
      arrive();
      const queueId = pick(r, queueIds);
      const contactId = await withTenant(db, scope, (tx) => registerArrival(tx, caller, { queueId, subject: pick(r, SUBJECTS) }));
      await (await router()).submit({ type: 'contactArrived', contactId, queueId });
      later(exponential(r, PATIENCE_MEAN_SECONDS), async () => {
        const rt = await router();
        const v = rt.engine.contactView(contactId);
        if (v && (v.status === 'waiting' || v.status === 'offered')) await rt.submit({ type: 'contactAbandoned', contactId });
      });
    });
  arrive();

  return () => {
    stopped = true;
    off();
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
}
