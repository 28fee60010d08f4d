// Order statuses (A6): what may follow what. An order is confirmed before it is fulfilled, and
// cancelled only while nothing has been delivered.

export const ORDER_STATUSES = ['new', 'confirmed', 'in_fulfilment', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  new: ['confirmed', 'cancelled'],
  confirmed: ['in_fulfilment', 'cancelled'],
  in_fulfilment: ['completed'],
  completed: [],
  cancelled: [],
};

export const allowedOrderStatuses = (from: OrderStatus): OrderStatus[] => [...NEXT[from]];

/** Sum of lines in kopecks (integers: money never goes through floating point). */
export function orderTotal(lines: readonly { quantity: number; unitPrice: number }[]): number {
  return lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
}
