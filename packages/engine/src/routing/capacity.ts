// Capacity per channel (R2: "1 call, or 3 chats + 5 e-mails"). An agent's load on a channel
// counts the contacts offered, connected and in wrap-up on it: an offer reserves its slot, so
// two offers can never overfill an agent, and wrap-up keeps the slot until it ends.
// Exclusive channels (voice by default) need an empty agent and block everything else.

import type { Channel, RoutingOptions } from './types.ts';

export interface Load {
  /** channel → contacts held on it. */
  byChannel: Map<Channel, number>;
  total: number;
  /** Contacts held on exclusive channels. */
  exclusive: number;
}

export function emptyLoad(): Load {
  return { byChannel: new Map(), total: 0, exclusive: 0 };
}

export function capacityOf(own: Readonly<Record<Channel, number>> | undefined, options: RoutingOptions, channel: Channel): number {
  return own?.[channel] ?? options.defaultCapacity[channel] ?? 0;
}

/** Whether one more contact of `channel` fits. */
export function fits(load: Load, channel: Channel, capacity: number, exclusive: boolean): boolean {
  if (capacity <= 0 || load.exclusive > 0) return false;
  if (exclusive) return load.total === 0;
  return (load.byChannel.get(channel) ?? 0) < capacity;
}

export function addLoad(load: Load, channel: Channel, exclusive: boolean, delta: 1 | -1): void {
  const n = (load.byChannel.get(channel) ?? 0) + delta;
  if (n < 0) throw new Error(`load on ${channel} below zero`);
  if (n === 0) load.byChannel.delete(channel);
  else load.byChannel.set(channel, n);
  load.total += delta;
  if (exclusive) load.exclusive += delta;
}

/** Share of the channel's capacity in use (least-occupied strategy). */
export function occupancyOn(load: Load, channel: Channel, capacity: number): number {
  return capacity > 0 ? (load.byChannel.get(channel) ?? 0) / capacity : 1;
}
