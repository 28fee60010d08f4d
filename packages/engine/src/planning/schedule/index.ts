export { toMinutes as localToMinutes, fromMinutes as minutesToLocal, nightMinutes } from './time.ts';
export * from './norm.ts';
export * from './rules.ts';
export { makeGrid, weeksOf, type Horizon, type Grid } from './grid.ts';
export { generateShifts, paidMinutes, type ShiftTemplate, type BreakRule, type CandidateShift } from './templates.ts';
export { breakOffsets } from './breaks.ts';
export { checkScheduleProblem } from './validate.ts';
export { optimiseSchedule } from './optimise.ts';
export type * from './problem.ts';
