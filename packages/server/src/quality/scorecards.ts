import { and, desc, eq } from 'drizzle-orm';
import { compileQualityAutoChecks, validateQualityScorecard, type QualityIssue, type QualityScorecard } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { requireReference } from '../http/crud.ts';
import { HttpProblem, conflict, notFound } from '../http/problem.ts';
import { hotlines } from '../tenants/schema.ts';
import type { scorecardContent, scorecardCreate, scorecardDetail, scorecardOut, versionOut } from './contracts.ts';
import { qualityScorecards, qualityScorecardVersions } from './schema.ts';

type Version = typeof qualityScorecardVersions.$inferSelect;
type Scorecard = typeof qualityScorecards.$inferSelect;
type Content = z.infer<typeof scorecardContent>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toVersionOut = (v: Version): z.infer<typeof versionOut> => ({
  id: v.id, scorecardId: v.scorecardId, version: v.version, status: v.status, title: v.title, weighting: v.weighting,
  sections: v.sections, autoRules: v.autoRules, createdAt: v.createdAt.toISOString(), publishedAt: iso(v.publishedAt),
});

export const toScorecardOut = (s: Scorecard): z.infer<typeof scorecardOut> => ({
  id: s.id, hotlineId: s.hotlineId, title: s.title, latestVersion: s.latestVersion, publishedVersion: s.publishedVersion, createdAt: s.createdAt.toISOString(),
});

/** The engine's view of a stored version. */
export const engineCard = (v: Version): QualityScorecard => ({ id: v.scorecardId, version: v.version, title: v.title, weighting: v.weighting, sections: v.sections });

/** 400 naming every problem the engine finds, as `body.<path>`. */
export function refuseIssues(issues: readonly QualityIssue[], prefix = 'body'): void {
  if (issues.length === 0) return;
  const errors = issues.map((i) => ({ field: `${prefix}.${i.path}`, message: i.message }));
  throw new HttpProblem(400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

function checkContent(content: Content, version: number): void {
  const issues = validateQualityScorecard({ id: 'new', version, title: content.title, weighting: content.weighting, sections: content.sections });
  refuseIssues(issues);
  const compiled = compileQualityAutoChecks(content.autoRules, { id: 'new', version, title: content.title, weighting: content.weighting, sections: content.sections });
  if (!compiled.ok) refuseIssues(compiled.issues.map((i) => ({ ...i, path: i.path.replace(/^rules/, 'autoRules') })));
}

export async function requireScorecard(tx: Tx, id: string): Promise<Scorecard> {
  const [row] = await tx.select().from(qualityScorecards).where(eq(qualityScorecards.id, id));
  if (!row) throw notFound('Scorecard');
  return row;
}

async function versionOf(tx: Tx, scorecardId: string, version: number): Promise<Version> {
  const [v] = await tx.select().from(qualityScorecardVersions).where(and(eq(qualityScorecardVersions.scorecardId, scorecardId), eq(qualityScorecardVersions.version, version)));
  if (!v) throw notFound('Scorecard version');
  return v;
}

/** The version new evaluations use; a scorecard never published cannot be used yet. */
export async function publishedVersion(tx: Tx, scorecardId: string, field: string): Promise<Version> {
  const card = await requireReference(tx, qualityScorecards, scorecardId, field, 'scorecard');
  if (card.publishedVersion === null) throw conflict(field, 'the scorecard has no published version yet');
  return versionOf(tx, scorecardId, card.publishedVersion);
}

export async function scorecardDetailOf(tx: Tx, id: string): Promise<z.infer<typeof scorecardDetail>> {
  const card = await requireScorecard(tx, id);
  const versions = await tx.select().from(qualityScorecardVersions).where(eq(qualityScorecardVersions.scorecardId, id)).orderBy(desc(qualityScorecardVersions.version));
  const latest = versions.find((v) => v.version === card.latestVersion)!;
  return {
    ...toScorecardOut(card),
    latest: toVersionOut(latest),
    versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, createdAt: v.createdAt.toISOString(), publishedAt: iso(v.publishedAt) })),
  };
}

export async function createScorecard(tx: Tx, authorId: string, body: z.infer<typeof scorecardCreate>) {
  if (body.hotlineId) await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
  checkContent(body, 1);
  const [card] = await tx.insert(qualityScorecards).values({ title: body.title, hotlineId: body.hotlineId ?? null }).returning();
  await tx.insert(qualityScorecardVersions).values({ scorecardId: card!.id, version: 1, title: body.title, weighting: body.weighting, sections: body.sections, autoRules: body.autoRules, authorId });
  return scorecardDetailOf(tx, card!.id);
}

/**
 * Saves an edit. A draft is changed in place; a published latest version stays as it is
 * (evaluations point at it) and the edit becomes a new draft version.
 */
export async function editScorecard(tx: Tx, authorId: string, id: string, body: Content) {
  const card = await requireScorecard(tx, id);
  const latest = await versionOf(tx, id, card.latestVersion);
  const content = { title: body.title, weighting: body.weighting, sections: body.sections, autoRules: body.autoRules };
  if (latest.status === 'draft') {
    checkContent(body, latest.version);
    await tx.update(qualityScorecardVersions).set({ ...content, authorId }).where(eq(qualityScorecardVersions.id, latest.id));
  } else {
    const version = latest.version + 1;
    checkContent(body, version);
    await tx.insert(qualityScorecardVersions).values({ scorecardId: id, version, ...content, authorId });
    await tx.update(qualityScorecards).set({ latestVersion: version }).where(eq(qualityScorecards.id, id));
  }
  await tx.update(qualityScorecards).set({ title: body.title }).where(eq(qualityScorecards.id, id));
  return scorecardDetailOf(tx, id);
}

/** Publishes the latest draft: new evaluations and plan runs use it from now on. */
export async function publishScorecard(tx: Tx, id: string) {
  const card = await requireScorecard(tx, id);
  const latest = await versionOf(tx, id, card.latestVersion);
  if (latest.status === 'published') throw conflict('version', `version ${latest.version} is already published`);
  await tx.update(qualityScorecardVersions).set({ status: 'published', publishedAt: new Date() }).where(eq(qualityScorecardVersions.id, latest.id));
  await tx.update(qualityScorecards).set({ publishedVersion: latest.version }).where(eq(qualityScorecards.id, id));
  return scorecardDetailOf(tx, id);
}

export async function requireVersion(tx: Tx, versionId: string): Promise<Version> {
  const [v] = await tx.select().from(qualityScorecardVersions).where(eq(qualityScorecardVersions.id, versionId));
  if (!v) throw notFound('Scorecard version');
  return v;
}
