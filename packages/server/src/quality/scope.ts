import { eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import type { Principal } from '../auth/principal.ts';
import { groupsLedBy } from './groups.ts';
import { qualityEvaluations, qualityGroups } from './schema.ts';

/**
 * Whose evaluations a holder of quality.use sees. Quality specialists, managers, the head and
 * admins see all of them; a group lead only those of the groups they lead (the agent's group
 * recorded on the evaluation, the same rule that lets them settle disputes) and those they were
 * assigned to evaluate themselves. Operators see only their own, through other routes.
 */
export type QualityScope = { all: true } | { all: false; userId: string; groupIds: string[] };

export async function qualityScopeOf(tx: Tx, me: Principal): Promise<QualityScope> {
  if (me.role !== 'group_lead') return { all: true };
  return { all: false, userId: me.id, groupIds: await groupsLedBy(tx, me.id) };
}

/** SQL for "a group this scope covers", over any table with a group_id column; undefined: no limit. */
export function groupInScope(scope: QualityScope, groupColumn: AnyColumn): SQL | undefined {
  if (scope.all) return undefined;
  return scope.groupIds.length ? inArray(groupColumn, scope.groupIds) : sql`false`;
}

/** The evaluations list and workspace: the scope's groups plus the caller's own assignments. */
export function evaluationInScope(scope: QualityScope): SQL | undefined {
  if (scope.all) return undefined;
  return or(groupInScope(scope, qualityEvaluations.groupId), eq(qualityEvaluations.evaluatorId, scope.userId));
}

export function coversEvaluation(scope: QualityScope, e: { groupId: string | null; evaluatorId: string | null }): boolean {
  return scope.all || e.evaluatorId === scope.userId || (e.groupId !== null && scope.groupIds.includes(e.groupId));
}

/**
 * SQL for "an agent of the scope's groups" (their current members), for what is counted per agent
 * without an evaluation — the automatic score of every contact; undefined: no limit.
 */
export async function agentInScope(tx: Tx, scope: QualityScope, agentColumn: AnyColumn): Promise<SQL | undefined> {
  if (scope.all) return undefined;
  const groups = scope.groupIds.length ? await tx.select({ memberIds: qualityGroups.memberIds }).from(qualityGroups).where(inArray(qualityGroups.id, scope.groupIds)) : [];
  const agents = [...new Set(groups.flatMap((g) => g.memberIds))];
  return agents.length ? inArray(agentColumn, agents) : sql`false`;
}
