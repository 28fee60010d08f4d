export * from './businessCalendar.ts';
export * from './slaClock.ts';
