// History (W1): CSV import in one transaction with a full validation report, the per-queue view with
// outliers (engine historyOutliers) and event marks, manual exclusion.
import { and, asc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { historyOutliers, isoDaysBetween, addIsoDays, parseHistoryCsv } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { findOr404 } from '../http/crud.ts';
import { badField, HttpProblem } from '../http/problem.ts';
import type { historyImport, historyOut, historyQuery } from './contracts.ts';
import { planningEvents, planningHistory, planningQueues } from './schema.ts';
import { localOut, toEventOut, toQueueOut } from './views.ts';


const CHUNK = 1000;

export async function importHistory(tx: Tx, body: z.infer<typeof historyImport>) {
  const { rows, problems } = parseHistoryCsv(body.csv, body.intervalMinutes);
  const codes = [...new Set(rows.map((r) => r.queue))];
  const existing = codes.length ? await tx.select().from(planningQueues).where(inArray(planningQueues.code, codes)) : [];
  const byCode = new Map(existing.map((q) => [q.code, q]));
  // A queue keeps one interval length: mixing 15- and 30-minute rows would double-count in every sum.
  for (const q of existing) {
    if (q.intervalMinutes !== body.intervalMinutes) {
      const first = rows.find((r) => r.queue === q.code)!;
      problems.push({ line: first.line, column: 'queue', problem: `queue ${q.code} has ${q.intervalMinutes}-minute intervals, the import ${body.intervalMinutes}` });
    }
  }
  if (problems.length) {
    problems.sort((a, b) => a.line - b.line);
    throw new HttpProblem(
      422,
      `the file has ${problems.length} problem(s); nothing was imported`,
      problems.map((p) => ({ field: `body.csv[line ${p.line}].${p.column}`, message: p.problem })),
    );
  }
  const summary = codes.map((code) => {
    const mine = rows.filter((r) => r.queue === code);
    const starts = mine.map((r) => r.start).sort();
    return { code, created: !byCode.has(code), rows: mine.length, from: starts[0]!, to: starts.at(-1)! };
  });
  if (body.dryRun) return { rows: rows.length, stored: false, queues: summary };
  for (const code of codes) {
    if (byCode.has(code)) continue;
    const [q] = await tx.insert(planningQueues).values({ code, name: code, intervalMinutes: body.intervalMinutes }).returning();
    byCode.set(code, q!);
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((r) => ({
      queueId: byCode.get(r.queue)!.id,
      intervalStart: r.start,
      intervalMinutes: body.intervalMinutes,
      offered: r.offered,
      handled: r.handled,
      abandoned: r.abandoned,
      handleSeconds: r.ahtSeconds * r.handled,
      source: 'csv' as const,
    }));
    await upsertHistory(tx, values);
  }
  return { rows: rows.length, stored: true, queues: summary };
}

/**
 * Writes intervals of history; an interval already there is replaced (a corrected export, or the
 * journal's figures over an earlier import), keeping the planner's exclusion.
 */
export async function upsertHistory(tx: Tx, values: (typeof planningHistory.$inferInsert)[]) {
  if (values.length === 0) return;
  await tx
    .insert(planningHistory)
    .values(values)
    .onConflictDoUpdate({
      target: [planningHistory.queueId, planningHistory.intervalStart],
      set: {
        offered: sql`excluded.offered`,
        handled: sql`excluded.handled`,
        abandoned: sql`excluded.abandoned`,
        handleSeconds: sql`excluded.handle_seconds`,
        answeredWithinT: sql`excluded.answered_within_t`,
        intervalMinutes: sql`excluded.interval_minutes`,
        source: sql`excluded.source`,
      },
    });
}

/** Every interval of a queue, oldest first (the engine needs whole weeks for outliers and forecasts). */
export async function queueHistory(tx: Tx, queueId: string) {
  return tx.select().from(planningHistory).where(eq(planningHistory.queueId, queueId)).orderBy(asc(planningHistory.intervalStart));
}

export const ahtOf = (r: { handled: number; handleSeconds: number }) => (r.handled > 0 ? r.handleSeconds / r.handled : null);

export async function historyView(tx: Tx, queueId: string, query: z.infer<typeof historyQuery>): Promise<z.infer<typeof historyOut>> {
  const queue = await findOr404(tx, planningQueues, queueId, 'Planning queue');
  const all = await queueHistory(tx, queueId);
  const points = all.map((r) => ({ id: r.id, start: localOut(r.intervalStart), offered: r.offered, excluded: r.excluded }));
  const firstDay = points[0]?.start.slice(0, 10) ?? null;
  const lastDay = points.at(-1)?.start.slice(0, 10) ?? null;
  const to = query.to ?? lastDay ?? '1970-01-01';
  const from = query.from ?? addIsoDays(to, -13);
  if (isoDaysBetween(from, to) < 0) throw badField('query.to', 'must not be before from');
  if (isoDaysBetween(from, to) > 92) throw badField('query.from', 'at most 93 days at a time');
  const byStart = new Map(points.map((p) => [p.start, p]));
  const found = historyOutliers(points);
  const scores = new Map(found.map((o) => [o.start, o]));
  const rows = all
    .filter((r) => r.intervalStart.slice(0, 10) >= from && r.intervalStart.slice(0, 10) <= to)
    .map((r) => {
      const start = localOut(r.intervalStart);
      const o = scores.get(start);
      return {
        id: r.id,
        start,
        offered: r.offered,
        handled: r.handled,
        abandoned: r.abandoned,
        ahtSeconds: ahtOf(r),
        serviceLevel: r.answeredWithinT !== null && r.offered > 0 ? r.answeredWithinT / r.offered : null,
        excluded: r.excluded,
        outlierScore: o?.score ?? null,
        expected: o?.expected ?? null,
      };
    });
  const events = await tx
    .select()
    .from(planningEvents)
    .where(and(or(eq(planningEvents.queueId, queueId), isNull(planningEvents.queueId)), lt(planningEvents.startsAt, `${addIsoDays(to, 1)} 00:00:00`), gte(planningEvents.endsAt, `${from} 00:00:00`)))
    .orderBy(asc(planningEvents.startsAt));
  return {
    queue: toQueueOut(queue),
    firstDay,
    lastDay,
    rows,
    outliers: found.map((o) => ({ ...o, id: byStart.get(o.start)!.id, excluded: byStart.get(o.start)!.excluded })),
    events: events.map(toEventOut),
  };
}
