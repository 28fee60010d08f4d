/**
 * Who listens to what, by tenant and topic, so that delivering an event costs the number of its
 * recipients rather than the number of connections (a floor of 2,000 agents hears thousands of
 * events a second, most of them for one person). Empty sets and tenants are removed as their last
 * listener goes, so the index does not grow with sockets that came and went.
 */
export class TopicIndex<L> {
  private readonly byTenant = new Map<string, Map<string, Set<L>>>();

  add(tenantId: string, topic: string, listener: L): void {
    let topics = this.byTenant.get(tenantId);
    if (!topics) this.byTenant.set(tenantId, (topics = new Map()));
    let listeners = topics.get(topic);
    if (!listeners) topics.set(topic, (listeners = new Set()));
    listeners.add(listener);
  }

  remove(tenantId: string, topic: string, listener: L): void {
    const topics = this.byTenant.get(tenantId);
    const listeners = topics?.get(topic);
    if (!topics || !listeners) return;
    listeners.delete(listener);
    if (listeners.size > 0) return;
    topics.delete(topic);
    if (topics.size === 0) this.byTenant.delete(tenantId);
  }

  /** The listeners of `topic` in `tenantId` (a snapshot: a listener may leave while it is served). */
  listeners(tenantId: string, topic: string): L[] {
    const listeners = this.byTenant.get(tenantId)?.get(topic);
    return listeners ? [...listeners] : [];
  }

  /** How many (tenant, topic) pairs have listeners: for tests of the clean-up. */
  get topicCount(): number {
    let n = 0;
    for (const topics of this.byTenant.values()) n += topics.size;
    return n;
  }
}
