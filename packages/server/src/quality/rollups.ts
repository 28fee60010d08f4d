import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { sqlRows, type Tx } from '../db/index.ts';
import { tenants } from '../tenants/schema.ts';
import { reportable } from './evaluations.ts';
import { qualityCriterionRollups, qualityEvaluations, qualityRollupState, qualityScoreRollups } from './schema.ts';

/*
 * The quality rollups (schema.ts): sums of submitted evaluations per local day, so reports read
 * thousands of rows instead of every evaluation. Exact, not approximate: an evaluation's
 * contribution is added when it is submitted and swapped when a dispute rescores it, in the same
 * transaction. They are derived data: `rebuildQualityRollups` recomputes them from the evaluations,
 * which the reports do by themselves when there are none yet (evaluations made before the rollups
 * existed, bulk loads) or when the organisation's time zone changed (their days are local days).
 *
 * A transaction-scoped advisory lock per tenant orders writers against a rebuild: writers hold it
 * shared, a rebuild exclusively, so a rebuild never misses an evaluation submitted meanwhile (it
 * waits for the writer to commit, and a writer that waited sees the new state and adds its share).
 */

const lockKey = sql`hashtext('linia.quality_rollups'), hashtext(linia_setting('linia.tenant_id'))`;

/** The organisation's time zone: report days and weeks are local (weeks start on Monday there). */
export async function qualityTimeZone(tx: Tx): Promise<string> {
  const [t] = await tx.select({ timeZone: tenants.timeZone }).from(tenants);
  return t?.timeZone ?? 'Europe/Moscow';
}

async function stateZone(tx: Tx): Promise<string | null> {
  const [s] = await tx.select({ timeZone: qualityRollupState.timeZone }).from(qualityRollupState);
  return s?.timeZone ?? null;
}

/** Adds `sign` × the contribution of the evaluations matching `where` (reportable ones only). */
async function addToRollups(tx: Tx, where: SQL, sign: 1 | -1, timeZone: string) {
  const e = qualityEvaluations;
  const day = sql`(${e.contactAt} AT TIME ZONE ${timeZone}::text)::date`;
  const s = sql.raw(String(sign));
  const sum = (c: SQL | AnyColumn) => sql`${s} * coalesce(sum(${c}), 0)`;
  await tx.execute(sql`
    INSERT INTO ${qualityScoreRollups} (tenant_id, day, agent_id, group_id, hotline_id, version_id, evaluations, scored, score_sum,
                                        errors_customer, errors_business, errors_compliance, errors_non_critical)
    SELECT ${e.tenantId}, ${day}, ${e.agentId}, ${e.groupId}, ${e.hotlineId}, ${e.versionId}, ${s} * count(*), ${s} * count(${e.score}), ${sum(sql`${e.score}`)},
           ${sum(e.errorsCustomer)}, ${sum(e.errorsBusiness)}, ${sum(e.errorsCompliance)}, ${sum(e.errorsNonCritical)}
    FROM ${e} WHERE ${where} AND ${reportable}
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (tenant_id, day, agent_id, group_id, hotline_id, version_id) DO UPDATE SET
      evaluations = quality_score_rollups.evaluations + excluded.evaluations, scored = quality_score_rollups.scored + excluded.scored,
      score_sum = quality_score_rollups.score_sum + excluded.score_sum,
      errors_customer = quality_score_rollups.errors_customer + excluded.errors_customer, errors_business = quality_score_rollups.errors_business + excluded.errors_business,
      errors_compliance = quality_score_rollups.errors_compliance + excluded.errors_compliance, errors_non_critical = quality_score_rollups.errors_non_critical + excluded.errors_non_critical`);
  const number = sql`jsonb_typeof(c->'score') = 'number'`;
  await tx.execute(sql`
    INSERT INTO ${qualityCriterionRollups} (tenant_id, day, group_id, hotline_id, version_id, criterion_id, error_class, results, evaluated, failed)
    SELECT ${e.tenantId}, ${day}, ${e.groupId}, ${e.hotlineId}, ${e.versionId}, c->>'criterionId', min(c->>'errorClass'),
           ${s} * count(*), ${s} * count(*) FILTER (WHERE ${number}), ${s} * count(*) FILTER (WHERE ${number} AND (c->>'failed')::boolean)
    FROM ${e}, jsonb_array_elements(coalesce(${e.criteria}, '[]'::jsonb)) c
    WHERE ${where} AND ${reportable}
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (tenant_id, day, group_id, hotline_id, version_id, criterion_id) DO UPDATE SET
      results = quality_criterion_rollups.results + excluded.results, evaluated = quality_criterion_rollups.evaluated + excluded.evaluated,
      failed = quality_criterion_rollups.failed + excluded.failed`);
}

