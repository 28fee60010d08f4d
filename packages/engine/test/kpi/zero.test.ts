// docs/KPI.md § Zero denominators: null, never 0 or NaN.
import { describe, expect, it } from 'vitest';
import { kpiContactCell, kpiEmptyAggregate, kpisFrom } from '../../src/kpi/index.ts';

const o = { timeZone: 'Europe/Moscow' };

describe('zero denominators', () => {
  it('an empty aggregate has counts 0 and every ratio null', () => {
    const k = kpisFrom(kpiEmptyAggregate());
    expect(k).toEqual({
      offered: 0, answered: 0, abandoned: 0, shortAbandoned: 0, answeredWithinT: 0,
      serviceLevel: null, serviceLevelOfOffered: null, serviceLevelExcludingAbandonedWithinT: null,
      asaSeconds: null, ahtSeconds: null, averageTalkSeconds: null, averageHoldSeconds: null, acwSeconds: null,
      averageAbandonWaitSeconds: null, maxWaitSeconds: null, abandonmentRate: null, abandonmentRateExcludingShort: null,
      firstContactResolution: null, contactsPerChannel: {}, handlingSeconds: 0, loggedInSeconds: 0,
      occupancy: null, utilization: null, loggedInShrinkage: null, notReadySecondsByReason: {},
    });
  });

  it('only a short abandon: SL (short excluded) is null, the simple SL is 0', () => {
    const k = kpisFrom(kpiContactCell({ contactId: 's', queueId: 'q', channel: 'voice_in', offeredAt: 0, abandonedAt: 2000 }, o).aggregate);
    expect(k.serviceLevel).toBeNull();
    expect(k.serviceLevelOfOffered).toBe(0);
    expect(k.abandonmentRate).toBe(1);
    expect(k.abandonmentRateExcludingShort).toBeNull();
    expect(k.asaSeconds).toBeNull(); // nothing answered
    expect(k.averageAbandonWaitSeconds).toBe(2);
    expect(k.maxWaitSeconds).toBe(2);
  });

  it('answered at once: a real 0, not null', () => {
    const k = kpisFrom(kpiContactCell({ contactId: 'z', queueId: 'q', channel: 'chat', offeredAt: 0, answeredAt: 0, agentId: 'a' }, o).aggregate);
    expect([k.asaSeconds, k.ahtSeconds, k.maxWaitSeconds, k.serviceLevel]).toEqual([0, 0, 0, 1]);
    expect(k.firstContactResolution).toBeNull(); // outcome unknown
  });

  it('an agent only on a break: utilization 0, occupancy null (no handling, no idle time)', () => {
    const a = kpiEmptyAggregate();
    a.agentNotReadySeconds.break = 900;
    const k = kpisFrom(a);
    expect([k.utilization, k.occupancy, k.loggedInShrinkage]).toEqual([0, null, 1]);
  });
});
