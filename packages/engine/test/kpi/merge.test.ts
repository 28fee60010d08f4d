// Aggregates are additive: any order or grouping of merges gives the same figures as aggregating
// all contacts at once — the property that lets reports skip rescanning contacts.
import { describe, expect, it } from 'vitest';
import { kpiAddCells, kpiContactCell, kpiContactCells, kpiEmptyAggregate, kpiRollUp, mergeKpiAggregates, type KpiCell } from '../../src/kpi/index.ts';
import { exampleA, options } from './fixtures.ts';

describe('mergeKpiAggregates', () => {
  const parts = exampleA.map((c) => kpiContactCell(c, options).aggregate);

  it('is associative and commutative, with the empty aggregate as identity', () => {
    const all = mergeKpiAggregates(...parts);
    const left = mergeKpiAggregates(mergeKpiAggregates(...parts.slice(0, 3)), mergeKpiAggregates(...parts.slice(3)));
    const reversed = mergeKpiAggregates(...[...parts].reverse());
    expect(left).toEqual(all);
    expect(reversed).toEqual(all);
    expect(mergeKpiAggregates(all, kpiEmptyAggregate())).toEqual(all);
    expect(mergeKpiAggregates()).toEqual(kpiEmptyAggregate());
  });

  it('does not change its inputs', () => {
    const before = structuredClone(parts);
    mergeKpiAggregates(...parts);
    expect(parts).toEqual(before);
  });

  it('adding contacts one by one (as they end) equals the batch', () => {
    const store = new Map<string, KpiCell>();
    for (const c of exampleA) kpiAddCells(store, [kpiContactCell(c, options)]);
    const byKey = (cells: Iterable<KpiCell>) => kpiRollUp(cells, (c) => `${c.channel}|${c.agentId}`);
    expect(byKey(store.values())).toEqual(byKey(kpiContactCells(exampleA, options)));
  });

  it('rolls up by queue and hotline', () => {
    const cells = kpiContactCells(exampleA, options);
    expect(kpiRollUp(cells, (c) => c.queueId).get('support')!.offered).toBe(7);
    expect(kpiRollUp(cells, (c) => c.hotlineId).get('h1')!.answered).toBe(4);
    expect(kpiRollUp(cells, () => null).size).toBe(0);
  });
});
