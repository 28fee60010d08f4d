import { and, eq, gte, inArray, lt, sql, type AnyColumn } from 'drizzle-orm';
import { csvRow, CSV_BOM, qualityTrendSeries, type QualityErrorClass, type QualityScoreRow } from '@linia/engine';
import writeXlsxFile from 'write-excel-file/node';
import type { z } from 'zod';
import { sqlRows, type Tx } from '../db/index.ts';
import { users } from '../people/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { hotlines, tenants } from '../tenants/schema.ts';
import type { errorsOut, reportQuery, scoresOut } from './contracts.ts';
import { reportable } from './evaluations.ts';
import { errorCounts, qualityEvaluations, qualityGroups, qualityScorecardVersions } from './schema.ts';

type Query = z.infer<typeof reportQuery>;

const filters = (q: Query) =>
  and(
    reportable,
    q.from ? gte(qualityEvaluations.contactAt, new Date(q.from)) : undefined,
    q.to ? lt(qualityEvaluations.contactAt, new Date(q.to)) : undefined,
    q.hotlineId ? eq(qualityEvaluations.hotlineId, q.hotlineId) : undefined,
    // A subquery, not a join: the reports then read one table.
    q.scorecardId ? sql`${qualityEvaluations.versionId} IN (SELECT ${qualityScorecardVersions.id} FROM ${qualityScorecardVersions} WHERE ${qualityScorecardVersions.scorecardId} = ${q.scorecardId})` : undefined,
  );

/**
 * Score rows per agent or group per ISO week or month of the contact's local time, aggregated in
 * the database: the mean of evaluation scores (every evaluation weighs 1, N/A scores are counted
 * but not averaged) and error counts per class — the engine's aggregateQualityScores, which the
 * API test checks this against; moving 100,000 rows out of the database to sum them took seconds.
 */
