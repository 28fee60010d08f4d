import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { WorkingHours } from '@linia/engine';
import { createdAt, id, tenantId } from '../db/columns.ts';
import { hotlines } from '../tenants/schema.ts';

/**
 * A business-hours calendar (график работы): weekly hours in a time zone on top of a public
 * production calendar, with the calendar's own holidays and working days. SLA clocks run on it;
 * the ACD's opening hours reuse a hotline's calendar.
 */
export const businessCalendars = pgTable(
  'business_calendars',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    /** Seven lists of stretches, Monday first. */
    week: jsonb('week').$type<WorkingHours[][]>().notNull(),
    production: text('production').$type<'ru' | 'none'>().notNull().default('ru'),
    holidays: text('holidays').array().notNull().default([]),
    workingDays: text('working_days').array().notNull().default([]),
    shortenedByMinutes: integer('shortened_by_minutes').notNull().default(60),
    createdAt: createdAt(),
  },
  (t) => [index('business_calendars_page').on(t.tenantId, t.createdAt, t.id)],
);

/**
 * A hotline's service settings: its calendar (opening hours for the ACD, the default calendar of
 * its SLA clocks) and how many calendar days a complaint's decision may take. A table of its own
 * so the hotline module stays as it is; one row per hotline at most.
 */
export const hotlineServiceSettings = pgTable(
  'hotline_service_settings',
  {
    id: id(),
    tenantId: tenantId(),
    hotlineId: uuid('hotline_id')
      .notNull()
      .references(() => hotlines.id, { onDelete: 'cascade' }),
    calendarId: uuid('calendar_id').references(() => businessCalendars.id, { onDelete: 'set null' }),
    complaintDecisionDays: integer('complaint_decision_days').notNull().default(10),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('hotline_service_settings_hotline').on(t.tenantId, t.hotlineId)],
);
