// Starts an engine-only simulation in a worker thread, with a time limit: a day of a large
// center takes seconds of CPU, and a huge scenario must not hold a server thread or run forever.
import { Worker } from 'node:worker_threads';
import type { Scenario, SimulationResult } from '@linia/engine';

const entry = new URL('./simulationWorker.mjs', import.meta.url);

export class SimulationTimeout extends Error {}

export function simulateInWorker(scenario: Scenario, timeLimitMs: number): Promise<SimulationResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: scenario });
    let settled = false;
    const settle = (work: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      work();
    };
    const timer = setTimeout(() => settle(() => reject(new SimulationTimeout(`the simulation took longer than ${timeLimitMs / 1000} s`))), timeLimitMs);
    worker.once('message', (m: { ok: true; result: SimulationResult } | { ok: false; error: string }) =>
      settle(() => (m.ok ? resolve(m.result) : reject(new Error(m.error)))),
    );
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the simulation stopped (exit ${code})`))));
  });
}
