import { asc, inArray } from 'drizzle-orm';
import { standardCalendar, type CaseType, type Impact, type Urgency } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { customers } from '../customers/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { businessCalendars, hotlineServiceSettings } from '../calendars/schema.ts';
import { cases, problems, resolverGroupMembers, resolverGroups, slaPolicies } from '../cases/schema.ts';
import { changeStatus, escalateCase, openCase, type Actor } from '../cases/service.ts';
import { catalogItems } from '../orders/schema.ts';

const DEMO_CASES: { hotline: string; type: CaseType; subject: string; impact: Impact; urgency: Urgency; hoursAgo: number; then?: 'in_progress' | 'waiting_customer' | 'resolved' | 'escalate' }[] = [
  { hotline: 'telecom-support', type: 'incident', subject: 'Нет интернета в доме на ул. Ленина, 10', impact: 'high', urgency: 'high', hoursAgo: 3, then: 'in_progress' },
  { hotline: 'telecom-support', type: 'incident', subject: 'Пропадает соединение по вечерам (ул. Ленина)', impact: 'medium', urgency: 'high', hoursAgo: 2 },
  { hotline: 'telecom-support', type: 'support', subject: 'Настройка роутера после замены', impact: 'low', urgency: 'medium', hoursAgo: 26, then: 'waiting_customer' },
  { hotline: 'telecom-support', type: 'information', subject: 'Условия тарифа «Домашний 500»', impact: 'low', urgency: 'low', hoursAgo: 30, then: 'resolved' },
  { hotline: 'telecom-sales', type: 'order', subject: 'Подключение по адресу ул. Садовая, 5', impact: 'low', urgency: 'medium', hoursAgo: 50, then: 'in_progress' },
  { hotline: 'bank-cards', type: 'complaint', subject: 'Претензия: двойное списание за покупку', impact: 'medium', urgency: 'medium', hoursAgo: 28, then: 'escalate' },
  { hotline: 'bank-cards', type: 'service_request', subject: 'Доступ к интернет-банку после смены телефона', impact: 'low', urgency: 'high', hoursAgo: 5 },
];

/**
 * The demo's case desk: business calendars (Moscow 9–18 for ТелеКом Плюс, Yekaterinburg 9–18 for
 * the bank), L1 and L2 lines and a complaints department with members, SLA policies, a handful of
 * cases in different states and a problem linking the two outage incidents.
 */
