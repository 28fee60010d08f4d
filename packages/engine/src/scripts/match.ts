import { topicIdPath, type TopicTreeNode } from '../contacts/topics.ts';

export interface ScriptBinding {
  id: string;
  /** null: for every topic of the hotline. */
  topicId: string | null;
  active: boolean;
}

/**
 * The script for a contact on a topic: one bound to the topic itself, else to the nearest
 * parent topic ("Кредиты" covers "Кредиты → Досрочное погашение"), else the hotline-wide one.
 * Ties (two scripts on one topic) go to the first given, so callers pass them in a stable order.
 */
export function matchScript<T extends ScriptBinding>(scripts: readonly T[], tree: readonly TopicTreeNode[], topicId: string | null): T | null {
  const active = scripts.filter((s) => s.active);
  const path = topicId ? (topicIdPath(tree, topicId) ?? []) : [];
  for (const id of [...path].reverse()) {
    const hit = active.find((s) => s.topicId === id);
    if (hit) return hit;
  }
  return active.find((s) => s.topicId === null) ?? null;
}
