// Public API of the engine-only simulator. See docs/ROUTING.md.
export * from './scenario.ts';
export * from './results.ts';
export { runSimulation, sample } from './simulator.ts';
export { mulberry32, exponential, logNormal, poisson, standardNormal, randomInt, pick, type Random } from './prng.ts';
