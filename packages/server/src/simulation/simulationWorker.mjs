// Worker-thread entry of the simulator: a worker does not inherit the parent's tsx loader, so it
// registers tsx itself before loading the job.
import { register } from 'tsx/esm/api';

register();
await import('./simulationJob.ts');
