import type { Case } from './types.ts';

/** "№ 42 · Тема" — how a case is named in lists, links and the timeline. */
export const caseTitle = (c: Pick<Case, 'number' | 'subject'>) => `№ ${c.number} · ${c.subject}`;

export const priorityTone = (p: Case['priority']) => (p === 'critical' || p === 'high' ? 'warn' : p === 'medium' ? 'accent' : 'muted') as 'warn' | 'accent' | 'muted';
export const statusTone = (s: Case['status']) => (s === 'resolved' || s === 'closed' ? 'ok' : s === 'new' ? 'accent' : s.startsWith('waiting') ? 'muted' : 'neutral') as 'ok' | 'accent' | 'muted' | 'neutral';
