import { and, eq, gte, inArray, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { csvRow, CSV_BOM, qualityTrendSeries, type QualityErrorClass, type QualityScoreRow } from '@linia/engine';
import writeXlsxFile from 'write-excel-file/node';
import type { z } from 'zod';
import { sqlRows, type Tx } from '../db/index.ts';
import { users } from '../people/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import type { errorsOut, reportQuery, scoresOut } from './contracts.ts';
import { reportable } from './evaluations.ts';
import { errorCounts, qualityCriterionRollups, qualityEvaluations, qualityGroups, qualityScoreRollups, qualityScorecardVersions } from './schema.ts';
import { freshRollups, qualityTimeZone, splitRange } from './rollups.ts';
import { groupInScope, type QualityScope } from './scope.ts';

type Query = z.infer<typeof reportQuery>;

/** Filters of the evaluations table: submitted, in the range, the hotline, the scorecard, the caller's scope. */
const filters = (q: Query, scope: QualityScope) =>
  and(
    reportable,
    q.from ? gte(qualityEvaluations.contactAt, new Date(q.from)) : undefined,
    q.to ? lt(qualityEvaluations.contactAt, new Date(q.to)) : undefined,
    ...sharedFilters(q, scope, qualityEvaluations),
  );

/** Filters the evaluations and both rollup tables share (the same column names). */
function sharedFilters(q: Query, scope: QualityScope, t: { hotlineId: AnyColumn; versionId: AnyColumn; groupId: AnyColumn }): (SQL | undefined)[] {
  return [
    q.hotlineId ? eq(t.hotlineId, q.hotlineId) : undefined,
    // A subquery, not a join: the reports then read one table.
    q.scorecardId ? sql`${t.versionId} IN (SELECT ${qualityScorecardVersions.id} FROM ${qualityScorecardVersions} WHERE ${qualityScorecardVersions.scorecardId} = ${q.scorecardId})` : undefined,
    groupInScope(scope, t.groupId),
  ];
}

/**
 * The rows a report sums: whole local days from a rollup table, the partial days at the ends of
 * the range from the evaluations (rollups.ts). Both selects give the same
 * columns; null when nothing is to be read.
 */
async function rollupUnion(tx: Tx, q: Query, scope: QualityScope, rollup: { table: typeof qualityScoreRollups | typeof qualityCriterionRollups; select: SQL }, raw: { select: (day: SQL) => SQL; from: SQL }): Promise<{ parts: SQL | null; timeZone: string }> {
  const timeZone = await freshRollups(tx);
  const { days, edges } = await splitRange(tx, q.from, q.to, timeZone);
  const parts: SQL[] = [];
  if (days) {
    const r = rollup.table;
    const where = and(days[0] ? gte(r.day, days[0]) : undefined, days[1] ? lt(r.day, days[1]) : undefined, ...sharedFilters(q, scope, r));
    parts.push(sql`SELECT ${rollup.select} FROM ${r} WHERE ${where ?? sql`true`}`);
  }
  if (edges.length) {
    const e = qualityEvaluations;
    const range = or(...edges.map(([f, t]) => and(gte(e.contactAt, f), lt(e.contactAt, t))));
    const where = and(reportable, range, ...sharedFilters(q, scope, e));
    parts.push(sql`SELECT ${raw.select(localDay(timeZone))} FROM ${raw.from} WHERE ${where}`);
  }
  return { parts: parts.length ? sql.join(parts, sql` UNION ALL `) : null, timeZone };
}

const localDay = (timeZone: string) => sql`(${qualityEvaluations.contactAt} AT TIME ZONE ${timeZone}::text)::date`;

/**
 * Score rows per agent or group per ISO week or month of the contact's local time: the mean of
 * evaluation scores (every evaluation weighs 1, N/A scores are counted but not averaged) and error
 * counts per class — the engine's aggregateQualityScores, which the API test checks this against.
 * Summed in the database from the daily rollups (bench/quality-report.bench.ts).
 */
async function scoreRows(tx: Tx, q: Query, scope: QualityScope): Promise<{ rows: QualityScoreRow[]; timeZone: string }> {
  const r = qualityScoreRollups;
  const e = qualityEvaluations;
  const n = (c: AnyColumn) => sql`coalesce(${c}, 0)`;
  const { parts, timeZone } = await rollupUnion(tx, q, scope,
    { table: r, select: sql`${r.agentId} AS agent_id, ${r.groupId} AS group_id, ${r.day} AS day, ${r.evaluations} AS evaluations, ${r.scored} AS scored, ${r.scoreSum} AS score_sum, ${r.errorsCustomer} AS customer, ${r.errorsBusiness} AS business, ${r.errorsCompliance} AS compliance, ${r.errorsNonCritical} AS noncritical` },
    { from: sql`${e}`, select: (day) => sql`${e.agentId} AS agent_id, ${e.groupId} AS group_id, ${day} AS day, 1 AS evaluations, (${e.score} IS NOT NULL)::int AS scored, coalesce(${e.score}, 0) AS score_sum, ${n(e.errorsCustomer)} AS customer, ${n(e.errorsBusiness)} AS business, ${n(e.errorsCompliance)} AS compliance, ${n(e.errorsNonCritical)} AS noncritical` });
  if (!parts) return { rows: [], timeZone };
  const key = q.by === 'agent' ? sql`coalesce(agent_id::text, 'none')` : sql`coalesce(group_id::text, 'none')`;
  // `week` or `month`, checked by the schema: a literal lets the planner treat date_trunc's unit as a constant.
  const unit = sql.raw(q.period === 'week' ? `'week'` : `'month'`);
  const rows = await sqlRows<{ key: string; period: string; evaluations: number; score: number | null; customer: number; business: number; compliance: number; noncritical: number }>(tx, sql`
    SELECT ${key} AS key, to_char(date_trunc(${unit}, day::timestamp), 'YYYY-MM-DD') AS period, sum(evaluations)::int AS evaluations,
           (sum(score_sum) / nullif(sum(scored), 0))::float8 AS score,
           sum(customer)::int AS customer, sum(business)::int AS business, sum(compliance)::int AS compliance, sum(noncritical)::int AS noncritical
    FROM (${parts}) u
    GROUP BY 1, 2 HAVING sum(evaluations) > 0 ORDER BY 1, 2`);
  return {
    timeZone,
    rows: rows.map((x) => ({
      key: x.key, period: x.period, evaluations: Number(x.evaluations), score: x.score === null ? null : Number(x.score),
      errors: { customer: Number(x.customer), business: Number(x.business), compliance: Number(x.compliance), nonCritical: Number(x.noncritical) },
    })),
  };
}

const NO_ERRORS = { customer: 0, business: 0, compliance: 0, nonCritical: 0 };

async function names(tx: Tx): Promise<Map<string, string>> {
  const people = await tx.select({ id: users.id, name: users.name }).from(users);
  const groups = await tx.select({ id: qualityGroups.id, name: qualityGroups.name }).from(qualityGroups);
  return new Map([...people, ...groups].map((x) => [x.id, x.name]));
}

/** Scores per agent or group per week or month, with gap-free trend series (engine: aggregateQualityScores). */
export async function scoreReport(tx: Tx, q: Query, scope: QualityScope = { all: true }): Promise<z.infer<typeof scoresOut>> {
  const { rows, timeZone } = await scoreRows(tx, q, scope);
  const n = await names(tx);
  const name = (k: string) => n.get(k) ?? k;
  const series = [...qualityTrendSeries(rows, q.period)].map(([key, points]) => ({ key, name: name(key), points }));
  return { timeZone, rows: rows.map((r) => ({ ...r, name: name(r.key) })), series };
}

/**
 * How often each criterion fails, with its title from the scorecard version it was scored with;
 * counted in the database from the per-criterion rollups (the engine's qualityErrorFrequency,
 * which the API test checks this against).
 */
export async function errorReport(tx: Tx, q: Query, scope: QualityScope = { all: true }): Promise<z.infer<typeof errorsOut>> {
  const r = qualityCriterionRollups;
  const e = qualityEvaluations;
  const number = sql`jsonb_typeof(c->'score') = 'number'`;
  const { parts } = await rollupUnion(tx, q, scope,
    { table: r, select: sql`${r.versionId} AS version_id, ${r.criterionId} AS criterion_id, ${r.errorClass} AS error_class, ${r.results} AS results, ${r.evaluated} AS evaluated, ${r.failed} AS failed` },
    { from: sql`${e}, jsonb_array_elements(coalesce(${e.criteria}, '[]'::jsonb)) c`, select: () => sql`${e.versionId} AS version_id, c->>'criterionId' AS criterion_id, c->>'errorClass' AS error_class, 1 AS results, (${number})::int AS evaluated, (${number} AND (c->>'failed')::boolean)::int AS failed` });
  const found = parts
    ? await sqlRows<{ version_id: string; criterion_id: string; error_class: QualityErrorClass; evaluated: number; failed: number }>(tx, sql`
        SELECT version_id, criterion_id, min(error_class) AS error_class, sum(evaluated)::int AS evaluated, sum(failed)::int AS failed
        FROM (${parts}) u GROUP BY 1, 2 HAVING sum(results) > 0`)
    : [];
  const versionIds = [...new Set(found.map((x) => x.version_id))];
  const versions = versionIds.length ? await tx.select({ sections: qualityScorecardVersions.sections }).from(qualityScorecardVersions).where(inArray(qualityScorecardVersions.id, versionIds)) : [];
  const titles = new Map<string, string>();
  for (const v of versions) for (const s of v.sections) for (const c of s.criteria) titles.set(c.id, c.title);
  // Per criterion over the versions it appears in (the class: the smallest name, as min() gave).
  const merged = new Map<string, { errorClass: QualityErrorClass; evaluated: number; failed: number }>();
  for (const x of found) {
    const m = merged.get(x.criterion_id) ?? { errorClass: x.error_class, evaluated: 0, failed: 0 };
    if (x.error_class < m.errorClass) m.errorClass = x.error_class;
    m.evaluated += Number(x.evaluated);
    m.failed += Number(x.failed);
    merged.set(x.criterion_id, m);
  }
  const byClass = { ...NO_ERRORS };
  const criteria = [...merged].map(([criterionId, m]) => {
    byClass[m.errorClass] += m.failed;
    return { criterionId, title: titles.get(criterionId) ?? criterionId, errorClass: m.errorClass, evaluated: m.evaluated, failed: m.failed, rate: m.evaluated ? m.failed / m.evaluated : null };
  });
  // The engine's order: most frequent first, then most failures, then by id.
  criteria.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.failed - a.failed || (a.criterionId < b.criterionId ? -1 : 1));
  return { criteria, byClass };
}

