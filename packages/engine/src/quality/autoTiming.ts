// Response-time measurements over a transcript (SPEC Q5).
import type { QualityAutoContact } from './autoTypes.ts';

export interface QualityFirstResponse {
  /** null when there is nothing to respond to (no start time and no customer message). */
  seconds: number | null;
  /** Index of the first agent message after the start, or −1 if the agent never replied. */
  replyIndex: number;
}

/**
 * First response time: from `startedAt` (or the first customer message) to the first agent
 * message after it. No reply → seconds = null with replyIndex −1 (an unanswered contact fails).
 */
export function qualityFirstResponse(contact: QualityAutoContact): QualityFirstResponse & { from: number | null } {
  const msgs = contact.messages;
  const from = contact.startedAt ?? msgs.find((m) => m.author === 'customer')?.at ?? null;
  if (from === null) return { seconds: null, replyIndex: -1, from };
  const replyIndex = msgs.findIndex((m) => m.author === 'agent' && m.at >= from);
  return { seconds: replyIndex < 0 ? null : (msgs[replyIndex]!.at - from) / 1000, replyIndex, from };
}

export interface QualityResponseTimes {
  /** One per answered customer turn: seconds from the turn's first customer message to the agent's next message. */
  seconds: number[];
  /** The agent message that answered each turn. */
  replyIndexes: number[];
}

/**
 * Response times per customer turn. A turn starts at the first customer message after an agent
 * message (or at the first customer message) and ends at the next agent message; a last turn
 * with no agent message after it (e.g. «спасибо») is not counted. System messages are ignored.
 */
export function qualityResponseTimes(contact: QualityAutoContact): QualityResponseTimes {
  const out: QualityResponseTimes = { seconds: [], replyIndexes: [] };
  let turnStart: number | null = null;
  contact.messages.forEach((m, i) => {
    if (m.author === 'customer') turnStart ??= m.at;
    else if (m.author === 'agent' && turnStart !== null) {
      out.seconds.push((m.at - turnStart) / 1000);
      out.replyIndexes.push(i);
      turnStart = null;
    }
  });
  return out;
}
