import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { Tx } from '../db/index.ts';
import { requireReference } from '../http/crud.ts';
import { conflict } from '../http/problem.ts';
import { contacts } from '../contacts/schema.ts';
import { createContact } from '../contacts/service.ts';
import { JOURNAL_CHANNEL, type AcdChannel, type arrivalCreate } from './contracts.ts';
import { freshEntry } from './rebuild.ts';
import { acdQueues, acdSkills } from './schema.ts';

/**
 * The journal half of an arrival, in the caller's transaction: the contact row (customer
 * identified as for any contact) with `queued_at`, `routing_status = waiting` and a first
 * snapshot entry, so that once this commits the contact survives any crash and is routed after
 * a restart even if the engine never saw it.
 */
export async function registerArrival(tx: Tx, principal: Principal, body: z.infer<typeof arrivalCreate>): Promise<string> {
  const queue = await requireReference(tx, acdQueues, body.queueId, 'body.queueId', 'queue');
  if (!queue.active) throw conflict('body.queueId', 'the queue is not active');
  for (const [i, s] of (body.skills ?? []).entries()) await requireReference(tx, acdSkills, s.skillId, `body.skills.${i}.skillId`, 'skill');
  const now = new Date();
  const id = await createContact(tx, principal, {
    hotlineId: queue.hotlineId,
    channel: body.channel ?? JOURNAL_CHANNEL[queue.channel as AcdChannel] ?? 'voice_in',
    queueId: queue.id,
    customer: body.customer,
    subject: body.subject ?? null,
    status: 'open',
    messages: [],
    agentId: null,
    queuedAt: now.toISOString(),
  });
  const entry = freshEntry(id, queue.id, queue.channel, now.getTime(), {
    priority: body.priority ?? 0,
    skills: (body.skills ?? []).map((s) => ({ skill: s.skillId, min: s.min })),
  });
  await tx.update(contacts).set({ routingStatus: 'waiting', routing: entry as unknown as Record<string, unknown> }).where(eq(contacts.id, id));
  return id;
}
