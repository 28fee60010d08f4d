import type { Topic } from '../../api/types.ts';

/**
 * Immutable edits of a hotline's topic tree. Ids are made here (crypto.randomUUID) because
 * the tree is saved whole with the hotline and contacts will refer to topics by id.
 */
export function newTopic(name = ''): Topic {
  return { id: crypto.randomUUID(), name, children: [] };
}

/** parentId null adds at the top level. */
export function addTopic(tree: Topic[], parentId: string | null, topic: Topic): Topic[] {
  if (parentId === null) return [...tree, topic];
  return tree.map((t) =>
    t.id === parentId ? { ...t, children: [...t.children, topic] } : { ...t, children: addTopic(t.children, parentId, topic) },
  );
}

export function renameTopic(tree: Topic[], id: string, name: string): Topic[] {
  return tree.map((t) => (t.id === id ? { ...t, name } : { ...t, children: renameTopic(t.children, id, name) }));
}

export function removeTopic(tree: Topic[], id: string): Topic[] {
  return tree.filter((t) => t.id !== id).map((t) => ({ ...t, children: removeTopic(t.children, id) }));
}

/** Topics saved without a name would be unreadable in every list; the form drops them. */
export function pruneEmpty(tree: Topic[]): Topic[] {
  return tree
    .map((t) => ({ ...t, name: t.name.trim(), children: pruneEmpty(t.children) }))
    .filter((t) => t.name !== '' || t.children.length > 0);
}
