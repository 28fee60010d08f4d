import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { Tx } from '../db/index.ts';
import { requireReference } from '../http/crud.ts';
import { badField, conflict } from '../http/problem.ts';
import { createContact } from '../contacts/service.ts';
import { JOURNAL_CHANNEL, type AcdChannel, type arrivalCreate } from './contracts.ts';
import { freshEntry } from './rebuild.ts';
import { hotlines } from '../tenants/schema.ts';
import { acdQueues, acdSkills } from './schema.ts';

/**
 * The journal half of an arrival, in the caller's transaction: the contact row (customer
 * identified as for any contact) with `queued_at`, `routing_status = waiting` and a first
 * snapshot entry, so that once this commits the contact survives any crash and is routed after
 * a restart even if the engine never saw it.
 */
export async function registerArrival(tx: Tx, principal: Principal, body: z.infer<typeof arrivalCreate>): Promise<string> {
  // The queue and its hotline in one read (row security applies to both): an arrival is the
  // ACD's hottest path, and createContact would otherwise read the hotline again.
  const [found] = await tx.select({ queue: acdQueues, hotline: hotlines }).from(acdQueues).innerJoin(hotlines, eq(hotlines.id, acdQueues.hotlineId)).where(eq(acdQueues.id, body.queueId));
  if (!found) throw badField('body.queueId', 'no such queue');
  const { queue, hotline } = found;
  if (!queue.active) throw conflict('body.queueId', 'the queue is not active');
  for (const [i, s] of (body.skills ?? []).entries()) await requireReference(tx, acdSkills, s.skillId, `body.skills.${i}.skillId`, 'skill');
  const now = new Date();
  const id = randomUUID();
  const entry = freshEntry(id, queue.id, queue.channel, now.getTime(), {
    priority: body.priority ?? 0,
    skills: (body.skills ?? []).map((s) => ({ skill: s.skillId, min: s.min })),
  });
  await createContact(tx, principal, {
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
  return id;
}
