import { asc, eq, sql } from 'drizzle-orm';
import { matchScript, topicIdPath, validateScript, walkScript, ScriptWalkError, type ScriptDefinition } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { patchContact, requireContact } from '../contacts/service.ts';
import { findOr404, requireReference } from '../http/crud.ts';
import { badField, HttpProblem } from '../http/problem.ts';
import type { Principal } from '../auth/principal.ts';
import { hotlines } from '../tenants/schema.ts';
import type { runPut, scriptCreate, scriptPatch } from './contracts.ts';
import { contactScriptRuns, scripts } from './schema.ts';

type Script = typeof scripts.$inferSelect;
type Hotline = typeof hotlines.$inferSelect;

export function toScriptOut(s: Script) {
  return { ...s, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() };
}

function checkTopic(hotline: Hotline, topicId: string | null | undefined) {
  if (topicId && !topicIdPath(hotline.topics, topicId)) throw badField('body.topicId', `the hotline has no topic "${topicId}"`);
}

/** Every problem of the definition at once, each named where the editor can mark it. */
function checkDefinition(hotline: Hotline, def: ScriptDefinition) {
  const issues = validateScript(def, { fieldKeys: hotline.customFields.map((f) => f.key) });
  if (issues.length > 0) {
    throw new HttpProblem(400, `the script is not valid: ${issues[0]!.message}`, issues.map((i) => ({ field: `body.definition.${i.path}`, message: i.message })));
  }
}

export async function createScript(tx: Tx, body: z.infer<typeof scriptCreate>): Promise<Script> {
  const hotline = await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
  checkTopic(hotline, body.topicId);
  checkDefinition(hotline, body.definition);
  const [row] = await tx
    .insert(scripts)
    .values({ ...body, topicId: body.topicId ?? null, clientId: hotline.clientId })
    .returning();
  return row!;
}

export async function patchScript(tx: Tx, id: string, body: z.infer<typeof scriptPatch>): Promise<Script> {
  const current = await findOr404(tx, scripts, id, 'Script');
  const hotline = await requireReference(tx, hotlines, current.hotlineId, 'hotlineId', 'hotline');
  checkTopic(hotline, body.topicId);
  if (body.definition) checkDefinition(hotline, body.definition);
  const changed = body.definition !== undefined && JSON.stringify(body.definition) !== JSON.stringify(current.definition);
  const [row] = await tx
    .update(scripts)
    .set({
      ...body,
      ...(changed ? { version: sql`${scripts.version} + 1` } : {}),
      updatedAt: new Date(),
    })
    .where(eq(scripts.id, id))
    .returning();
  return row!;
}

/** The script an operator should walk for a contact on this hotline and topic, if any. */
export async function scriptFor(tx: Tx, hotlineId: string, topicId: string | undefined): Promise<Script | null> {
  const hotline = await requireReference(tx, hotlines, hotlineId, 'query.hotlineId', 'hotline');
  const candidates = await tx.select().from(scripts).where(eq(scripts.hotlineId, hotlineId)).orderBy(asc(scripts.createdAt), asc(scripts.id));
  return matchScript(candidates, hotline.topics, topicId ?? null);
}

/**
 * Stores the path walked on a contact, checked by replaying it on the script, and writes what
 * the script collected into the contact: field values into its custom fields (checked like any
 * other change of them), the end step's outcome into its outcome.
 */
export async function putRun(tx: Tx, principal: Principal, contactId: string, body: z.infer<typeof runPut>) {
  const contact = await requireContact(tx, contactId);
  const script = await requireReference(tx, scripts, body.scriptId, 'body.scriptId', 'script');
  if (script.hotlineId !== contact.hotlineId) throw badField('body.scriptId', "the script belongs to another hotline than the contact's");
  let walk;
  try {
    walk = walkScript(script.definition, body.steps);
  } catch (e) {
    if (e instanceof ScriptWalkError) throw badField(`body.steps.${e.index}`, e.message);
    throw e;
  }
  try {
    await patchContact(tx, contactId, {
      ...(Object.keys(walk.fields).length > 0 ? { customFields: walk.fields } : {}),
      ...(walk.finished ? { outcome: walk.outcome } : {}),
    });
  } catch (e) {
    throw renameFieldErrors(e, body.steps.map((s, i) => ({ i, key: walk.path[i]?.fieldKey })));
  }
  const values = {
    scriptId: script.id,
    scriptName: script.name,
    scriptVersion: script.version,
    path: walk.path,
    finished: walk.finished,
    outcome: walk.outcome,
    walkedBy: principal.kind === 'user' ? principal.id : null,
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(contactScriptRuns)
    .values({ contactId, ...values })
    .onConflictDoUpdate({ target: contactScriptRuns.contactId, set: values })
    .returning();
  return toRunOut(row!);
}

/** A custom-field error found while applying the run names the input that gave the value. */
function renameFieldErrors(e: unknown, inputs: { i: number; key: string | undefined }[]): unknown {
  if (!(e instanceof HttpProblem) || !e.errors) return e;
  const errors = e.errors.map((err) => {
    const key = err.field.replace(/^body\.customFields\./, '');
    const input = inputs.filter((x) => x.key === key).at(-1);
    return input ? { field: `body.steps.${input.i}.value`, message: err.message } : err;
  });
  return new HttpProblem(e.status, e.message, errors);
}

export function toRunOut(r: typeof contactScriptRuns.$inferSelect) {
  return {
    contactId: r.contactId,
    scriptId: r.scriptId,
    scriptName: r.scriptName,
    scriptVersion: r.scriptVersion,
    path: r.path,
    finished: r.finished,
    outcome: r.outcome,
    walkedBy: r.walkedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function readRun(tx: Tx, contactId: string) {
  await requireContact(tx, contactId);
  const [row] = await tx.select().from(contactScriptRuns).where(eq(contactScriptRuns.contactId, contactId));
  return row ? toRunOut(row) : null;
}
