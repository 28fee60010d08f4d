import { and, asc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { compileQualityAutoChecks } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { contactMessages, contacts } from '../contacts/schema.ts';
import { users } from '../people/schema.ts';
import { refuseIssues, engineCard, publishedVersion } from './scorecards.ts';
import { requireReference } from '../http/crud.ts';
import type { autoScoreOut, autoScoreQuery } from './contracts.ts';
import { qualityScorecards } from './schema.ts';
import { agentInScope, type QualityScope } from './scope.ts';

const DAY = 86_400_000;

/**
 * The automatic score over every closed contact of a period (not a sample): the published
 * version's automatic checks run over each transcript, averaged per agent, with each rule's pass
 * rate — where to look before sampling by hand. One query for the contacts, one for their messages.
 */
export async function autoScoreReport(tx: Tx, q: z.infer<typeof autoScoreQuery>, now: Date, scope: QualityScope = { all: true }): Promise<z.infer<typeof autoScoreOut>> {
  const card = await requireReference(tx, qualityScorecards, q.scorecardId, 'query.scorecardId', 'scorecard');
  const version = await publishedVersion(tx, q.scorecardId, 'query.scorecardId');
  const compiled = compileQualityAutoChecks(version.autoRules, engineCard(version));
  // Rules were checked when the version was saved; a failure here means stored data went bad.
  if (!compiled.ok) {
    refuseIssues(compiled.issues, 'scorecard');
    return { from: '', to: '', rows: [] };
  }
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 7 * DAY);
  const rows = await tx
    .select({ id: contacts.id, agentId: contacts.agentId, customFields: contacts.customFields })
    .from(contacts)
    .where(and(eq(contacts.status, 'closed'), isNotNull(contacts.agentId), gte(contacts.createdAt, from), lt(contacts.createdAt, to), card.hotlineId ? eq(contacts.hotlineId, card.hotlineId) : undefined, await agentInScope(tx, scope, contacts.agentId)));
  const messages = rows.length
    ? await tx.select().from(contactMessages).where(inArray(contactMessages.contactId, rows.map((r) => r.id))).orderBy(asc(contactMessages.createdAt))
    : [];
  const byContact = new Map<string, typeof messages>();
  for (const m of messages) byContact.set(m.contactId, [...(byContact.get(m.contactId) ?? []), m]);
  const acc = new Map<string, { contacts: number; scored: number; sum: number; rules: Map<string, { applicable: number; passed: number }> }>();
  for (const c of rows) {
    const transcript = byContact.get(c.id);
    if (!transcript?.length) continue; // nothing to check: no transcript (a call without speech-to-text)
    const r = compiled.checker.run({ messages: transcript.map((m) => ({ author: m.author, at: m.createdAt.getTime(), text: m.body })), scriptFields: c.customFields });
    const a = acc.get(c.agentId!) ?? { contacts: 0, scored: 0, sum: 0, rules: new Map() };
    a.contacts++;
    if (r.score !== null) {
      a.scored++;
      a.sum += r.score;
    }
    for (const s of r.suggestions) {
      const k = `${s.rule}:${s.criterionId}`;
      const x = a.rules.get(k) ?? { applicable: 0, passed: 0 };
      if (s.passed !== null) x.applicable++;
      if (s.passed) x.passed++;
      a.rules.set(k, x);
    }
    acc.set(c.agentId!, a);
  }
  const names = new Map((await tx.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.id, u.name]));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    rows: [...acc.entries()].map(([agentId, a]) => ({
      agentId, name: names.get(agentId) ?? agentId, contacts: a.contacts, score: a.scored ? a.sum / a.scored : null,
      rules: [...a.rules.entries()].map(([rule, x]) => ({ rule, applicable: x.applicable, passed: x.passed })),
    })).sort((x, y) => (x.score ?? 2) - (y.score ?? 2)),
  };
}
