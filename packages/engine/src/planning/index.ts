// Resource planning (WFM) mathematics: Erlang B/C/A, staffing, shift covering, forecasting, schedules, vacations.
export * from './erlang.ts';
export { lnInverseErlangBMinusOne } from './erlangB.ts';
export * from './erlangA.ts';
export * from './gamma.ts';
export * from './shrinkage.ts';
export * from './staffing.ts';
export * from './channels.ts';
export * from './cover.ts';
export * from './highs.ts';
export * from './forecast/index.ts';
export * from './schedule/index.ts';
export * from './vacation/index.ts';
export * from './history/index.ts';
