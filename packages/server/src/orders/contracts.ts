import { z } from 'zod';
import { ORDER_STATUSES } from '@linia/engine';

/** Request and response shapes of the catalog and orders (A6). Prices in kopecks. */
export const catalogOut = z.object({
  id: z.uuid(), hotlineId: z.uuid(), kind: z.enum(['product', 'service']), sku: z.string().nullable(), name: z.string(),
  price: z.number(), active: z.boolean(), createdAt: z.string(),
});
export const catalogCreate = z.strictObject({
  hotlineId: z.uuid(),
  kind: z.enum(['product', 'service']).default('product'),
  sku: z.string().trim().max(64).nullish(),
  name: z.string().trim().min(1).max(300),
  price: z.number().int().min(0).max(1_000_000_000),
  active: z.boolean().default(true),
});
export const catalogPatch = z.strictObject({
  kind: z.enum(['product', 'service']).optional(),
  sku: z.string().trim().max(64).nullish(),
  name: catalogCreate.shape.name.optional(),
  price: catalogCreate.shape.price.optional(),
  active: z.boolean().optional(),
});

export const orderStatus = z.enum(ORDER_STATUSES);
const line = z.object({ itemId: z.uuid(), name: z.string(), quantity: z.number(), unitPrice: z.number() });
export const orderOut = z.object({
  id: z.uuid(), number: z.number(), hotlineId: z.uuid(), customerId: z.uuid(), status: orderStatus, lines: z.array(line),
  total: z.number(), address: z.string().nullable(), comment: z.string().nullable(), createdById: z.uuid().nullable(),
  createdAt: z.string(), allowedStatuses: z.array(orderStatus),
});
export const orderCreate = z.strictObject({
  hotlineId: z.uuid(),
  customerId: z.uuid(),
  lines: z.array(z.strictObject({ itemId: z.uuid(), quantity: z.number().int().min(1).max(10_000) })).min(1).max(100),
  address: z.string().trim().max(1000).nullish(),
  comment: z.string().trim().max(5000).nullish(),
});
export const orderStatusBody = z.strictObject({ status: orderStatus, comment: z.string().trim().max(2000).optional() });
export const orderQuery = z.object({ customerId: z.uuid().optional(), hotlineId: z.uuid().optional(), status: orderStatus.optional() });
export const orderEventOut = z.object({
  id: z.uuid(), from: orderStatus.nullable(), to: orderStatus, comment: z.string().nullable(), actorName: z.string().nullable(), createdAt: z.string(),
});
