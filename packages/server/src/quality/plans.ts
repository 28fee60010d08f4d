import { and, count, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { assignQualityEvaluations, can, isRole, sampleQualityContacts, type QualitySampleContact } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { requireReference } from '../http/crud.ts';
import { badField } from '../http/problem.ts';
import { contacts } from '../contacts/schema.ts';
import { users } from '../people/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import type { planCreate, planOut, planRun, planRunOut } from './contracts.ts';
import { publishedVersion } from './scorecards.ts';
import { groupOfAgents } from './groups.ts';
import { qualityEvaluations, qualityGroups, qualityPlans, qualityScorecards } from './schema.ts';

type Plan = typeof qualityPlans.$inferSelect;
const DAY = 86_400_000;

export const toPlanOut = (p: Plan): z.infer<typeof planOut> => ({
  id: p.id, name: p.name, scorecardId: p.scorecardId, hotlineId: p.hotlineId, groupId: p.groupId, perAgent: p.perAgent, period: p.period,
  strata: p.strata as z.infer<typeof planOut>['strata'], allocation: p.allocation, seed: p.seed, specialistIds: p.specialistIds,
  capacityPerDay: p.capacityPerDay, lastRunAt: p.lastRunAt?.toISOString() ?? null, createdAt: p.createdAt.toISOString(),
});

/** Checks a plan's references through the tenant's view; specialists must be able to evaluate. */
export async function checkPlanRefs(tx: Tx, body: Partial<z.infer<typeof planCreate>>): Promise<void> {
  if (body.scorecardId) await requireReference(tx, qualityScorecards, body.scorecardId, 'body.scorecardId', 'scorecard');
  if (body.hotlineId) await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
  if (body.groupId) await requireReference(tx, qualityGroups, body.groupId, 'body.groupId', 'group');
  for (const [i, id] of (body.specialistIds ?? []).entries()) {
    const u = await requireReference(tx, users, id, `body.specialistIds.${i}`, 'user');
    if (!isRole(u.role) || !can(u.role, 'quality.evaluate')) throw badField(`body.specialistIds.${i}`, 'this user may not evaluate (quality.evaluate)');
  }
}

/**
 * Runs a plan: samples ended contacts of [from, to) (default: the last week or month) with the
 * engine's seeded sampler, skipping contacts that already have an evaluation, and assigns the
 * sample to the plan's specialists with the engine's balancing (their open evaluations count).
 */
export async function runPlan(tx: Tx, plan: Plan, body: z.infer<typeof planRun>, now: Date): Promise<z.infer<typeof planRunOut>> {
  const to = body.to ? new Date(body.to) : now;
  const from = body.from ? new Date(body.from) : new Date(to.getTime() - (plan.period === 'week' ? 7 : 30) * DAY);
  if (!(from < to)) throw badField('body.from', 'must be before to');
  const version = await publishedVersion(tx, plan.scorecardId, 'scorecardId');
  const members = plan.groupId ? (await requireReference(tx, qualityGroups, plan.groupId, 'groupId', 'group')).memberIds : null;
  const endedAt = sql<Date>`coalesce(${contacts.endedAt}, ${contacts.createdAt})`;
  const rows = await tx
    .select({ id: contacts.id, agentId: contacts.agentId, hotlineId: contacts.hotlineId, channel: contacts.channel, topicId: contacts.topicId, outcome: contacts.outcome, answeredAt: contacts.answeredAt, endedAt: contacts.endedAt, createdAt: contacts.createdAt })
    .from(contacts)
    .where(and(
      eq(contacts.status, 'closed'), isNotNull(contacts.agentId), gte(endedAt, from), lt(endedAt, to),
      plan.hotlineId ? eq(contacts.hotlineId, plan.hotlineId) : undefined,
      members ? (members.length ? inArray(contacts.agentId, members) : sql`false`) : undefined,
    ));
  const ids = rows.map((r) => r.id);
  const evaluated = new Set(ids.length ? (await tx.select({ id: qualityEvaluations.contactId }).from(qualityEvaluations).where(inArray(qualityEvaluations.contactId, ids))).map((r) => r.id) : []);
  const sample: QualitySampleContact[] = rows.map((r) => ({
    id: r.id, agentId: r.agentId!, at: (r.endedAt ?? r.createdAt).getTime(), channel: r.channel, topicId: r.topicId, outcome: r.outcome,
    durationSeconds: r.answeredAt && r.endedAt ? (r.endedAt.getTime() - r.answeredAt.getTime()) / 1000 : null,
  }));
  const drawn = sampleQualityContacts(sample, { perAgent: plan.perAgent, from: from.getTime(), to: to.getTime(), seed: plan.seed, strata: plan.strata as never, allocation: plan.allocation }, evaluated);
  const open = await tx
    .select({ evaluatorId: qualityEvaluations.evaluatorId, n: count() })
    .from(qualityEvaluations)
    .where(and(inArray(qualityEvaluations.evaluatorId, plan.specialistIds), inArray(qualityEvaluations.status, ['assigned', 'draft'])))
    .groupBy(qualityEvaluations.evaluatorId);
  const openOf = new Map(open.map((o) => [o.evaluatorId, Number(o.n)]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const assigned = assignQualityEvaluations(
    drawn.map((d) => ({ contactId: d.contactId, agentId: d.agentId, hotlineId: byId.get(d.contactId)!.hotlineId })),
    plan.specialistIds.map((id) => ({ id, capacityPerDay: plan.capacityPerDay, openEvaluations: openOf.get(id) ?? 0 })),
    { now: now.getTime() },
  );
  const groups = await groupOfAgents(tx);
  if (assigned.assignments.length > 0) {
    await tx.insert(qualityEvaluations).values(assigned.assignments.map((a) => {
      const c = byId.get(a.contactId)!;
      return {
        contactId: a.contactId, versionId: version.id, planId: plan.id, hotlineId: c.hotlineId, agentId: c.agentId, groupId: groups.get(c.agentId!) ?? null,
        evaluatorId: a.specialistId, status: 'assigned' as const, dueAt: new Date(a.dueAt), contactAt: c.endedAt ?? c.createdAt,
      };
    }));
  }
  await tx.update(qualityPlans).set({ lastRunAt: now }).where(eq(qualityPlans.id, plan.id));
  return { from: from.toISOString(), to: to.toISOString(), created: assigned.assignments.length, unassigned: assigned.unassigned.length, load: assigned.load };
}
