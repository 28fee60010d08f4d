// docs/KPI.md § Live view: the wallboard at 10:20:00.
import { describe, expect, it } from 'vitest';
import { kpiLiveView } from '../../src/kpi/index.ts';
import { jan15 } from './fixtures.ts';

describe('kpiLiveView', () => {
  it('counts waiting contacts and agents by state with time in state', () => {
    const v = kpiLiveView(
      jan15('10:20:00'),
      [
        { contactId: 'w1', queueId: 'support', since: jan15('10:19:00') },
        { contactId: 'w2', queueId: 'support', since: jan15('10:19:30') },
        { contactId: 'w3', queueId: 'sales', since: jan15('10:18:00') },
      ],
      [
        { agentId: 'a1', state: 'ready', since: jan15('10:17:15') },
        { agentId: 'a2', state: 'onContact', since: jan15('10:18:00') },
        { agentId: 'a3', state: 'notReady', reason: 'lunch', since: jan15('10:00:00') },
        { agentId: 'a4', state: 'notReady', reason: 'break', since: jan15('10:15:00') },
        { agentId: 'a5', state: 'offline', since: jan15('08:00:00') },
      ],
    );
    expect(v.waiting).toBe(3);
    expect(v.longestWaitSeconds).toBe(120);
    expect(v.queues).toEqual({ support: { waiting: 2, longestWaitSeconds: 60 }, sales: { waiting: 1, longestWaitSeconds: 120 } });
    expect(v.agentsByState).toEqual({ offline: 1, ready: 1, notReady: 2, onContact: 1, wrapUp: 0 });
    expect(v.notReadyByReason).toEqual({ lunch: 1, break: 1 });
    expect(v.agents.map((a) => [a.agentId, a.state, a.reason, a.timeInStateSeconds])).toEqual([
      ['a5', 'offline', null, 8400],
      ['a1', 'ready', null, 165],
      ['a3', 'notReady', 'lunch', 1200],
      ['a4', 'notReady', 'break', 300],
      ['a2', 'onContact', null, 120],
    ]);
  });

  it('is empty with nobody waiting, and never negative for a future timestamp', () => {
    const v = kpiLiveView(1000, [], [{ agentId: 'a', state: 'ready', since: 1500 }]);
    expect([v.waiting, v.longestWaitSeconds]).toEqual([0, null]);
    expect(v.agents[0]!.timeInStateSeconds).toBe(0);
  });
});
