import { and, eq } from 'drizzle-orm';
import { alwaysOpenCalendar } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { acdQueues } from '../acd/schema.ts';
import { businessCalendars } from '../calendars/schema.ts';
import { chatWidgets } from '../chat/schema.ts';
import { hotlines } from '../tenants/schema.ts';

/** The demo widget's public key: the demo host page (/widget-demo.html) and the browser test embed it. */
export const DEMO_WIDGET_KEY = 'wk_demo_telecom_support';

/**
 * The demo's web chat: a widget on the ТелеКом Плюс support line, arriving in "Поддержка — чат".
 * The chat answers round the clock (its own calendar), so a newcomer trying the demo at night
 * still reaches the queue; the hotline's 9–18 calendar keeps governing its cases.
 */
export async function seedChat(tx: Tx): Promise<void> {
  const [line] = await tx.select().from(hotlines).where(eq(hotlines.code, 'telecom-support'));
  if (!line) return;
  const [queue] = await tx.select().from(acdQueues).where(and(eq(acdQueues.hotlineId, line.id), eq(acdQueues.channel, 'chat')));
  if (!queue) return;
  const [calendar] = await tx.insert(businessCalendars).values({ name: 'Веб-чат — круглосуточно', ...alwaysOpenCalendar(line.timeZone) }).returning();
  await tx.insert(chatWidgets).values({
    clientId: line.clientId,
    hotlineId: line.id,
    queueId: queue.id,
    publicKey: DEMO_WIDGET_KEY,
    name: 'Чат на сайте ТелеКом Плюс',
    greeting: 'Здравствуйте! Мы на связи круглосуточно — напишите, чем помочь.',
    calendarId: calendar!.id,
  });
}
