// Starts the schedule optimiser in a worker thread and resolves with its result.
import { Worker } from 'node:worker_threads';
import type { ScheduleProblem, ScheduleResult } from '@linia/engine';

const entry = new URL('./optimiseWorker.mjs', import.meta.url);

export function optimiseInWorker(problem: ScheduleProblem): Promise<ScheduleResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: problem });
    worker.once('message', (m: { ok: true; result: ScheduleResult } | { ok: false; error: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.result);
      else reject(new Error(m.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the optimiser stopped (exit ${code})`)));
  });
}