async function scoreRows(tx: Tx, q: Query, timeZone: string): Promise<QualityScoreRow[]> {
  const key = q.by === 'agent' ? sql`coalesce(${qualityEvaluations.agentId}::text, 'none')` : sql`coalesce(${qualityEvaluations.groupId}::text, 'none')`;
  // `week` or `month`, checked by the schema: a literal lets the planner treat date_trunc's unit as a constant.
  const unit = sql.raw(q.period === 'week' ? `'week'` : `'month'`);
  const period = sql`to_char(date_trunc(${unit}, ${qualityEvaluations.contactAt} AT TIME ZONE ${timeZone}::text), 'YYYY-MM-DD')`;
  const err = (c: AnyColumn) => sql`coalesce(sum(${c}), 0)::int`;
  const rows = await sqlRows<{ key: string; period: string; evaluations: number; score: number | null; customer: number; business: number; compliance: number; noncritical: number }>(tx, sql`
    SELECT ${key} AS key, ${period} AS period, count(*)::int AS evaluations, avg(${qualityEvaluations.score})::float8 AS score,
           ${err(qualityEvaluations.errorsCustomer)} AS customer, ${err(qualityEvaluations.errorsBusiness)} AS business, ${err(qualityEvaluations.errorsCompliance)} AS compliance, ${err(qualityEvaluations.errorsNonCritical)} AS noncritical
    FROM ${qualityEvaluations}
    WHERE ${filters(q)}
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return rows.map((r) => ({
    key: r.key, period: r.period, evaluations: Number(r.evaluations), score: r.score === null ? null : Number(r.score),
    errors: { customer: Number(r.customer), business: Number(r.business), compliance: Number(r.compliance), nonCritical: Number(r.noncritical) },
  }));
}

const NO_ERRORS = { customer: 0, business: 0, compliance: 0, nonCritical: 0 };

async function names(tx: Tx): Promise<Map<string, string>> {
  const people = await tx.select({ id: users.id, name: users.name }).from(users);
  const groups = await tx.select({ id: qualityGroups.id, name: qualityGroups.name }).from(qualityGroups);
  return new Map([...people, ...groups].map((x) => [x.id, x.name]));
}

/** Reports go by the organisation's time zone (weeks start on Monday there). */
async function timeZoneOf(tx: Tx): Promise<string> {
  const [t] = await tx.select({ timeZone: tenants.timeZone }).from(tenants);
  return t?.timeZone ?? 'Europe/Moscow';
}

/** Scores per agent or group per week or month, with gap-free trend series (engine: aggregateQualityScores). */
export async function scoreReport(tx: Tx, q: Query): Promise<z.infer<typeof scoresOut>> {
  const timeZone = await timeZoneOf(tx);
  const rows = await scoreRows(tx, q, timeZone);
  const n = await names(tx);
  const name = (k: string) => n.get(k) ?? k;
  const series = [...qualityTrendSeries(rows, q.period)].map(([key, points]) => ({ key, name: name(key), points }));
  return { timeZone, rows: rows.map((r) => ({ ...r, name: name(r.key) })), series };
}

/**
 * How often each criterion fails, with its title from the scorecard version it was scored with;
 * counted in the database over the stored per-criterion results (the engine's
 * qualityErrorFrequency, which the API test checks this against).
 */
export async function errorReport(tx: Tx, q: Query): Promise<z.infer<typeof errorsOut>> {
  const rows = await sqlRows<{ criterion_id: string; error_class: QualityErrorClass; evaluated: number; failed: number }>(tx, sql`
    SELECT c->>'criterionId' AS criterion_id, min(c->>'errorClass') AS error_class,
           count(*) FILTER (WHERE jsonb_typeof(c->'score') = 'number')::int AS evaluated,
           count(*) FILTER (WHERE jsonb_typeof(c->'score') = 'number' AND (c->>'failed')::boolean)::int AS failed
    FROM ${qualityEvaluations}, jsonb_array_elements(coalesce(${qualityEvaluations.criteria}, '[]'::jsonb)) c
    WHERE ${filters(q)}
    GROUP BY 1`);
  const versionIds = await tx.selectDistinct({ id: qualityEvaluations.versionId }).from(qualityEvaluations).where(filters(q));
  const versions = versionIds.length ? await tx.select({ sections: qualityScorecardVersions.sections }).from(qualityScorecardVersions).where(inArray(qualityScorecardVersions.id, versionIds.map((v) => v.id))) : [];
  const titles = new Map<string, string>();
  for (const v of versions) for (const s of v.sections) for (const c of s.criteria) titles.set(c.id, c.title);
  const byClass = { ...NO_ERRORS };
  const criteria = rows.map((r) => {
    const failed = Number(r.failed);
    const evaluated = Number(r.evaluated);
    byClass[r.error_class] += failed;
    return { criterionId: r.criterion_id, title: titles.get(r.criterion_id) ?? r.criterion_id, errorClass: r.error_class, evaluated, failed, rate: evaluated ? failed / evaluated : null };
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
export async function exportRows(tx: Tx, q: Query, lang: 'ru' | 'en') {
  const timeZone = await timeZoneOf(tx);
  const found = await tx
    .select({ e: qualityEvaluations, version: qualityScorecardVersions.version, scorecardTitle: qualityScorecardVersions.title, channel: contacts.channel, hotline: hotlines.name })
    .from(qualityEvaluations)
    .innerJoin(qualityScorecardVersions, eq(qualityScorecardVersions.id, qualityEvaluations.versionId))
    .innerJoin(contacts, eq(contacts.id, qualityEvaluations.contactId))
    .innerJoin(hotlines, eq(hotlines.id, contacts.hotlineId))
    .where(filters(q));
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
export async function exportCsv(tx: Tx, q: Query, lang: 'ru' | 'en'): Promise<string> {
  const { headers, body } = await exportRows(tx, q, lang);
  return CSV_BOM + csvRow(headers) + body.map((r) => csvRow(r)).join('');
}

/** The same table as an Excel workbook (numbers stay numbers, so Excel can sum and chart them). */
export async function exportXlsx(tx: Tx, q: Query, lang: 'ru' | 'en'): Promise<Buffer> {
  const { headers, body } = await exportRows(tx, q, lang);
  const data = [
    headers.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...body.map((r) => r.map((v) => (v === null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String }))),
  ];
  return (await writeXlsxFile(data as never, { sheet: lang === 'ru' ? 'Оценки' : 'Evaluations' } as never).toBuffer()) as Buffer;
}
