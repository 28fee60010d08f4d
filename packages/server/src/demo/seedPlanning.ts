// The demo of resource planning: a planning queue with six weeks of half-hour history (generated, since the
// public bank data is GPL and stays outside the repository), an outage to exclude, an event mark, shift
// templates and employees (the demo operators among them), so every planning screen opens with data.
import { addIsoDays, isoWeekday, mulberry32, poisson, productionCalendar } from '@linia/engine';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { users } from '../people/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import { planningEmployees, planningEvents, planningHistory, planningQueues, planningShiftTemplates } from '../planning/schema.ts';

/** Calls per open day by weekday (0 = Sunday) and the two-peak intraday shape of 08:00–20:00 (24 half-hours). */
const DAY_CALLS = [300, 1240, 1160, 1120, 1120, 1080, 520];
const PROFILE = [2, 3, 4.5, 5.5, 6, 6, 5.5, 5, 4.5, 4, 4, 4.2, 4.5, 4.8, 5, 5, 4.8, 4.2, 3.6, 3, 2.5, 2, 1.6, 1.2];
const SHAPE = PROFILE.map((p) => p / PROFILE.reduce((a, b) => a + b, 0));

export const DEMO_PLANNING_EMPLOYEES = [
  { name: 'Дмитрий Иванов', login: 'operator1', rate: 1 },
  { name: 'Наталья Соколова', login: 'operator2', rate: 1 },
  { name: 'Алексей Попов', login: 'operator3', rate: 1 },
  { name: 'Ирина Новикова', login: 'operator4', rate: 0.5 },
  { name: 'Елена Павлова', login: 'senior', rate: 1 },
  { name: 'Павел Орлов', rate: 1 },
  { name: 'Юлия Зайцева', rate: 1 },
  { name: 'Максим Белов', rate: 1 },
  { name: 'Ольга Михайлова', rate: 1 },
  { name: 'Артём Фёдоров', rate: 1 },
  { name: 'Светлана Егорова', rate: 1 },
  { name: 'Кирилл Никитин', rate: 1 },
  { name: 'Татьяна Волкова', rate: 1 },
  { name: 'Роман Соловьёв', rate: 1 },
  { name: 'Анастасия Виноградова', rate: 1 },
  { name: 'Евгений Богданов', rate: 1 },
  { name: 'Мария Кузьмина', rate: 0.5 },
  { name: 'Виктор Лебедев', rate: 1 },
  { name: 'Дарья Семёнова', rate: 1 },
  { name: 'Никита Голубев', rate: 1 },
];

/** The date in Moscow (the demo center's zone) `days` from `now`. */
const moscowDate = (now: Date, days = 0) => addIsoDays(new Date(now.getTime() + 3 * 3_600_000).toISOString().slice(0, 10), days);

export async function seedPlanning(tx: Tx, now = new Date()): Promise<void> {
  // Linked to the support line, so "Load from the journal" adds what the ACD counted there.
  const [line] = await tx.select({ id: hotlines.id }).from(hotlines).where(eq(hotlines.code, 'telecom-support'));
  const [queue] = await tx
    .insert(planningQueues)
    .values({ code: 'support', name: 'Поддержка (ТелеКом Плюс)', intervalMinutes: 30, hotlineId: line?.id ?? null })
    .returning();
  const calendar = productionCalendar();
  const random = mulberry32(20_260_301);
  const last = moscowDate(now, -1);
  // The outage: the last Tuesday at least a week ago (a busy weekday, so the collapse stands out).
  let outage = moscowDate(now, -7);
  while (isoWeekday(outage) !== 2) outage = addIsoDays(outage, -1);
  const rows: Array<typeof planningHistory.$inferInsert> = [];
  for (let day = moscowDate(now, -42); day <= last; day = addIsoDays(day, 1)) {
    const holiday = calendar.kind(day) === 'holiday';
    const calls = DAY_CALLS[isoWeekday(day)]! * (holiday ? 0.3 : 1);
    SHAPE.forEach((share, i) => {
      // The outage from 11:00 to 13:00: the lines were down, calls collapsed.
      const down = day === outage && i >= 6 && i < 10;
      const offered = down ? 0 : poisson(random, calls * share);
      const abandoned = Math.min(offered, poisson(random, offered * 0.04));
      const handled = offered - abandoned;
      const aht = 230 + 40 * Math.sin((i / 24) * Math.PI) + 20 * (random.next() - 0.5);
      const minute = 480 + 30 * i;
      rows.push({
        queueId: queue!.id,
        intervalStart: `${day} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`,
        intervalMinutes: 30,
        offered,
        handled,
        abandoned,
        handleSeconds: Math.round(aht * handled),
        answeredWithinT: Math.round(handled * (0.75 + 0.2 * random.next())),
        source: 'csv',
      });
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(planningHistory).values(rows.slice(i, i + 1000));
  await tx.insert(planningEvents).values([
    { queueId: queue!.id, kind: 'outage', startsAt: `${outage} 11:00:00`, endsAt: `${outage} 13:00:00`, note: 'Авария у оператора связи' },
    { queueId: queue!.id, kind: 'campaign', startsAt: `${moscowDate(now, 7)} 00:00:00`, endsAt: `${moscowDate(now, 14)} 00:00:00`, note: 'Рассылка о новом тарифе', uplift: 1.3 },
  ]);
  const breaks = [
    { name: 'Перерыв', minutes: 15, paid: true, earliestStart: 90, latestStart: 150 },
    { name: 'Обед', minutes: 60, paid: false, earliestStart: 210, latestStart: 300 },
    { name: 'Перерыв', minutes: 15, paid: true, earliestStart: 390, latestStart: 450 },
  ];
  await tx.insert(planningShiftTemplates).values([
    { name: 'День 8 ч', earliestStart: '08:00', latestStart: '11:00', startStepMinutes: 60, lengthMinutes: 540, breaks },
    { name: 'Полсмены 4 ч', earliestStart: '08:00', latestStart: '16:00', startStepMinutes: 60, lengthMinutes: 240, breaks: [{ name: 'Перерыв', minutes: 15, paid: true, earliestStart: 90, latestStart: 150 }] },
  ]);
  const logins = DEMO_PLANNING_EMPLOYEES.flatMap((e) => (e.login ? [e.login] : []));
  const linked = new Map((await tx.select().from(users).where(inArray(users.login, logins))).map((u) => [u.login, u.id]));
  await tx.insert(planningEmployees).values(
    DEMO_PLANNING_EMPLOYEES.map((e) => ({
      name: e.name,
      userId: e.login ? (linked.get(e.login) ?? null) : null,
      rate: e.rate,
      skills: ['support'],
      templates: e.rate < 1 ? ['Полсмены 4 ч'] : ['День 8 ч'],
    })),
  );
}
