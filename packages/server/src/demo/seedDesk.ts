import type { Tx } from '../db/index.ts';
import { nameKey, ruVector } from '../db/search.ts';
import { articleSearch } from '../knowledge/service.ts';
import { eq } from 'drizzle-orm';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { customerIdentifiers, customers } from '../customers/schema.ts';
import { contactMessages, contacts } from '../contacts/schema.ts';
import { knowledgeArticles, knowledgeCategories, knowledgeVersions } from '../knowledge/schema.ts';
import { normalisePhone, normaliseEmail } from '@linia/engine';
import { DEMO_ARTICLES, DEMO_CONTACT_TEMPLATES, DEMO_CUSTOMERS, DEMO_FIELDS } from './deskData.ts';

/** A fixed-seed generator: the demo looks the same on every start (screenshots, tests). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/**
 * The demo desk inside the demo tenant's transaction: hotline fields, customers with
 * identifiers, knowledge articles with categories and a first version, and about forty
 * contacts spread over the last five days (the newest still open).
 */
export async function seedDesk(tx: Tx, now = new Date()): Promise<void> {
  const lines = await tx.select().from(hotlines);
  const byCode = new Map(lines.map((h) => [h.code, h]));
  for (const [code, fields] of Object.entries(DEMO_FIELDS)) {
    const h = byCode.get(code);
    if (h) await tx.update(hotlines).set({ customFields: fields }).where(eq(hotlines.id, h.id));
  }

  const customerIds: string[] = [];
  const since = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  for (const [n, c] of DEMO_CUSTOMERS.entries()) {
    const consents = [
      { kind: 'personal_data' as const, granted: true, at: since },
      { kind: 'call_recording' as const, granted: true, at: since },
      ...(n % 3 === 0 ? [{ kind: 'marketing' as const, granted: n % 2 === 0, at: since }] : []),
    ];
    const [row] = await tx.insert(customers).values({ consents, name: c.name, nameKey: nameKey(c.name), organization: c.organization ?? null, notes: c.notes ?? null }).returning();
    customerIds.push(row!.id);
    const ids = [
      c.phone ? { kind: 'phone' as const, value: normalisePhone(c.phone)! } : null,
      c.email ? { kind: 'email' as const, value: normaliseEmail(c.email)! } : null,
      c.messenger ? { kind: 'messenger' as const, value: c.messenger } : null,
    ].filter((x) => x !== null);
    if (ids.length > 0) await tx.insert(customerIdentifiers).values(ids.map((i) => ({ ...i, customerId: row!.id })));
  }

  const categories = new Map<string, string>();
  for (const a of DEMO_ARTICLES) {
    const hotlineId = a.hotline ? byCode.get(a.hotline)!.id : null;
    const key = `${a.hotline}/${a.category}`;
    if (!categories.has(key)) {
      const [cat] = await tx.insert(knowledgeCategories).values({ hotlineId, name: a.category }).returning();
      categories.set(key, cat!.id);
    }
    const [article] = await tx
      .insert(knowledgeArticles)
      .values({
        hotlineId, categoryId: categories.get(key)!, kind: a.kind, title: a.title, answer: a.answer, body: a.body, typical: a.typical ?? false,
        search: articleSearch(a.title, a.answer, a.body),
      })
      .returning({ id: knowledgeArticles.id });
    const versions = a.previous ? [{ ...a.previous, title: a.title }, a] : [a];
    await tx.insert(knowledgeVersions).values(
      versions.map((v, i) => ({
        articleId: article!.id, version: i + 1, title: v.title, body: v.body, answer: v.answer,
        authorName: i === 0 ? 'Игорь Волков' : 'Елена Павлова',
        createdAt: new Date(now.getTime() - (versions.length - i) * 3 * 86_400_000),
      })),
    );
    if (versions.length > 1) await tx.update(knowledgeArticles).set({ version: versions.length }).where(eq(knowledgeArticles.id, article!.id));
  }

  const operators = (await tx.select().from(users)).filter((u) => u.role === 'operator' || u.role === 'senior_operator');
  const rnd = random(20_261_123);
  const COUNT = 42;
  for (let i = 0; i < COUNT; i++) {
    const t = DEMO_CONTACT_TEMPLATES[i % DEMO_CONTACT_TEMPLATES.length]!;
    const h = byCode.get(t.hotline)!;
    const agent = operators[Math.floor(rnd() * operators.length)]!;
    // Spread over five days, during working hours, newest last.
    const minutesAgo = Math.round(((COUNT - i) / COUNT) * 5 * 24 * 60 * 0.95 + rnd() * 40);
    const createdAt = new Date(now.getTime() - minutesAgo * 60_000);
    const open = i >= COUNT - 3;
    const answered = new Date(createdAt.getTime() + Math.round(5 + rnd() * 40) * 1000);
    const ended = new Date(answered.getTime() + Math.round(120 + rnd() * 480) * 1000);
    const [c] = await tx
      .insert(contacts)
      .values({
        clientId: h.clientId, hotlineId: h.id, channel: t.channel, status: open ? 'open' : 'closed',
        customerId: customerIds[Math.floor(rnd() * customerIds.length)]!, agentId: agent.id, agentIds: [agent.id],
        subject: t.subject, topicId: t.topicId, customFields: t.fields, outcome: open ? null : t.outcome,
        fcr: open ? null : t.outcome === 'Решено' || t.outcome === 'Консультация', notes: t.notes, createdAt,
        search: ruVector(`${t.subject} ${t.notes}`),
        answeredAt: ['voice_in', 'voice_out', 'chat', 'messenger'].includes(t.channel) ? answered : null,
        endedAt: open ? null : ended, wrapUpEndedAt: open ? null : new Date(ended.getTime() + 30_000),
        criticality: t.subject.startsWith('Претензия') ? 'high' : 'normal',
      })
      .returning({ id: contacts.id });
    if (t.channel === 'chat' || t.channel === 'messenger') {
      await tx.insert(contactMessages).values([
        { contactId: c!.id, author: 'customer', body: t.subject, createdAt },
        { contactId: c!.id, author: 'agent', authorName: agent.name, body: 'Здравствуйте! Сейчас проверю, одну минуту.', createdAt: new Date(createdAt.getTime() + 20_000) },
      ]);
    }
  }
}
