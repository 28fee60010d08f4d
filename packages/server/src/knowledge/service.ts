import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { can, ROLES } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { ruQuery, ruVector } from '../db/search.ts';
import type { Principal } from '../auth/principal.ts';
import { afterCursor, toPage } from '../http/pagination.ts';
import { requireReference } from '../http/crud.ts';
import { badField, notFound } from '../http/problem.ts';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { knowledgeArticles, knowledgeCategories, knowledgeReads, knowledgeVersions } from './schema.ts';
import type { articleCreate, articleOut, articlePatch, articleQuery } from './contracts.ts';

type Article = typeof knowledgeArticles.$inferSelect;
export type ArticleOut = z.infer<typeof articleOut>;

/**
 * Who must confirm reading a changed article: the people who answer customers. Until the
 * routing issue assigns operators to hotlines, that is every active desk worker of the tenant.
 */
export const READER_ROLES = ROLES.filter((r) => can(r, 'contacts.edit') && r !== 'admin');

export function toArticleOut(a: Omit<Article, 'search'> & { rank?: number }): ArticleOut {
  return {
    id: a.id,
    hotlineId: a.hotlineId,
    categoryId: a.categoryId,
    kind: a.kind,
    title: a.title,
    body: a.body,
    answer: a.answer,
    typical: a.typical,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
    updatedBy: a.updatedBy,
    createdAt: a.createdAt.toISOString(),
    ...(a.rank !== undefined ? { rank: Number(a.rank) } : {}),
  };
}

const { search: _search, ...articleColumns } = getTableColumns(knowledgeArticles);
export { articleColumns };

export async function requireArticle(tx: Tx, id: string) {
  const [row] = await tx.select(articleColumns).from(knowledgeArticles).where(eq(knowledgeArticles.id, id));
  if (!row) throw notFound('Article');
  return row;
}

async function checkRefs(tx: Tx, body: { hotlineId?: string | null; categoryId?: string | null }) {
  if (body.hotlineId) await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
  if (body.categoryId) await requireReference(tx, knowledgeCategories, body.categoryId, 'body.categoryId', 'category');
}

/**
 * Search or browse. With `q`: websearch syntax through the `russian` configuration (so
 * "тарифа" finds "тариф"), ranked by ts_rank — the title carries weight A, the text B — and
 * the best 'limit' returned (no cursor: a ranked list is read from the top). Without `q`:
 * newest first with a cursor.
 */
export async function listArticles(tx: Tx, q: z.infer<typeof articleQuery>, pageQ: { limit: number; cursor?: string }) {
  const filters: (SQL | undefined)[] = [
    q.hotlineId ? or(eq(knowledgeArticles.hotlineId, q.hotlineId), isNull(knowledgeArticles.hotlineId)) : undefined,
    q.categoryId ? eq(knowledgeArticles.categoryId, q.categoryId) : undefined,
    q.typical ? eq(knowledgeArticles.typical, q.typical === 'true') : undefined,
  ];
  if (q.q) {
    const query = ruQuery(q.q);
    const rank = sql<number>`ts_rank(${knowledgeArticles.search}, ${query})`;
    const rows = await tx
      .select({ ...articleColumns, rank })
      .from(knowledgeArticles)
      .where(and(...filters, sql`${knowledgeArticles.search} @@ ${query}`))
      .orderBy(desc(rank), desc(knowledgeArticles.typical), desc(knowledgeArticles.updatedAt))
      .limit(pageQ.limit);
    return { items: rows.map(toArticleOut), nextCursor: null };
  }
  const rows = await tx
    .select(articleColumns)
    .from(knowledgeArticles)
    .where(and(...filters, afterCursor([knowledgeArticles.createdAt, knowledgeArticles.id], pageQ.cursor)))
    .orderBy(desc(knowledgeArticles.createdAt), desc(knowledgeArticles.id))
    .limit(pageQ.limit + 1);
  return toPage(rows, pageQ.limit, (r) => [r.createdAt.toISOString(), r.id], toArticleOut);
}

/** Title weighs more than the text: ts_rank then lists "Как сменить тариф" above a passing mention. */
export const articleSearch = (title: string, answer: string, body: string) => sql`${ruVector(title, 'A')} || ${ruVector(`${answer} ${body}`, 'B')}`;

