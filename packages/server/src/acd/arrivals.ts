import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { Tx } from '../db/index.ts';
import { badField, conflict, HttpProblem } from '../http/problem.ts';
import { contactRow, insertContacts, type ContactRow } from '../contacts/service.ts';
import { hotlines } from '../tenants/schema.ts';
import { JOURNAL_CHANNEL, type AcdChannel, type arrivalCreate } from './contracts.ts';
import { freshEntry } from './rebuild.ts';
import { acdQueues, acdSkills } from './schema.ts';

type Arrival = z.infer<typeof arrivalCreate>;
type QueueWithHotline = { queue: typeof acdQueues.$inferSelect; hotline: typeof hotlines.$inferSelect };

/**
 * The journal half of an arrival, in the caller's transaction: the contact row (customer
 * identified as for any contact) with `queued_at`, `routing_status = waiting` and a first
 * snapshot entry, so that once this commits the contact survives any crash and is routed after
 * a restart even if the engine never saw it.
 */
export async function registerArrival(tx: Tx, principal: Principal, body: Arrival): Promise<string> {
  const known = await readReferences(tx, [body]);
  const [id] = await insertContacts(tx, [await arrivalRow(tx, principal, body, known)]);
  return id!;
}

/** The queues (each with its hotline, in one read: row security applies to both) and skills a set of arrivals names. */
export async function readReferences(tx: Tx, bodies: readonly Arrival[]) {
  const queueIds = [...new Set(bodies.map((b) => b.queueId))];
  const skillIds = [...new Set(bodies.flatMap((b) => (b.skills ?? []).map((s) => s.skillId)))];
  const queues = await tx.select({ queue: acdQueues, hotline: hotlines }).from(acdQueues).innerJoin(hotlines, eq(hotlines.id, acdQueues.hotlineId)).where(inArray(acdQueues.id, queueIds));
  const skills = skillIds.length ? await tx.select({ id: acdSkills.id }).from(acdSkills).where(inArray(acdSkills.id, skillIds)) : [];
  return { queues: new Map<string, QueueWithHotline>(queues.map((q) => [q.queue.id, q])), skills: new Set(skills.map((s) => s.id)) };
}

/**
 * One arrival checked against what `readReferences` found, its customer identified, its contact
 * row built (waiting, with the engine's first entry). Throws the request's 4xx before writing.
 */
export async function arrivalRow(tx: Tx, principal: Principal, body: Arrival, known: Awaited<ReturnType<typeof readReferences>>): Promise<ContactRow> {
  const found = known.queues.get(body.queueId);
  if (!found) throw badField('body.queueId', 'no such queue');
  const { queue, hotline } = found;
  if (!queue.active) throw conflict('body.queueId', 'the queue is not active');
  for (const [i, s] of (body.skills ?? []).entries()) if (!known.skills.has(s.skillId)) throw badField(`body.skills.${i}.skillId`, 'no such skill');
  const now = new Date();
  const id = randomUUID();
  const entry = freshEntry(id, queue.id, queue.channel, now.getTime(), {
    priority: body.priority ?? 0,
    skills: (body.skills ?? []).map((s) => ({ skill: s.skillId, min: s.min })),
  });
  return contactRow(tx, principal, {
    hotlineId: queue.hotlineId,
    channel: body.channel ?? JOURNAL_CHANNEL[queue.channel as AcdChannel] ?? 'voice_in',
    queueId: queue.id,
    customer: body.customer,
    subject: body.subject ?? null,
    status: 'open',
    messages: [],
    agentId: null,
    queuedAt: now.toISOString(),
  }, { id, hotline, routing: entry as unknown as Record<string, unknown> });
}

/** A request's own fault (its 4xx), as opposed to the database's: only the former spares the rest of a batch. */
export const isRequestFault = (e: unknown): e is HttpProblem => e instanceof HttpProblem && e.status < 500;
