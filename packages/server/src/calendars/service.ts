import { eq } from 'drizzle-orm';
import { alwaysOpenCalendar, type BusinessCalendar } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { hotlines } from '../tenants/schema.ts';
import { businessCalendars, hotlineServiceSettings } from './schema.ts';

type CalendarRow = typeof businessCalendars.$inferSelect;

/** The engine's calendar from a stored row. */
export function toBusinessCalendar(row: CalendarRow): BusinessCalendar {
  return {
    timeZone: row.timeZone, week: row.week, production: row.production, holidays: row.holidays,
    workingDays: row.workingDays, shortenedByMinutes: row.shortenedByMinutes,
  };
}

export const toCalendarOut = (c: CalendarRow) => ({ ...toBusinessCalendar(c), id: c.id, name: c.name, createdAt: c.createdAt.toISOString() });

/** A hotline's service settings, or the defaults when none are stored. */
export async function serviceSettingsOf(tx: Tx, hotlineId: string) {
  const [row] = await tx.select().from(hotlineServiceSettings).where(eq(hotlineServiceSettings.hotlineId, hotlineId));
  return { hotlineId, calendarId: row?.calendarId ?? null, complaintDecisionDays: row?.complaintDecisionDays ?? 10 };
}

/**
 * The calendar a clock runs on: the one named (by a policy), else the hotline's, else round the
 * clock in the hotline's time zone — a promise made without business hours counts every hour.
 */
export async function resolveCalendar(tx: Tx, calendarId: string | null, hotlineId: string): Promise<{ id: string | null; calendar: BusinessCalendar }> {
  const id = calendarId ?? (await serviceSettingsOf(tx, hotlineId)).calendarId;
  if (id) {
    const [row] = await tx.select().from(businessCalendars).where(eq(businessCalendars.id, id));
    if (row) return { id, calendar: toBusinessCalendar(row) };
  }
  const [h] = await tx.select({ timeZone: hotlines.timeZone }).from(hotlines).where(eq(hotlines.id, hotlineId));
  return { id: null, calendar: alwaysOpenCalendar(h?.timeZone ?? 'UTC') };
}

/** A calendar by id, for recomputing a case's clocks; round the clock when it was deleted. */
export async function calendarById(tx: Tx, id: string | null, fallbackZone: string): Promise<BusinessCalendar> {
  if (id) {
    const [row] = await tx.select().from(businessCalendars).where(eq(businessCalendars.id, id));
    if (row) return toBusinessCalendar(row);
  }
  return alwaysOpenCalendar(fallbackZone);
}
