/**
 * A web chat's status as both sides see it, from the two records that decide it: the chat's own
 * end (either side pressed "end") and where the ACD has the contact. Kept as one rule so the
 * operator's list, the watch view and the customer's widget cannot disagree.
 */
export type ChatStatus = 'waiting' | 'active' | 'ended';
export type ChatParty = 'customer' | 'agent' | 'system';
/** The ACD's record of the contact (contacts.routing_status); null before it queued. */
export type RoutingStatus = 'waiting' | 'offered' | 'connected' | 'wrapUp' | 'released' | 'abandoned' | null;

export interface ChatRecord {
  endedAt: unknown | null;
  endedBy: ChatParty | null;
  routingStatus: RoutingStatus;
}

/**
 * Ended once either side ended it — or the ACD shows it over: in wrap-up or released (the agent
 * ended the contact through the ACD itself) or abandoned (the customer left the queue); active
 * while connected; waiting before (queued or being offered).
 */
export function chatStatus(r: ChatRecord): ChatStatus {
  if (r.endedAt) return 'ended';
  switch (r.routingStatus) {
    case 'connected':
      return 'active';
    case 'wrapUp':
    case 'released':
    case 'abandoned':
      return 'ended';
    default:
      return 'waiting';
  }
}

/** Who ended it: as recorded, else what the ACD implies (left the queue → customer; wrap-up → agent). */
export function chatEndedBy(r: ChatRecord): ChatParty | null {
  if (r.endedBy) return r.endedBy;
  if (r.routingStatus === 'abandoned') return 'customer';
  if (r.routingStatus === 'wrapUp' || r.routingStatus === 'released') return 'agent';
  return null;
}
