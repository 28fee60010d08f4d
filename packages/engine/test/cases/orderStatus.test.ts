import { describe, expect, it } from 'vitest';
import { allowedOrderStatuses, orderTotal } from '../../src/cases/index.ts';

describe('orders', () => {
  it('moves new → confirmed → in fulfilment → completed; cancels only before fulfilment', () => {
    expect(allowedOrderStatuses('new')).toEqual(['confirmed', 'cancelled']);
    expect(allowedOrderStatuses('in_fulfilment')).toEqual(['completed']);
    expect(allowedOrderStatuses('completed')).toEqual([]);
  });
  it('totals in kopecks', () => {
    expect(orderTotal([{ quantity: 2, unitPrice: 199_90 }, { quantity: 1, unitPrice: 4_990_00 }])).toBe(5_389_80);
  });
});