export async function seedCases(tx: Tx, now = new Date()): Promise<void> {
  const lines = await tx.select().from(hotlines);
  const byCode = new Map(lines.map((h) => [h.code, h]));
  const people = await tx.select().from(users).orderBy(asc(users.login));
  const login = (l: string) => people.find((u) => u.login === l)?.id;

  const msk = standardCalendar('Europe/Moscow');
  const [moscow, yekat] = await tx.insert(businessCalendars).values([
    { name: 'Москва, 9–18, производственный календарь', ...msk },
    { name: 'Екатеринбург, 9–18, производственный календарь', ...standardCalendar('Asia/Yekaterinburg') },
  ]).returning();
  await tx.insert(hotlineServiceSettings).values(lines.map((h) => ({
    hotlineId: h.id, calendarId: h.timeZone === 'Asia/Yekaterinburg' ? yekat!.id : moscow!.id, complaintDecisionDays: 10,
  })));

  const [dept] = await tx.insert(resolverGroups).values({ name: 'Отдел претензий', kind: 'department', level: 3 }).returning();
  const [l2] = await tx.insert(resolverGroups).values({ name: 'Вторая линия (L2)', kind: 'line', level: 2, escalateToId: dept!.id }).returning();
  const [l1] = await tx.insert(resolverGroups).values({ name: 'Первая линия (L1)', kind: 'line', level: 1, escalateToId: l2!.id }).returning();
  const members = [
    ...['operator1', 'operator2', 'operator3', 'operator4'].map((l) => ({ groupId: l1!.id, userId: login(l) })),
    ...['senior', 'lead'].map((l) => ({ groupId: l2!.id, userId: login(l) })),
    { groupId: dept!.id, userId: login('lead') },
  ].filter((m): m is { groupId: string; userId: string } => m.userId !== undefined);
  await tx.insert(resolverGroupMembers).values(members);

  await tx.insert(slaPolicies).values([
    { name: 'Базовый: ответ 4 ч, решение 16 ч', responseMinutes: 240, resolutionMinutes: 960 },
    { name: 'Критичный: ответ 30 мин, решение 4 ч', priority: 'critical', responseMinutes: 30, resolutionMinutes: 240 },
    { name: 'Высокий: ответ 1 ч, решение 8 ч', priority: 'high', responseMinutes: 60, resolutionMinutes: 480 },
    { name: 'Претензии: ответ 8 ч, решение 40 ч', caseType: 'complaint', responseMinutes: 480, resolutionMinutes: 2400 },
  ]);

  const people2 = await tx.select().from(customers).orderBy(asc(customers.createdAt)).limit(DEMO_CASES.length);
  const firstContacts = await tx.select().from(contacts).where(inArray(contacts.customerId, people2.map((p) => p.id)));
  const system: Actor = { id: login('operator1') ?? null, name: 'Дмитрий Иванов', tenantId: lines[0]!.tenantId };
  const created: { id: string; type: CaseType }[] = [];
  for (const [i, c] of DEMO_CASES.entries()) {
    const opened = new Date(now.getTime() - c.hoursAgo * 3_600_000);
    const customer = people2[i % Math.max(1, people2.length)];
    const contact = firstContacts.find((k) => k.customerId === customer?.id && k.hotlineId === byCode.get(c.hotline)?.id);
    const { row } = await openCase(tx, system, {
      type: c.type, hotlineId: byCode.get(c.hotline)!.id, customerId: customer?.id ?? null, contactIds: contact ? [contact.id] : [],
      subject: c.subject, description: '', impact: c.impact, urgency: c.urgency, departmentId: c.type === 'complaint' ? dept!.id : null,
    }, opened, []);
    const later = new Date(opened.getTime() + 20 * 60_000);
    if (c.then === 'escalate') {
      await changeStatus(tx, system, row.id, 'in_progress', undefined, later);
      await escalateCase(tx, system, row.id, { reason: 'Нетиповой вопрос: нужна проверка операции в процессинге' }, new Date(later.getTime() + 600_000), []);
    } else if (c.then === 'resolved') {
      await changeStatus(tx, system, row.id, 'resolved', 'Проконсультировали по тарифу', later);
    } else if (c.then) {
      await changeStatus(tx, system, row.id, c.then, undefined, later);
    }
    created.push({ id: row.id, type: c.type });
  }
  const [problem] = await tx.insert(problems).values({
    title: 'Авария на узле связи ул. Ленина', description: 'Отказ коммутатора доступа; обращения об отсутствии связи в одном доме.',
    hotlineId: byCode.get('telecom-support')!.id,
  }).returning();
  // The sales line's catalog (prices in kopecks), so the order form has something to sell.
  const sales = byCode.get('telecom-sales');
  if (sales) {
    await tx.insert(catalogItems).values([
      { hotlineId: sales.id, kind: 'service', sku: 'NET-500', name: 'Тариф «Домашний 500», месяц', price: 69_000 },
      { hotlineId: sales.id, kind: 'service', sku: 'INSTALL', name: 'Подключение с выездом мастера', price: 150_000 },
      { hotlineId: sales.id, kind: 'product', sku: 'RT-AX', name: 'Роутер Wi-Fi 6', price: 499_000 },
      { hotlineId: sales.id, kind: 'product', sku: 'TV-BOX', name: 'ТВ-приставка', price: 349_000 },
    ]);
  }
  const incidents = created.filter((c) => c.type === 'incident').map((c) => c.id);
  await tx.update(cases).set({ problemId: problem!.id }).where(inArray(cases.id, incidents));
}
