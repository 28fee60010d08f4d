// Automatic checks over a transcript and its timings (SPEC Q5, issue 6): greeting in the first
// agent reply, forbidden phrases (morphology aware), first and average response time, required
// script fields. Each rule pre-fills one scorecard criterion with evidence; the automatic score
// is the weighted share of passed rules. Compile once per hotline, run over every contact.
import { qualityFirstResponse, qualityResponseTimes } from './autoTiming.ts';
import type { QualityAutoContact, QualityAutoResult, QualityAutoRule, QualityAutoSuggestion, QualityEvidence } from './autoTypes.ts';
import type { QualityIssue } from './issues.ts';
import { compileQualityPhrases, findQualityPhrases, type QualityPhraseSet } from './phraseMatch.ts';
import { qualityFailThreshold, qualityScaleOptions, qualityScaleRange } from './scales.ts';
import type { QualityAnswer, QualityCriterion, QualityScorecard } from './scorecard.ts';

type Outcome = Omit<QualityAutoSuggestion, 'criterionId' | 'rule' | 'value'>;
type Check = (contact: QualityAutoContact) => Outcome;

const EVIDENCE_CHARS = 200;
const excerpt = (i: number, text: string): QualityEvidence => ({ messageIndex: i, text: text.slice(0, EVIDENCE_CHARS) });
const isEmpty = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function greeting(phrases: QualityPhraseSet): Check {
  return (contact) => {
    const i = contact.messages.findIndex((m) => m.author === 'agent');
    if (i < 0) return { passed: null, evidence: [] };
    const text = contact.messages[i]!.text;
    const found = findQualityPhrases(text, phrases)[0];
    return found ? { passed: true, evidence: [{ messageIndex: i, text: found.text }] } : { passed: false, evidence: [excerpt(i, text)] };
  };
}

function forbidden(phrases: QualityPhraseSet): Check {
  return (contact) => {
    const evidence: QualityEvidence[] = [];
    contact.messages.forEach((m, i) => {
      if (m.author !== 'agent') return;
      for (const f of findQualityPhrases(m.text, phrases)) evidence.push({ messageIndex: i, text: f.text });
    });
    return { passed: evidence.length === 0, evidence };
  };
}

function firstResponse(maxSeconds: number): Check {
  return (contact) => {
    const r = qualityFirstResponse(contact);
    if (r.from === null) return { passed: null, evidence: [] };
    if (r.seconds === null) return { passed: false, evidence: [] };
    return { passed: r.seconds <= maxSeconds, seconds: r.seconds, evidence: [excerpt(r.replyIndex, contact.messages[r.replyIndex]!.text)] };
  };
}

function averageResponse(maxSeconds: number): Check {
  return (contact) => {
    const r = qualityResponseTimes(contact);
    if (r.seconds.length === 0) return { passed: null, evidence: [] };
    const mean = r.seconds.reduce((a, b) => a + b, 0) / r.seconds.length;
    let slowest = 0;
    r.seconds.forEach((s, k) => {
      if (s > r.seconds[slowest]!) slowest = k;
    });
    const i = r.replyIndexes[slowest]!;
    return { passed: mean <= maxSeconds, seconds: mean, evidence: [excerpt(i, contact.messages[i]!.text)] };
  };
}

function scriptFields(required: readonly string[]): Check {
  return (contact) => {
    const missingFields = required.filter((k) => isEmpty(contact.scriptFields?.[k]));
    return { passed: missingFields.length === 0, evidence: [], missingFields };
  };
}

function makeCheck(rule: QualityAutoRule): Check {
  switch (rule.kind) {
    case 'greeting':
      return greeting(compileQualityPhrases(rule.phrases));
    case 'forbiddenPhrases':
      return forbidden(compileQualityPhrases(rule.phrases));
    case 'firstResponseTime':
      return firstResponse(rule.maxSeconds);
    case 'averageResponseTime':
      return averageResponse(rule.maxSeconds);
    case 'scriptFields':
      return scriptFields(rule.requiredFields);
  }
}

/** The answer to pre-fill: the top value if passed; the highest value counted as failed if not. */
function prefill(c: QualityCriterion, passed: boolean | null): QualityAnswer | undefined {
  if (passed === null) return c.allowNa ? 'na' : undefined;
  if (passed) return qualityScaleRange(c.scale).max;
  const threshold = qualityFailThreshold(c);
  let best: number | undefined;
  for (const o of qualityScaleOptions(c.scale)) if (o.value <= threshold && (best === undefined || o.value > best)) best = o.value;
  return best;
}

function ruleIssues(rules: readonly QualityAutoRule[], criteria: Map<string, QualityCriterion> | null): QualityIssue[] {
  const issues: QualityIssue[] = [];
  rules.forEach((r, i) => {
    if (criteria && !criteria.has(r.criterionId)) issues.push({ path: `rules.${i}.criterionId`, message: `no criterion "${r.criterionId}" in the scorecard` });
    if (r.weight !== undefined && !(r.weight > 0)) issues.push({ path: `rules.${i}.weight`, message: 'must be > 0' });
    if ((r.kind === 'greeting' || r.kind === 'forbiddenPhrases') && compileQualityPhrases(r.phrases).phrases.length === 0) issues.push({ path: `rules.${i}.phrases`, message: 'needs at least one phrase with a word in it' });
    if ((r.kind === 'firstResponseTime' || r.kind === 'averageResponseTime') && !(r.maxSeconds > 0)) issues.push({ path: `rules.${i}.maxSeconds`, message: 'must be > 0' });
    if (r.kind === 'scriptFields' && r.requiredFields.length === 0) issues.push({ path: `rules.${i}.requiredFields`, message: 'name at least one field' });
  });
  return issues;
}

export interface QualityAutoChecker {
  run(contact: QualityAutoContact): QualityAutoResult;
}

/**
 * Prepares rules (phrases stemmed once). With a scorecard, suggestions carry pre-filled values
 * and rules must name its criteria. Returns the problems of the rules instead if there are any.
 */
export function compileQualityAutoChecks(rules: readonly QualityAutoRule[], card?: QualityScorecard): { ok: true; checker: QualityAutoChecker } | { ok: false; issues: QualityIssue[] } {
  const criteria = card ? new Map(card.sections.flatMap((s) => s.criteria.map((c) => [c.id, c] as const))) : null;
  const issues = ruleIssues(rules, criteria);
  if (issues.length > 0) return { ok: false, issues };
  const checks = rules.map((rule) => ({ rule, check: makeCheck(rule), criterion: criteria?.get(rule.criterionId), weight: rule.weight ?? 1 }));
  const run = (contact: QualityAutoContact): QualityAutoResult => {
    let sum = 0;
    let total = 0;
    const suggestions = checks.map(({ rule, check, criterion, weight }): QualityAutoSuggestion => {
      const outcome = check(contact);
      if (outcome.passed !== null) {
        total += weight;
        if (outcome.passed) sum += weight;
      }
      const value = criterion ? prefill(criterion, outcome.passed) : undefined;
      return { criterionId: rule.criterionId, rule: rule.kind, ...outcome, ...(value === undefined ? {} : { value }) };
    });
    return { suggestions, score: total > 0 ? sum / total : null };
  };
  return { ok: true, checker: { run } };
}
