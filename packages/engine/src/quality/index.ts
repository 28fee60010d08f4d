// Quality control and customer satisfaction (issue 6; SPEC Q1–Q5, M7). See docs/QUALITY.md.
// Every export is prefixed (quality…, Quality…, satisfaction…, csat/nps) to stay clear of other modules.
export * from './scorecard.ts';
export * from './issues.ts';
export { qualityScaleOptions, qualityScaleRange, qualityFailThreshold, qualityCriterionScore, qualityCriterionFailed, type QualityScaleRange } from './scales.ts';
export * from './validateScorecard.ts';
export * from './scoring.ts';
export * from './sampling.ts';
export { qualitySampleKey } from './sampleKey.ts';
export { allocateProportional as qualityAllocateProportional, allocateEqual as qualityAllocateEqual } from './allocate.ts';
export * from './assignment.ts';
export * from './fleissKappa.ts';
export * from './calibration.ts';
export * from './periods.ts';
export * from './results.ts';
export { stemRussian } from './stemRu.ts';
export * from './phraseMatch.ts';
export * from './autoTypes.ts';
export * from './autoTiming.ts';
export * from './autoChecks.ts';
export * from './satisfaction.ts';
