import { z } from 'zod';
import { isTimeZone } from '../tenants/contracts.ts';


/** Request and response shapes of business calendars and a hotline's service settings. */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time HH:MM');
const isoDate = z.iso.date();
const stretch = z.strictObject({ from: hhmm, to: hhmm }).refine((h) => h.to > h.from, { message: 'must end after it starts', path: ['to'] });

export const calendarOut = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  week: z.array(z.array(z.object({ from: z.string(), to: z.string() }))),
  production: z.enum(['ru', 'none']),
  holidays: z.array(z.string()),
  workingDays: z.array(z.string()),
  shortenedByMinutes: z.number(),
  createdAt: z.string(),
});

export const calendarCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone'),
  /** Monday first. */
  week: z.array(z.array(stretch).max(6)).length(7),
  production: z.enum(['ru', 'none']).default('ru'),
  holidays: z.array(isoDate).max(400).default([]),
  workingDays: z.array(isoDate).max(400).default([]),
  shortenedByMinutes: z.number().int().min(0).max(480).default(60),
});

export const calendarPatch = z.strictObject({
  name: calendarCreate.shape.name.optional(),
  timeZone: calendarCreate.shape.timeZone.optional(),
  week: calendarCreate.shape.week.optional(),
  production: z.enum(['ru', 'none']).optional(),
  holidays: z.array(isoDate).max(400).optional(),
  workingDays: z.array(isoDate).max(400).optional(),
  shortenedByMinutes: z.number().int().min(0).max(480).optional(),
});

export const serviceSettingsOut = z.object({
  hotlineId: z.uuid(),
  calendarId: z.uuid().nullable(),
  complaintDecisionDays: z.number(),
});

export const serviceSettingsPut = z.strictObject({
  calendarId: z.uuid().nullable(),
  complaintDecisionDays: z.number().int().min(1).max(365).default(10),
});

/** Asks the calendar when `minutes` of working time from `from` end (a check in the admin screen). */
export const calendarProbe = z.object({ from: z.iso.datetime({ offset: true }), minutes: z.coerce.number().int().min(0).max(1_000_000) });
export const calendarProbeOut = z.object({ dueAt: z.string() });
