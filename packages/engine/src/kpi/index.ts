// KPI layer (SPEC K1, issue 4 item 7): pure functions, no I/O, time passed in. docs/KPI.md.
export { kpiUtcOffsetMs, kpiLocalTime, kpiOffsetText, type KpiLocalTime } from './localTime.ts';
export * from './intervals.ts';
export * from './periods.ts';
export * from './aggregate.ts';
export * from './cells.ts';
export * from './contacts.ts';
export * from './agentStates.ts';
export * from './figures.ts';
export * from './live.ts';