const HEADERS = {
  ru: ['Оценка', 'Обращение', 'Дата обращения', 'Канал', 'Горячая линия', 'Оператор', 'Эксперт', 'Оценочный лист', 'Версия', 'Статус', 'Балл, %', 'Ошибки: для клиента', 'для организации', 'для регулятора', 'некритичные', 'Обратная связь'],
  en: ['Evaluation', 'Contact', 'Contact date', 'Channel', 'Hotline', 'Agent', 'Evaluator', 'Scorecard', 'Version', 'Status', 'Score, %', 'Errors: customer', 'business', 'compliance', 'non-critical', 'Feedback'],
};

/** One row per submitted evaluation, for CSV and XLSX: the same columns in both. */
export async function exportRows(tx: Tx, q: Query, lang: 'ru' | 'en', scope: QualityScope) {
  const timeZone = await qualityTimeZone(tx);
  const found = await tx
    .select({ e: qualityEvaluations, version: qualityScorecardVersions.version, scorecardTitle: qualityScorecardVersions.title, channel: contacts.channel, hotline: hotlines.name })
    .from(qualityEvaluations)
    .innerJoin(qualityScorecardVersions, eq(qualityScorecardVersions.id, qualityEvaluations.versionId))
    .innerJoin(contacts, eq(contacts.id, qualityEvaluations.contactId))
    .innerJoin(hotlines, eq(hotlines.id, contacts.hotlineId))
    .where(filters(q, scope));
  const n = await names(tx);
  const local = (d: Date) => d.toLocaleString('sv-SE', { timeZone });
  const body = found
    .sort((a, b) => a.e.contactAt.getTime() - b.e.contactAt.getTime())
    .map(({ e, scorecardTitle, version, channel, hotline }) => {
      const err = errorCounts(e) ?? NO_ERRORS;
      return [
        e.id, e.contactId, local(e.contactAt), channel, hotline, e.agentId ? (n.get(e.agentId) ?? '') : '', e.evaluatorId ? (n.get(e.evaluatorId) ?? '') : '',
        scorecardTitle, version, e.status, e.score === null ? null : Math.round(e.score * 10_000) / 100, err.customer, err.business, err.compliance, err.nonCritical, e.feedback ?? '',
      ] as (string | number | null)[];
    });
  return { headers: HEADERS[lang], body };
}

/** CSV the way the journal exports it (engine/contacts/csv.ts: `;`, BOM, CRLF, formulas defused). */
export async function exportCsv(tx: Tx, q: Query, lang: 'ru' | 'en', scope: QualityScope): Promise<string> {
  const { headers, body } = await exportRows(tx, q, lang, scope);
  return CSV_BOM + csvRow(headers) + body.map((r) => csvRow(r)).join('');
}

/** The same table as an Excel workbook (numbers stay numbers, so Excel can sum and chart them). */
export async function exportXlsx(tx: Tx, q: Query, lang: 'ru' | 'en', scope: QualityScope): Promise<Buffer> {
  const { headers, body } = await exportRows(tx, q, lang, scope);
  const data = [
    headers.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...body.map((r) => r.map((v) => (v === null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String }))),
  ];
  return (await writeXlsxFile(data as never, { sheet: lang === 'ru' ? 'Оценки' : 'Evaluations' } as never).toBuffer()) as Buffer;
}
