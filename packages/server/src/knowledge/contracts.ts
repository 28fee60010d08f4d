import { z } from 'zod';

/** Request and response shapes of the knowledge base. */
export const categoryOut = z.object({ id: z.uuid(), hotlineId: z.uuid().nullable(), name: z.string(), createdAt: z.string() });
export const categoryCreate = z.strictObject({ hotlineId: z.uuid().nullish(), name: z.string().trim().min(1).max(200) });

export const articleOut = z.object({
  id: z.uuid(),
  hotlineId: z.uuid().nullable(),
  categoryId: z.uuid().nullable(),
  kind: z.enum(['article', 'qa']),
  title: z.string(),
  body: z.string(),
  answer: z.string(),
  typical: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  updatedBy: z.uuid().nullable(),
  createdAt: z.string(),
  /** Search relevance (ts_rank), present when the list was a search. */
  rank: z.number().optional(),
});

export const articleCreate = z.strictObject({
  hotlineId: z.uuid().nullish(),
  categoryId: z.uuid().nullish(),
  kind: z.enum(['article', 'qa']).default('article'),
  title: z.string().trim().min(1).max(300),
  body: z.string().max(100_000).default(''),
  answer: z.string().max(20_000).default(''),
  typical: z.boolean().default(false),
});

export const articlePatch = z.strictObject({
  hotlineId: z.uuid().nullish(),
  categoryId: z.uuid().nullish(),
  kind: z.enum(['article', 'qa']).optional(),
  title: articleCreate.shape.title.optional(),
  body: z.string().max(100_000).optional(),
  answer: z.string().max(20_000).optional(),
  typical: z.boolean().optional(),
});

export const articleQuery = z.object({
  /** Full-text search, Russian morphology; results ranked, title weighted above the text. */
  q: z.string().trim().max(300).optional(),
  /** That hotline's articles and the shared ones. */
  hotlineId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  typical: z.enum(['true', 'false']).optional(),
});

export const versionOut = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  answer: z.string(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

const diffLines = z.array(z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() }));
export const diffOut = z.object({ from: z.number(), to: z.number(), title: diffLines, answer: diffLines, body: diffLines });
export const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export const readsOut = z.object({
  version: z.number(),
  confirmed: z.array(z.object({ userId: z.uuid(), name: z.string(), confirmedAt: z.string() })),
  pending: z.array(z.object({ userId: z.uuid(), name: z.string() })),
});
