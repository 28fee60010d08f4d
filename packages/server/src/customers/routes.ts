import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, announceChange, type AppContext } from '../http/context.ts';
import { idParams } from '../http/crud.ts';
import { afterCursor, encodeCursor, page, pageQuery, toPage } from '../http/pagination.ts';
import { recordRead } from '../audit/record.ts';
import { badField } from '../http/problem.ts';
import { nameKey } from '../db/search.ts';
import { contactOut } from '../contacts/contracts.ts';
import { contacts } from '../contacts/schema.ts';
import { journalPage } from '../contacts/service.ts';
import { customerCreate, customerListQuery, customerOut, customerPatch, identifyQuery, mergeBody } from './contracts.ts';
import { customerIdentifiers, customers, type IdentifierKind } from './schema.ts';
import { findByIdentifiers, mergeCustomers, normaliseAll, readCard, requireCustomer, withIdentifiers } from './service.ts';
import { tryIdentifier } from './identifiers.ts';
import { caseTimelineEntries, caseTimelineEntry } from '../cases/timeline.ts';

const tags = ['customers'];

/** One entry of a customer's timeline: a contact, a case (at its opening) or a notice sent. */
const timelineEntry = z.union([z.object({ kind: z.literal('contact'), at: z.string(), contact: contactOut }), ...caseTimelineEntry.options]);

/** Customer cards (A2): find, identify, read (audited), change, timeline, merge. */
export function customerRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/customers', {
    config: { permission: 'customers.view' },
    schema: { tags, querystring: pageQuery.extend(customerListQuery.shape), response: { 200: page(customerOut) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const q = req.query.q;
    let filter;
    if (q) {
      // A phone or an e-mail is matched exactly after normalising; anything else by name prefix.
      const phone = /\d{5,}/.test(q.replace(/\D/g, '')) ? tryIdentifier('phone', q) : null;
      const email = q.includes('@') ? tryIdentifier('email', q) : null;
      const value = phone ?? email;
      filter = value
        ? sql`${customers.id} IN (SELECT customer_id FROM ${customerIdentifiers} WHERE kind = ${phone ? 'phone' : 'email'} AND value = ${value})`
        : sql`${customers.nameKey} LIKE ${nameKey(q).replace(/[%_\\]/g, '\\$&') + '%'}`;
    }
    const rows = await tx
      .select()
      .from(customers)
      .where(and(filter, afterCursor([customers.createdAt, customers.id], req.query.cursor)))
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(req.query.limit + 1);
    const pageOf = toPage(rows, req.query.limit, (r) => [r.createdAt.toISOString(), r.id], (r) => r);
    return { items: await withIdentifiers(tx, pageOf.items), nextCursor: pageOf.nextCursor };
  }));

  app.get('/api/v1/customers/identify', {
    config: { permission: 'customers.view' },
    schema: { tags, querystring: identifyQuery, response: { 200: z.object({ customer: customerOut.nullable() }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const list = (['phone', 'email', 'chat', 'messenger'] as IdentifierKind[])
      .map((kind) => ({ kind, raw: req.query[kind] }))
      .filter((i): i is { kind: IdentifierKind; raw: string } => !!i.raw)
      .map((i) => ({ kind: i.kind, value: tryIdentifier(i.kind, i.raw) }))
      .filter((i): i is { kind: IdentifierKind; value: string } => i.value !== null);
    const id = await findByIdentifiers(tx, list);
    return { customer: id ? await readCard(tx, id) : null };
  }));

  app.post('/api/v1/customers', {
    config: { permission: 'customers.edit', idempotent: true },
    schema: { tags, body: customerCreate, response: { 201: customerOut } },
  }, async (req, reply) => {
    const out = await inTenant(ctx, req, async (tx) => {
      const list = normaliseAll(req.body.identifiers, 'body.identifiers');
      const [row] = await tx
        .insert(customers)
        .values({ name: req.body.name, nameKey: nameKey(req.body.name), organization: req.body.organization ?? null, notes: req.body.notes ?? null, consents: req.body.consents })
        .returning();
      if (list.length > 0) await tx.insert(customerIdentifiers).values(list.map((i) => ({ ...i, customerId: row!.id })));
      return (await withIdentifiers(tx, [row!]))[0]!;
    });
    await announceChange(ctx, req, 'customer', out.id, 'create');
    return reply.code(201).send(out);
  });

  app.get('/api/v1/customers/:id', {
    config: { permission: 'customers.view' },
    schema: { tags, params: idParams, response: { 200: customerOut } },
  }, (req) => inTenant(ctx, req, (tx) => readCard(tx, req.params.id)));

  app.patch('/api/v1/customers/:id', {
    config: { permission: 'customers.edit' },
    schema: { tags, params: idParams, body: customerPatch, response: { 200: customerOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await requireCustomer(tx, req.params.id);
      const { identifiers, ...rest } = req.body;
      if (Object.keys(rest).length > 0) {
        await tx.update(customers).set({ ...rest, ...(rest.name ? { nameKey: nameKey(rest.name) } : {}) }).where(eq(customers.id, req.params.id));
      }
      if (identifiers) {
        const list = normaliseAll(identifiers, 'body.identifiers');
        await tx.delete(customerIdentifiers).where(eq(customerIdentifiers.customerId, req.params.id));
        // Unlike automatic identification, an identifier owned by another card is a conflict here.
        if (list.length > 0) await tx.insert(customerIdentifiers).values(list.map((i) => ({ ...i, customerId: req.params.id })));
      }
      return readCard(tx, req.params.id);
    });
    await announceChange(ctx, req, 'customer', out.id, 'update');
    return out;
  });

  app.get('/api/v1/customers/:id/timeline', {
    config: { permission: 'customers.view' },
    schema: { tags, params: idParams, querystring: pageQuery, response: { 200: page(timelineEntry) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await requireCustomer(tx, req.params.id);
    await recordRead(tx, 'customer', req.params.id);
    const contactsPage = await journalPage(tx, [eq(contacts.customerId, req.params.id)], req.query);
    // One keyset (at, id) over contacts, cases and notices: each source gives its next entries
    // after the cursor, and the newest `limit` of them all make the page.
    const merged = [
      ...contactsPage.items.map((c) => ({ id: c.id, entry: { kind: 'contact' as const, at: c.createdAt, contact: c } })),
      ...(await caseTimelineEntries(tx, req.params.id, req.query)),
    ].sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.id.localeCompare(a.id));
    const items = merged.slice(0, req.query.limit);
    const last = items[items.length - 1];
    const more = merged.length > req.query.limit || contactsPage.nextCursor !== null;
    return { items: items.map((i) => i.entry), nextCursor: more && last ? encodeCursor([last.entry.at, last.id]) : null };
  }));

  app.post('/api/v1/customers/:id/merge', {
    config: { permission: 'customers.merge' },
    schema: { tags, params: idParams, body: mergeBody, response: { 200: customerOut } },
  }, async (req) => {
    if (req.body.otherId === req.params.id) throw badField('body.otherId', 'a card cannot be merged with itself');
    const out = await inTenant(ctx, req, async (tx) => {
      await mergeCustomers(tx, req.params.id, req.body.otherId);
      return readCard(tx, req.params.id);
    });
    await announceChange(ctx, req, 'customer', req.body.otherId, 'delete');
    await announceChange(ctx, req, 'customer', out.id, 'update');
    return out;
  });
}
