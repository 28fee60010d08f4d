import { can } from '@linia/engine';
import type { Principal } from '../auth/principal.ts';

/**
 * Topics and who may hear them. A topic is a string; its first segment picks the rule:
 * - `tenant`         changes to the organization's setup (clients, hotlines, users): everyone signed in;
 * - `user:<id>`      messages to one person (offers, announcements): that person only;
 * - `wallboard`      live queue and agent figures: those who may view the wallboard;
 * - `contacts`       contact.created / contact.closed: those who may view the journal;
 * - `chat:<contactId>` a web chat's events: group leads watching the floor (the agent holding it hears them on `user:<id>`).
 * New areas add a rule here, and nowhere else.
 */
export function mayHear(principal: Principal, topic: string): boolean {
  const [kind, arg] = topic.split(':', 2);
  switch (kind) {
    case 'tenant':
      return arg === undefined;
    case 'user':
      return arg === principal.id;
    case 'wallboard':
      return can(principal.role, 'wallboard.view');
    case 'contacts':
      return arg === undefined && can(principal.role, 'contacts.view');
    case 'chat':
      return arg !== undefined && can(principal.role, 'floor.control');
    default:
      return false;
  }
}

/** Topics a connection gets without asking. */
export const defaultTopics = (principal: Principal) => ['tenant', `user:${principal.id}`];
