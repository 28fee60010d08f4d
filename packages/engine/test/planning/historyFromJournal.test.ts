import { describe, expect, it } from 'vitest';
import { historyFromKpiCells, kpiEmptyAggregate, type KpiAggregate, type KpiCell } from '../../src/index.ts';

const MSK = 'Europe/Moscow'; // UTC+3, no DST

function cell(utc: string, fill: Partial<KpiAggregate>, extra: Partial<KpiCell> = {}): KpiCell {
  return { intervalStart: Date.parse(utc), queueId: 'q1', hotlineId: 'h1', channel: 'voice_in', agentId: null, aggregate: { ...kpiEmptyAggregate(), ...fill }, ...extra };
}

describe('planning history from the journal\'s KPI cells', () => {
  it('adds the quarters of a half hour, and two queues of the hotline, in local time', () => {
    const rows = historyFromKpiCells([
      // 10:00 and 10:15 Moscow = 07:00 and 07:15 UTC → the 10:00 half hour
      cell('2026-11-23T07:00:00Z', { offered: 10, answered: 9, abandoned: 1, answeredWithinT: 8, talkSeconds: 1500, holdSeconds: 60, wrapUpSeconds: 240 }),
      cell('2026-11-23T07:15:00Z', { offered: 6, answered: 6, answeredWithinT: 6, talkSeconds: 900, wrapUpSeconds: 120 }, { agentId: 'a1' }),
      cell('2026-11-23T07:15:00Z', { offered: 4, answered: 3, abandoned: 1, answeredWithinT: 2, talkSeconds: 450 }, { queueId: 'q2' }),
      // 10:30 → the next half hour
      cell('2026-11-23T07:30:00Z', { offered: 2, answered: 2, answeredWithinT: 2, talkSeconds: 200 }),
      // an agent's state time only: no contacts, no row
      cell('2026-11-23T08:00:00Z', { readySeconds: 900 } as Partial<KpiAggregate>, { queueId: null, agentId: 'a1' }),
    ], MSK, 30);
    expect(rows).toEqual([
      { intervalStart: '2026-11-23T10:00', offered: 20, handled: 18, abandoned: 2, handleSeconds: 3270, answeredWithinT: 16 },
      { intervalStart: '2026-11-23T10:30', offered: 2, handled: 2, abandoned: 0, handleSeconds: 200, answeredWithinT: 2 },
    ]);
  });

  it('an hour-long planning interval takes all four quarters', () => {
    const rows = historyFromKpiCells(
      ['06:00', '06:15', '06:30', '06:45', '07:00'].map((h) => cell(`2026-11-23T${h}:00Z`, { offered: 1, answered: 1, talkSeconds: 100 })),
      MSK,
      60,
    );
    expect(rows.map((r) => [r.intervalStart, r.offered])).toEqual([['2026-11-23T09:00', 4], ['2026-11-23T10:00', 1]]);
  });

  it('the autumn DST night: both 02:00 hours share one local name and are added', () => {
    // Berlin, 25 Oct 2026: 02:00–03:00 happens twice (00:00 UTC at +02:00, then 01:00 UTC at +01:00)
    const rows = historyFromKpiCells(
      [cell('2026-10-25T00:00:00Z', { offered: 3, answered: 3 }), cell('2026-10-25T01:00:00Z', { offered: 5, answered: 5 })],
      'Europe/Berlin',
      60,
    );
    expect(rows).toEqual([{ intervalStart: '2026-10-25T02:00', offered: 8, handled: 8, abandoned: 0, handleSeconds: 0, answeredWithinT: 0 }]);
  });
});
