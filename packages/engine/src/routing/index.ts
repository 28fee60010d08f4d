// Public API of the ACD routing engine. See docs/ROUTING.md.
export * from './types.ts';
export * from './agentStates.ts';
export type { RoutingEvent, RoutingEventType, ContactArrived } from './events.ts';
export type { Decision, DecisionType, RoutingError, RoutingResult, WithdrawReason } from './decisions.ts';
export { RoutingEngine } from './engine.ts';
export { SNAPSHOT_VERSION, snapshotProblem, type RoutingSnapshot, type QueueSnapshot, type AgentSnapshot, type ContactSnapshot } from './snapshot.ts';
export type { AgentView, ContactView, WaitingInfo, QueueView } from './views.ts';
export { expectedWaitMs, AHT_SMOOTHING } from './ewt.ts';
export { agingRatePerMs, scoreAt } from './priority.ts';
export { validateAgent, validateQueue } from './validate.ts';
export { IndexedHeap, type HeapItem } from './heap.ts';