async function saveVersion(tx: Tx, principal: Principal, a: Pick<Article, 'id' | 'version' | 'title' | 'body' | 'answer'>) {
  await tx.insert(knowledgeVersions).values({
    articleId: a.id, version: a.version, title: a.title, body: a.body, answer: a.answer,
    authorId: principal.kind === 'user' ? principal.id : null, authorName: principal.name,
  });
}

export async function createArticle(tx: Tx, principal: Principal, body: z.infer<typeof articleCreate>) {
  await checkRefs(tx, body);
  const [row] = await tx
    .insert(knowledgeArticles)
    .values({
      ...body, hotlineId: body.hotlineId ?? null, categoryId: body.categoryId ?? null,
      updatedBy: principal.kind === 'user' ? principal.id : null, search: articleSearch(body.title, body.answer, body.body),
    })
    .returning(articleColumns);
  await saveVersion(tx, principal, row!);
  return toArticleOut(row!);
}

/** A change of title, answer or text is a new version that operators must confirm; flags are not. */
export async function patchArticle(tx: Tx, principal: Principal, id: string, body: z.infer<typeof articlePatch>) {
  const current = await requireArticle(tx, id);
  await checkRefs(tx, body);
  const textChanged = (['title', 'body', 'answer'] as const).some((k) => body[k] !== undefined && body[k] !== current[k]);
  const [row] = await tx
    .update(knowledgeArticles)
    .set({
      ...body,
      ...(textChanged
        ? { version: current.version + 1, search: articleSearch(body.title ?? current.title, body.answer ?? current.answer, body.body ?? current.body) }
        : {}),
      updatedAt: new Date(),
      updatedBy: principal.kind === 'user' ? principal.id : null,
    })
    .where(eq(knowledgeArticles.id, id))
    .returning(articleColumns);
  if (textChanged) await saveVersion(tx, principal, row!);
  return toArticleOut(row!);
}

export async function versionsOf(tx: Tx, id: string) {
  await requireArticle(tx, id);
  const rows = await tx.select().from(knowledgeVersions).where(eq(knowledgeVersions.articleId, id)).orderBy(desc(knowledgeVersions.version));
  return rows.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() }));
}

export async function confirmRead(tx: Tx, principal: Principal, id: string) {
  const article = await requireArticle(tx, id);
  if (principal.kind !== 'user') throw badField('principal', 'an API token cannot confirm reading');
  await tx.insert(knowledgeReads).values({ articleId: id, version: article.version, userId: principal.id }).onConflictDoNothing();
  return { version: article.version };
}

/** Who has confirmed the current version, and who of those who must has not yet. */
export async function readsOf(tx: Tx, id: string) {
  const article = await requireArticle(tx, id);
  const readers = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...READER_ROLES])))
    .orderBy(asc(users.name));
  const done = await tx
    .select({ userId: knowledgeReads.userId, name: users.name, confirmedAt: knowledgeReads.confirmedAt })
    .from(knowledgeReads)
    .innerJoin(users, eq(users.id, knowledgeReads.userId))
    .where(and(eq(knowledgeReads.articleId, id), eq(knowledgeReads.version, article.version)))
    .orderBy(asc(knowledgeReads.confirmedAt));
  const confirmedIds = new Set(done.map((d) => d.userId));
  return {
    version: article.version,
    confirmed: done.map((d) => ({ ...d, confirmedAt: d.confirmedAt.toISOString() })),
    pending: readers.filter((r) => !confirmedIds.has(r.id)).map((r) => ({ userId: r.id, name: r.name })),
  };
}

/** Articles whose current version the caller has not confirmed yet (the desk's reminder). */
export async function unconfirmedFor(tx: Tx, principal: Principal) {
  if (principal.kind !== 'user' || !(READER_ROLES as readonly string[]).includes(principal.role)) return [];
  const rows = await tx
    .select(articleColumns)
    .from(knowledgeArticles)
    .where(sql`NOT EXISTS (SELECT 1 FROM ${knowledgeReads} r WHERE r.article_id = ${knowledgeArticles.id}
                           AND r.version = ${knowledgeArticles.version} AND r.user_id = ${principal.id})`)
    .orderBy(desc(knowledgeArticles.updatedAt))
    .limit(100);
  return rows.map(toArticleOut);
}
