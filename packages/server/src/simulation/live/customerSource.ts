// The virtual customers of a live run: per arrival stream a Poisson process, piecewise constant
// per interval (as in the engine-only simulator), on the run's clock. Each arrival is a real
// POST /api/v1/acd/arrivals; a customer whose patience runs out before being answered hangs up
// (POST /api/v1/acd/contacts/:id/abandon).
import { exponential, sample, type ArrivalStream, type Random, type Scenario } from '@linia/engine';
import { ApiError, type ApiClient } from './client.ts';
import type { LiveMetrics } from './metrics.ts';
import type { SimScheduler } from './scheduler.ts';
import type { LiveSetup } from './setup.ts';

export function startCustomers(scenario: Scenario, admin: ApiClient, setup: LiveSetup, metrics: LiveMetrics, sched: SimScheduler, r: Random): void {
  const intervalMs = scenario.intervalSeconds * 1000;
  const horizonMs = scenario.intervals * intervalMs;

  const next = (stream: ArrivalStream, from: number) => {
    let t = from;
    while (t < horizonMs) {
      const k = Math.floor(t / intervalMs);
      const calls = typeof stream.callsPerInterval === 'number' ? stream.callsPerInterval : (stream.callsPerInterval[k] ?? 0);
      const end = (k + 1) * intervalMs;
      if (calls > 0) {
        const at = t + exponential(r, intervalMs / calls);
        if (at < end) {
          sched.at(at, () => {
            next(stream, at);
            return arrive(stream);
          });
          return;
        }
      }
      t = end;
    }
  };

  const arrive = async (stream: ArrivalStream) => {
    const body = {
      queueId: setup.queues.get(stream.queueId)!,
      ...(stream.priority !== undefined ? { priority: stream.priority } : {}),
      ...(stream.skills ? { skills: stream.skills.map((s) => ({ skillId: setup.skills.get(s.skill)!, min: s.min })) } : {}),
    };
    const sentAt = performance.now();
    const { contactId } = await admin.call<{ contactId: string }>('POST', '/acd/arrivals', body);
    metrics.arrived(contactId, sentAt, stream);
    if (stream.patience === undefined) return;
    sched.after(sample(r, stream.patience) * 1000, async () => {
      if (metrics.isAnswered(contactId) || !metrics.isOpen(contactId)) return;
      try {
        await admin.call('POST', `/acd/contacts/${contactId}/abandon`);
        metrics.abandoned(contactId);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status >= 500) throw e;
        metrics.refused++; // answered in the same instant: the server decided
      }
    });
  };

  for (const stream of scenario.arrivals) next(stream, 0);
}
