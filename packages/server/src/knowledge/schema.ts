import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantId, tsvector } from '../db/columns.ts';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';

/** A category of the knowledge base, of one hotline or shared (hotline null). */
export const knowledgeCategories = pgTable(
  'knowledge_categories',
  {
    id: id(),
    tenantId: tenantId(),
    hotlineId: uuid('hotline_id').references(() => hotlines.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('knowledge_categories_page').on(t.tenantId, t.createdAt, t.id)],
);

/**
 * An article or a question-and-answer. `answer` is the text an operator inserts into a reply;
 * `body` the full explanation. The search vector weighs the title above the rest (A over B),
 * so ts_rank puts "Как сменить тариф" above an article that mentions a tariff in passing.
 */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: id(),
    tenantId: tenantId(),
    hotlineId: uuid('hotline_id').references(() => hotlines.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id').references(() => knowledgeCategories.id, { onDelete: 'set null' }),
    kind: text('kind').$type<'article' | 'qa'>().notNull().default('article'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    answer: text('answer').notNull().default(''),
    typical: boolean('typical').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Title (weight A) and answer + text (weight B); written by the service (see db/search.ts). */
    search: tsvector('search'),
  },
  (t) => [
    index('knowledge_articles_page').on(t.tenantId, t.createdAt, t.id),
    index('knowledge_articles_hotline').on(t.tenantId, t.hotlineId),
    index('knowledge_articles_search').using('gin', t.search),
  ],
);

/** Every saved state of an article: who, when, and the text, so any two can be compared. */
export const knowledgeVersions = pgTable(
  'knowledge_versions',
  {
    id: id(),
    tenantId: tenantId(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    answer: text('answer').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('knowledge_versions_article').on(t.articleId, t.version)],
);

/** "I have read version N": an operator's confirmation after an article changed. */
export const knowledgeReads = pgTable(
  'knowledge_reads',
  {
    id: id(),
    tenantId: tenantId(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    confirmedAt: createdAt(),
  },
  (t) => [uniqueIndex('knowledge_reads_user').on(t.articleId, t.version, t.userId)],
);
