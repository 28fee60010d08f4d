// Quality control (issue 6). Goals: the issue's — sampling a month of 1,000,000 contacts for 500
// agents ≤ 5 s; an agent-period report over 100,000 evaluations ≤ 500 ms — and two of ours:
// ≥ 100,000 evaluations scored per second (a month's evaluations re-scored in seconds), and
// automatic checks over 100,000 chat transcripts (12 messages each) ≤ 10 s, so checking 100 % of
// a day's contacts is a background job of seconds.
import { opsPerSecond, type Benchmark } from './benchmark.ts';
import {
  aggregateQualityScores, compileQualityAutoChecks, sampleQualityContacts, scoreQualityEvaluation,
  type QualityAutoContact, type QualityEvaluationRecord, type QualitySampleContact,
} from '../packages/engine/src/quality/index.ts';
import { mulberry32, randomInt } from '../packages/engine/src/simulation/prng.ts';
import { chatCard } from '../packages/engine/test/quality/fixtures.ts';

const DAY = 86_400_000;
const MONTH_START = Date.parse('2025-03-01T00:00:00Z');
const r = mulberry32(6);

function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: Math.round(performance.now() - start), value };
}

function contacts(n: number): QualitySampleContact[] {
  const channels = ['chat', 'email', 'voice_in', 'messenger'];
  return Array.from({ length: n }, (_, i) => ({
    id: `c${i}`, agentId: `a${randomInt(r, 500)}`, at: MONTH_START + randomInt(r, 31 * DAY), channel: channels[randomInt(r, 4)]!,
    topicId: `t${randomInt(r, 20)}`, durationSeconds: randomInt(r, 1200), csat: r.next() < 0.3 ? 1 + randomInt(r, 5) : null,
  }));
}

const PHRASES = ['здравствуйте', 'добрый день', 'добрый вечер'];
const FORBIDDEN = ['обращайтесь', 'не моя проблема', 'я не знаю', 'ничем не могу помочь', 'перезвоните позже', 'это не ко мне', 'ваши проблемы', 'успокойтесь'];
const LINES = ['Здравствуйте! Чем могу помочь?', 'У меня не проходит платёж по карте уже второй день', 'Уточните, пожалуйста, номер договора',
  'Номер договора 12345, оплачивал через приложение', 'Спасибо, проверяю информацию по вашему платежу', 'Платёж зачислен, обновите страницу',
  'Если вопросы останутся, обращайтесь в любое время', 'Спасибо большое, всё работает'];

function transcripts(n: number): QualityAutoContact[] {
  return Array.from({ length: n }, (_, i) => ({
    messages: Array.from({ length: 12 }, (_, k) => ({ author: k % 2 ? ('agent' as const) : ('customer' as const), at: k * 30_000 + randomInt(r, 20_000), text: `${LINES[(k + i) % LINES.length]} ${i % 97}` })),
    scriptFields: { contract: i % 10 ? '12345' : '' },
  }));
}

const bench: Benchmark = {
  name: 'quality-scoring',
  async run() {
    const answers = { a1: 1, a2: 4, a3: 'na', b1: 3, b2: 2, c1: 1, c2: 1 } as const;
    const scoredPerSecond = opsPerSecond(() => scoreQualityEvaluation(chatCard, answers));

    const month = contacts(1_000_000);
    const sampling = timed(() => sampleQualityContacts(month, { perAgent: 10, from: MONTH_START, to: MONTH_START + 31 * DAY, seed: 1, strata: ['channel', 'csat'] }));
    if (sampling.value.length !== 5000) throw new Error(`sampled ${sampling.value.length}`);

    const records: QualityEvaluationRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
      agentId: `a${i % 500}`, groupId: `g${i % 25}`, at: MONTH_START + randomInt(r, 31 * DAY), score: r.next(),
      errors: { customer: randomInt(r, 2), business: 0, compliance: 0, nonCritical: randomInt(r, 3) },
    }));
    const report = timed(() => aggregateQualityScores(records, { by: 'agent', period: 'week', timeZone: 'Europe/Moscow' }));

    const compiled = compileQualityAutoChecks([
      { kind: 'greeting', criterionId: 'a1', phrases: PHRASES },
      { kind: 'forbiddenPhrases', criterionId: 'a2', phrases: FORBIDDEN },
      { kind: 'firstResponseTime', criterionId: 'b1', maxSeconds: 60 },
      { kind: 'averageResponseTime', criterionId: 'b2', maxSeconds: 90 },
      { kind: 'scriptFields', criterionId: 'c2', requiredFields: ['contract'] },
    ], chatCard);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const chats = transcripts(100_000);
    const auto = timed(() => {
      let failed = 0;
      for (const c of chats) if (compiled.checker.run(c).score !== 1) failed++;
      return failed;
    });

    return {
      evaluationsScoredPerSecond: { value: scoredPerSecond, unit: 'evaluations/s', goal: 100_000, better: 'higher' },
      samplingMonth1MContacts500AgentsMs: { value: sampling.ms, unit: 'ms', goal: 5000, better: 'lower' },
      agentWeekReport100kEvaluationsMs: { value: report.ms, unit: 'ms', goal: 500, better: 'lower' },
      autoChecks100kTranscriptsMs: { value: auto.ms, unit: 'ms', goal: 10_000, better: 'lower' },
    };
  },
};
export default bench;
