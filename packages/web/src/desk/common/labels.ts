import { flattenTopics, topicPath, type TopicTreeNode } from '@linia/engine';
import type { Hotline } from '../../api/types.ts';

/** "Интернет / Нет соединения" for a topic id of a hotline, or the id when the tree lost it. */
export function topicLabel(hotline: Hotline | undefined, topicId: string | null): string {
  if (!topicId) return '—';
  const path = hotline ? topicPath(hotline.topics as TopicTreeNode[], topicId) : null;
  return path ? path.join(' / ') : topicId;
}

/** Options of a topic select: every node, indented by depth. */
export function topicOptions(hotline: Hotline | undefined): { value: string; label: string }[] {
  if (!hotline) return [];
  return flattenTopics(hotline.topics as TopicTreeNode[]).map((t) => ({
    value: t.id,
    label: `${'\u2003'.repeat(t.path.length - 1)}${t.path[t.path.length - 1]}`,
  }));
}

