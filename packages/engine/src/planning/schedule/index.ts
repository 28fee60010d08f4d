export { toMinutes as localToMinutes, fromMinutes as minutesToLocal, nightMinutes } from './time.ts';
export * from './norm.ts';
export * from './rules.ts';
