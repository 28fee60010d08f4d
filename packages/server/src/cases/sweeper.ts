import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { asSystem, sqlRows, withTenant, type Database } from '../db/index.ts';
import type { EventBus } from '../realtime/bus.ts';
import { envelope } from '../realtime/envelope.ts';
import { tenants } from '../tenants/schema.ts';
import type { AppContext } from '../http/context.ts';
import { cases } from './schema.ts';
import { calendarsFor, escalateCase, recordEvent, systemActor, tellGroup, type Outbox } from './service.ts';
import { clocksOf } from './sla.ts';

type Signal = 'response_warning' | 'response_breach' | 'resolution_warning' | 'resolution_breach';

export interface SweepResult {
  signals: number;
  escalated: number;
}

/**
 * One pass over every tenant's open cases at `now`: a warning when a clock passes its warning
 * fraction, a breach when it passes its target — each once per case, as a timeline event and a
 * message to the group's members — and on a resolution breach the case moves up to its group's
 * escalation target. `now` is a parameter so tests move time instead of waiting for it.
 */
export async function sweepSla(db: Database, bus: EventBus, now: Date): Promise<SweepResult> {
  const result: SweepResult = { signals: 0, escalated: 0 };
  const ids = await asSystem(db, (tx) => tx.select({ id: tenants.id }).from(tenants));
  for (const { id: tenantId } of ids) {
    const outbox: Outbox = [];
    const actor = systemActor(tenantId);
    await withTenant(db, { tenantId, clientId: null, actor: { kind: 'system', id: null, name: 'sla-sweeper' } }, async (tx) => {
      // Several nodes sweep on PostgreSQL: one at a time per tenant, the others skip it this round.
      const [lock] = await sqlRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(hashtext('sla-sweep:' || ${tenantId})) AS ok`);
      if (!lock?.ok) return;
      const open = await tx.select().from(cases).where(eq(cases.open, true));
      const calendarOf = await calendarsFor(tx, open);
      for (const row of open) {
        const clocks = clocksOf(row, calendarOf(row), now.getTime());
        const due: Signal[] = [];
        if (clocks.response && !row.respondedAt) {
          if (clocks.response.state === 'breached') due.push('response_warning', 'response_breach');
          else if (clocks.response.state === 'warning') due.push('response_warning');
        }
        if (clocks.resolution) {
          if (clocks.resolution.state === 'breached') due.push('resolution_warning', 'resolution_breach');
          else if (clocks.resolution.state === 'warning') due.push('resolution_warning');
        }
        const fresh = due.filter((s) => !row.slaSignals.includes(s));
        if (fresh.length === 0) continue;
        await tx.update(cases).set({ slaSignals: [...row.slaSignals, ...fresh] }).where(eq(cases.id, row.id));
        for (const signal of fresh) {
          const clock = signal.startsWith('response') ? clocks.response! : clocks.resolution!;
          const data = { signal, dueAt: clock.dueAt === null ? null : new Date(clock.dueAt).toISOString(), fraction: Math.round(clock.fraction * 100) / 100 };
          await recordEvent(tx, row.id, 'sla', actor, data, now);
          await tellGroup(tx, outbox, tenantId, row.groupId, `case.${signal}`, { caseId: row.id, number: row.number, subject: row.subject, ...data });
          if (row.assigneeId) outbox.push(envelope(tenantId, `user:${row.assigneeId}`, `case.${signal}`, { caseId: row.id, number: row.number, ...data }));
          result.signals++;
        }
        if (fresh.includes('resolution_breach')) {
          try {
            await escalateCase(tx, actor, row.id, { reason: 'resolution SLA breached' }, now, outbox, true);
            result.escalated++;
          } catch {
            // No escalation target above this group: the breach event and messages are what is left to do.
          }
        }
      }
    });
    for (const e of outbox) await bus.publish(e);
    if (outbox.length) await bus.publish(envelope(tenantId, 'tenant', 'case.changed', { action: 'sla' }));
  }
  return result;
}

/** Runs the sweep every minute while the app is up (stopped when it closes). */
export function startSweeper(app: FastifyInstance, ctx: AppContext, everyMs = 60_000) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepSla(ctx.db, ctx.bus, new Date())
      .catch((err) => app.log.error({ err }, 'SLA sweep failed'))
      .finally(() => { running = false; });
  }, everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
