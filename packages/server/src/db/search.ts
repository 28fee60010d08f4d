import { sql, type SQL } from 'drizzle-orm';

/**
 * Full-text search with Russian morphology that behaves the same on every database.
 * PostgreSQL lowercases words by the database's locale, and a database created with the C
 * locale (common for servers, and our test server) leaves "Тариф" capitalised — then it would
 * not meet "тариф". So text is lowercased here, in JavaScript, before it reaches to_tsvector
 * or websearch_to_tsquery; the `russian` stemmer then works alike on PGlite and PostgreSQL.
 */
export function ruVector(text: string, weight?: 'A' | 'B' | 'C' | 'D'): SQL {
  const v = sql`to_tsvector('russian', ${text.toLowerCase()})`;
  return weight ? sql`setweight(${v}, ${weight})` : v;
}

export function ruQuery(text: string): SQL {
  return sql`websearch_to_tsquery('russian', ${text.toLowerCase()})`;
}

/** A name as compared in "starts with" searches: lowercased for the same reason. */
export const nameKey = (name: string) => name.trim().toLowerCase();
