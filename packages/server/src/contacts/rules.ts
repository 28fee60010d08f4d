import { checkCustomFields, topicPath, type CustomFieldValue } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { HttpProblem, badField } from '../http/problem.ts';
import { requireReference } from '../http/crud.ts';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';

export type Hotline = typeof hotlines.$inferSelect;

/** The hotline through the tenant's own view (a foreign key would accept another tenant's). */
export const requireHotline = (tx: Tx, id: string, field: string): Promise<Hotline> => requireReference(tx, hotlines, id, field, 'hotline');

export async function requireUser(tx: Tx, id: string, field: string): Promise<void> {
  await requireReference(tx, users, id, field, 'user');
}

/** A topic must be a node of the hotline's topic tree. */
export function checkTopic(hotline: Hotline, topicId: string | null | undefined, field = 'body.topicId'): void {
  if (topicId && !topicPath(hotline.topics, topicId)) throw badField(field, `not a topic of hotline ${hotline.code}`);
}

/**
 * Custom-field values against the hotline's definitions; each problem names its field as
 * `body.customFields.<key>`. Required fields are demanded when the contact is (being) closed.
 */
export function checkFields(hotline: Hotline, values: Record<string, unknown>, closing: boolean): Record<string, CustomFieldValue> {
  const result = checkCustomFields(hotline.customFields, values, closing);
  if (result.issues.length > 0) {
    const errors = result.issues.map((i) => ({ field: `body.customFields.${i.key}`, message: i.message }));
    throw new HttpProblem(400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return result.values;
}
