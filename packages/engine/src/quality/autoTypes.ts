// Types of the automatic checks over transcripts and timings (SPEC Q5). See autoChecks.ts.
import type { QualityAnswer } from './scorecard.ts';

export type QualityMessageAuthor = 'agent' | 'customer' | 'system';

export interface QualityTranscriptMessage {
  author: QualityMessageAuthor;
  /** Time in ms (epoch or any common origin). */
  at: number;
  text: string;
}

export interface QualityAutoContact {
  messages: readonly QualityTranscriptMessage[];
  /** When the contact reached the agent's queue; first response time counts from here if given, else from the first customer message. */
  startedAt?: number;
  /** Values of the script's fields as filled by the agent. */
  scriptFields?: Readonly<Record<string, unknown>>;
}

interface RuleBase {
  /** The scorecard criterion the rule pre-fills. */
  criterionId: string;
  /** Weight in the automatic score (default 1). */
  weight?: number;
}

export type QualityAutoRule =
  | (RuleBase & { kind: 'greeting'; phrases: string[] })
  | (RuleBase & { kind: 'forbiddenPhrases'; phrases: string[] })
  | (RuleBase & { kind: 'firstResponseTime'; maxSeconds: number })
  | (RuleBase & { kind: 'averageResponseTime'; maxSeconds: number })
  | (RuleBase & { kind: 'scriptFields'; requiredFields: string[] });

export type QualityAutoRuleKind = QualityAutoRule['kind'];

export interface QualityEvidence {
  messageIndex: number;
  /** The matched words as written (phrases), or the message text (timings, greeting missing). */
  text: string;
}

export interface QualityAutoSuggestion {
  criterionId: string;
  rule: QualityAutoRuleKind;
  /** null: the rule does not apply to this contact (e.g. no agent reply to check a greeting in). */
  passed: boolean | null;
  /** A pre-filled answer when a scorecard was given: the top value, the failing value, or N/A. */
  value?: QualityAnswer;
  evidence: QualityEvidence[];
  /** Measured time for timing rules, in seconds. */
  seconds?: number;
  /** Required script fields left empty. */
  missingFields?: string[];
}

export interface QualityAutoResult {
  suggestions: QualityAutoSuggestion[];
  /** Weighted share of passed rules among those that apply, in [0, 1]; null if none applies. */
  score: number | null;
}
