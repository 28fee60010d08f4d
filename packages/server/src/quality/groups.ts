import type { Tx } from '../db/index.ts';
import { qualityGroups } from './schema.ts';

/** agent id → the group they belong to (the first one found, if listed in several). */
export async function groupOfAgents(tx: Tx): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const g of await tx.select().from(qualityGroups)) for (const m of g.memberIds) if (!out.has(m)) out.set(m, g.id);
  return out;
}

/** Ids of the groups a person leads. */
export async function groupsLedBy(tx: Tx, userId: string): Promise<string[]> {
  return (await tx.select().from(qualityGroups)).filter((g) => g.leadId === userId).map((g) => g.id);
}
