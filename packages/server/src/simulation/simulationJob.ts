// Runs in a worker thread (simulationWorker.mjs): one checked scenario in, the engine-only
// simulation's result out — the same `runSimulation` the CLI calls, off the request thread.
import { parentPort, workerData } from 'node:worker_threads';
import { runSimulation, type Scenario } from '@linia/engine';

try {
  parentPort!.postMessage({ ok: true, result: runSimulation(workerData as Scenario) });
} catch (err) {
  parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
