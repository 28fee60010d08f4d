/** A node of a hotline's topic tree (дерево тематик). */
export interface TopicTreeNode {
  id: string;
  name: string;
  children: TopicTreeNode[];
}

/** The path of names from the root to the topic with `id`, or null when the tree has no such topic. */
export function topicPath(tree: readonly TopicTreeNode[], id: string): string[] | null {
  for (const node of tree) {
    if (node.id === id) return [node.name];
    const below = topicPath(node.children, id);
    if (below) return [node.name, ...below];
  }
  return null;
}

/** The ids from the root to the topic with `id` (the topic itself last), or null. */
export function topicIdPath(tree: readonly TopicTreeNode[], id: string): string[] | null {
  for (const node of tree) {
    if (node.id === id) return [node.id];
    const below = topicIdPath(node.children, id);
    if (below) return [node.id, ...below];
  }
  return null;
}

/** Every topic with its full path, depth-first: what a select of topics shows. */
export function flattenTopics(tree: readonly TopicTreeNode[], prefix: string[] = []): { id: string; path: string[] }[] {
  return tree.flatMap((n) => [{ id: n.id, path: [...prefix, n.name] }, ...flattenTopics(n.children, [...prefix, n.name])]);
}