/**
 * Adds (+1) or removes (−1) one evaluation's share. Call −1 before and +1 after any change of a
 * submitted evaluation's score, errors or criteria, and +1 after submitting. Skipped while the
 * rollups are not built for the current zone: the next report rebuilds them from the evaluations.
 */
export async function countInRollups(tx: Tx, evaluationId: string, sign: 1 | -1): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${lockKey})`);
  const zone = await stateZone(tx);
  if (zone === null || zone !== (await qualityTimeZone(tx))) return;
  await addToRollups(tx, eq(qualityEvaluations.id, evaluationId), sign, zone);
}

/** Recomputes the tenant's rollups from its evaluations in `timeZone`. */
export async function rebuildQualityRollups(tx: Tx, timeZone?: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKey})`);
  const zone = timeZone ?? (await qualityTimeZone(tx));
  await tx.delete(qualityScoreRollups);
  await tx.delete(qualityCriterionRollups);
  await addToRollups(tx, sql`true`, 1, zone);
  await tx.delete(qualityRollupState);
  await tx.insert(qualityRollupState).values({ timeZone: zone });
}

/** The zone the rollups are in, rebuilding them first if they are missing or in another zone. */
export async function freshRollups(tx: Tx): Promise<string> {
  const zone = await qualityTimeZone(tx);
  if ((await stateZone(tx)) === zone) return zone;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKey})`);
  // Another request may have rebuilt them while this one waited.
  if ((await stateZone(tx)) !== zone) await rebuildQualityRollups(tx, zone);
  return zone;
}

/**
 * Splits [from, to) into whole local days, read from the rollups, and the partial days at either
 * end, read from the evaluations: `days` is [first, end) as dates (null: no whole day), `edges` the
 * instants outside them. Without bounds everything comes from the rollups.
 */
export async function splitRange(tx: Tx, from: string | undefined, to: string | undefined, timeZone: string): Promise<{ days: [string | null, string | null] | null; edges: [Date, Date][] }> {
  if (!from && !to) return { days: [null, null], edges: [] };
  const [r] = await sqlRows<{ first: string | null; end: string | null; first_at: Date | string | null; end_at: Date | string | null }>(tx, sql`
    WITH b AS (SELECT ${from ?? null}::timestamptz AS f, ${to ?? null}::timestamptz AS t),
         d AS (SELECT CASE WHEN f IS NULL THEN NULL
                           WHEN ((f AT TIME ZONE ${timeZone}::text)::date::timestamp AT TIME ZONE ${timeZone}::text) = f THEN (f AT TIME ZONE ${timeZone}::text)::date
                           ELSE (f AT TIME ZONE ${timeZone}::text)::date + 1 END AS first,
                      (t AT TIME ZONE ${timeZone}::text)::date AS "end" FROM b)
    SELECT to_char(first, 'YYYY-MM-DD') AS first, to_char("end", 'YYYY-MM-DD') AS "end",
           first::timestamp AT TIME ZONE ${timeZone}::text AS first_at, "end"::timestamp AT TIME ZONE ${timeZone}::text AS end_at FROM d`);
  const at = (v: Date | string | null) => (v === null ? null : new Date(v));
  const f = from ? new Date(from) : null;
  const t = to ? new Date(to) : null;
  const firstAt = at(r!.first_at);
  const endAt = at(r!.end_at);
  // No whole day inside the range (or an empty range): all of it from the evaluations.
  if (r!.first !== null && r!.end !== null && r!.first >= r!.end) return { days: null, edges: f && t && f < t ? [[f, t]] : [] };
  const edges: [Date, Date][] = [];
  if (f && firstAt && f < firstAt) edges.push([f, firstAt]);
  if (t && endAt && endAt < t) edges.push([endAt, t]);
  return { days: [r!.first, r!.end], edges };
}
