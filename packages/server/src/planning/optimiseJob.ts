// Runs in a worker thread (optimiseWorker.mjs): one schedule problem in, the optimiser's result out.
// The optimiser takes seconds to minutes of CPU; off the request thread the server keeps answering.
import { parentPort, workerData } from 'node:worker_threads';
import { optimiseSchedule, type ScheduleProblem } from '@linia/engine';

const problem = workerData as ScheduleProblem;
optimiseSchedule(problem).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (err: unknown) => parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
);
