export * from './types.ts';
export { ART_112_HOLIDAYS, countedDays } from './calendar.ts';
export { checkVacations, monthCoverage } from './check.ts';
export { planVacations } from './plan.ts';
export { monthlyRequiredFte } from './required.ts';
