// docs/KPI.md § Example A: contacts of one interval → aggregate → KPIs.
import { describe, expect, it } from 'vitest';
import { kpiContactCell, kpiContactCells, kpiIntervalLabel, kpiRollUp, kpisFrom, mergeKpiAggregates } from '../../src/kpi/index.ts';
import { exampleA, jan15, options } from './fixtures.ts';

describe('Example A — contacts', () => {
  const cells = kpiContactCells(exampleA, options);
  const total = mergeKpiAggregates(...cells.map((c) => c.aggregate));

  it('puts every contact in the interval it was offered in, c5 (answered 10:15:05) too', () => {
    expect(new Set(cells.map((c) => c.intervalStart))).toEqual(new Set([jan15('10:00:00')]));
    expect(kpiIntervalLabel(cells[0]!.intervalStart, 'Europe/Berlin')).toBe('2025-01-15T10:00+01:00');
    // Cells per channel × answering agent: voice/a1, voice/a2, chat/none, voice/none, chat/a1.
    expect(cells).toHaveLength(5);
  });

  it('adds up to the counts and sums of the table', () => {
    expect(total).toMatchObject({
      offered: 7, answered: 4, answeredWithinT: 3, abandoned: 3, shortAbandoned: 1, abandonedWithinT: 2,
      answeredWaitSeconds: 75, abandonedWaitSeconds: 60, maxWaitSeconds: 45,
      talkSeconds: 720, holdSeconds: 30, wrapUpSeconds: 110, fcrKnown: 3, fcrResolved: 2,
      offeredByChannel: { voice_in: 4, chat: 3 }, answeredByChannel: { voice_in: 3, chat: 1 },
    });
  });

  it('gives the KPIs of the worked example', () => {
    const k = kpisFrom(total);
    expect(k.serviceLevel).toBe(3 / 6); // 0.5
    expect(k.serviceLevelOfOffered).toBe(3 / 7); // 0.428571
    expect(k.serviceLevelExcludingAbandonedWithinT).toBe(3 / 5); // 0.6
    expect(k.asaSeconds).toBe(18.75);
    expect(k.ahtSeconds).toBe(215);
    expect(k.averageTalkSeconds).toBe(180);
    expect(k.averageHoldSeconds).toBe(7.5);
    expect(k.acwSeconds).toBe(27.5);
    expect(k.averageAbandonWaitSeconds).toBe(20);
    expect(k.maxWaitSeconds).toBe(45);
    expect(k.abandonmentRate).toBe(3 / 7);
    expect(k.abandonmentRateExcludingShort).toBe(2 / 6);
    expect(k.firstContactResolution).toBe(2 / 3);
    expect(k.contactsPerChannel).toEqual({ voice_in: { offered: 4, answered: 3 }, chat: { offered: 3, answered: 1 } });
    // No agent-state cells here: agent KPIs have no data.
    expect([k.occupancy, k.utilization, k.loggedInShrinkage]).toEqual([null, null, null]);
  });

  it('rolls up by agent: a1 answered c1 and c5', () => {
    const a1 = kpisFrom(kpiRollUp(cells, (c) => c.agentId).get('a1')!);
    expect(a1.answered).toBe(2);
    expect(a1.ahtSeconds).toBe((250 + 130) / 2); // 190
    expect(a1.asaSeconds).toBe(12.5);
  });

  it('uses the inclusive T and the exclusive short-abandon threshold', () => {
    // c6 waited exactly 20 s: within T. A 5 s abandon is not short, a 4.999 s one is.
    const at = jan15('11:00:00');
    const c = (ms: number) => kpiContactCell({ contactId: 'x', queueId: 'support', channel: 'chat', offeredAt: at, abandonedAt: at + ms }, options).aggregate.shortAbandoned;
    expect([c(4999), c(5000)]).toEqual([1, 0]);
    expect(kpiContactCell(exampleA[4]!, options).aggregate.answeredWithinT).toBe(1);
  });

  it('applies per-queue thresholds', () => {
    const strict = { ...options, queueThresholds: { support: { serviceLevelSeconds: 10 } } };
    const k = kpisFrom(mergeKpiAggregates(...kpiContactCells(exampleA, strict).map((c) => c.aggregate)));
    expect(k.answeredWithinT).toBe(1); // only c1 (10 s)
    expect(k.serviceLevel).toBe(1 / 6);
  });

  it('counts a contact neither answered nor abandoned as offered only', () => {
    const a = kpiContactCell({ contactId: 'd', queueId: 'q', channel: 'email', offeredAt: 0 }, options).aggregate;
    expect(a).toMatchObject({ offered: 1, answered: 0, abandoned: 0, maxWaitSeconds: 0 });
  });

  it('refuses impossible records', () => {
    const base = { contactId: 'bad', queueId: 'q', channel: 'chat', offeredAt: jan15('10:00:00') };
    expect(() => kpiContactCell({ ...base, answeredAt: jan15('10:00:01'), abandonedAt: jan15('10:00:02') }, options)).toThrow(RangeError);
    expect(() => kpiContactCell({ ...base, answeredAt: jan15('09:59:59') }, options)).toThrow(/before it was offered/);
    expect(() => kpiContactCell({ ...base, abandonedAt: jan15('10:00:02'), talkSeconds: 5 }, options)).toThrow(/without being answered/);
    expect(() => kpiContactCell({ ...base, answeredAt: jan15('10:00:02'), holdSeconds: -1 }, options)).toThrow(RangeError);
  });
});
