import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { nameKey } from '../db/search.ts';
import { notFound } from '../http/problem.ts';
import { recordAudit, recordRead } from '../audit/record.ts';
import { contacts } from '../contacts/schema.ts';
import { customerIdentifiers, customers, type IdentifierKind } from './schema.ts';
import type { customerOut } from './contracts.ts';
import { normaliseIdentifier } from './identifiers.ts';
import { moveCaseHistory } from '../cases/timeline.ts';

type Customer = typeof customers.$inferSelect;
export type CustomerOut = z.infer<typeof customerOut>;
export interface IdentifierIn {
  kind: IdentifierKind;
  value: string;
}

export async function withIdentifiers(tx: Tx, rows: Customer[]): Promise<CustomerOut[]> {
  if (rows.length === 0) return [];
  const ids = await tx
    .select()
    .from(customerIdentifiers)
    .where(inArray(customerIdentifiers.customerId, rows.map((r) => r.id)))
    .orderBy(asc(customerIdentifiers.createdAt), asc(customerIdentifiers.value));
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    organization: c.organization,
    notes: c.notes,
    consents: c.consents,
    identifiers: ids.filter((i) => i.customerId === c.id).map((i) => ({ kind: i.kind, value: i.value })),
    createdAt: c.createdAt.toISOString(),
  }));
}

/** A customer of this tenant or 404 (row security hides other tenants' customers). */
export async function requireCustomer(tx: Tx, id: string): Promise<Customer> {
  const [row] = await tx.select().from(customers).where(eq(customers.id, id));
  if (!row) throw notFound('Customer');
  return row;
}

/** The card: the customer with identifiers. The view is audited — it shows personal data. */
export async function readCard(tx: Tx, id: string): Promise<CustomerOut> {
  const row = await requireCustomer(tx, id);
  await recordRead(tx, 'customer', id);
  return (await withIdentifiers(tx, [row]))[0]!;
}

/** Normalises identifiers, naming the failing one as `<prefix>.<i>.value`; drops duplicates. */
export function normaliseAll(list: IdentifierIn[], prefix: string): IdentifierIn[] {
  const seen = new Set<string>();
  const out: IdentifierIn[] = [];
  list.forEach((i, n) => {
    const value = normaliseIdentifier(i.kind, i.value, `${prefix}.${n}.value`);
    if (!seen.has(`${i.kind}:${value}`)) out.push({ kind: i.kind, value });
    seen.add(`${i.kind}:${value}`);
  });
  return out;
}

/** The customer owning any of these identifiers, oldest first when several match. */
export async function findByIdentifiers(tx: Tx, list: IdentifierIn[]): Promise<string | null> {
  if (list.length === 0) return null;
  const [hit] = await tx
    .select({ customerId: customerIdentifiers.customerId })
    .from(customerIdentifiers)
    .where(or(...list.map((i) => and(eq(customerIdentifiers.kind, i.kind), eq(customerIdentifiers.value, i.value)))))
    .orderBy(asc(customerIdentifiers.createdAt))
    .limit(1);
  return hit?.customerId ?? null;
}

/**
 * Attaches identifiers to a customer. One already owned by another customer stays there
 * (a shared office phone must not silently move a card's history); merging is explicit.
 */
export async function attachIdentifiers(tx: Tx, customerId: string, list: IdentifierIn[]): Promise<void> {
  if (list.length === 0) return;
  await tx
    .insert(customerIdentifiers)
    .values(list.map((i) => ({ customerId, kind: i.kind, value: i.value })))
    .onConflictDoNothing();
}

/**
 * Automatic identification when a contact is registered: the customer owning any of the
 * identifiers, else a new customer with them. New identifiers join the found card.
 */
export async function identifyOrCreate(tx: Tx, list: IdentifierIn[], name: string | null): Promise<string> {
  const found = await findByIdentifiers(tx, list);
  if (found) {
    await attachIdentifiers(tx, found, list);
    return found;
  }
  const cardName = name?.trim() || list[0]?.value || 'Без имени';
  const [created] = await tx
    .insert(customers)
    .values({ name: cardName, nameKey: nameKey(cardName) })
    .returning({ id: customers.id });
  await attachIdentifiers(tx, created!.id, list);
  // Two first contacts from one new number at once: the other transaction's card won the
  // identifier (ON CONFLICT waited for it). Use that card and drop ours, so no empty twin remains.
  const owner = await findByIdentifiers(tx, list);
  if (owner && owner !== created!.id) {
    await tx.delete(customers).where(eq(customers.id, created!.id));
    return owner;
  }
  return created!.id;
}

/**
 * Joins `otherId` into `keepId`: contacts and identifiers move, notes and consents are kept
 * together, the other card is deleted. Each step is logged by the audit trigger; a summary
 * entry says which card went into which. Both must be the tenant's own (404 otherwise).
 */
export async function mergeCustomers(tx: Tx, keepId: string, otherId: string): Promise<void> {
  const keep = await requireCustomer(tx, keepId);
  const other = await requireCustomer(tx, otherId);
  await tx.update(contacts).set({ customerId: keepId }).where(eq(contacts.customerId, otherId));
  await moveCaseHistory(tx, otherId, keepId);
  // Identifiers the kept card already has would collide with the unique index: drop those.
  await tx.execute(sql`
    DELETE FROM ${customerIdentifiers} o USING ${customerIdentifiers} k
    WHERE o.customer_id = ${otherId} AND k.customer_id = ${keepId} AND o.kind = k.kind AND o.value = k.value`);
  await tx.update(customerIdentifiers).set({ customerId: keepId }).where(eq(customerIdentifiers.customerId, otherId));
  const notes = [keep.notes, other.notes].filter((n) => n && n.trim()).join('\n\n') || null;
  const consents = [...keep.consents, ...other.consents.filter((c) => !keep.consents.some((k) => k.kind === c.kind))];
  await tx
    .update(customers)
    .set({ notes, consents, organization: keep.organization ?? other.organization })
    .where(eq(customers.id, keepId));
  await tx.delete(customers).where(eq(customers.id, otherId));
  await recordAudit(tx, { action: 'merge', entity: 'customer', entityId: keepId, before: { id: otherId, name: other.name }, after: { id: keepId, name: keep.name } });
}
