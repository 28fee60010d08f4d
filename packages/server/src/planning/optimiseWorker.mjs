// Worker-thread entry of the schedule optimiser: the server is TypeScript run through tsx, and a worker
// does not inherit the parent's loader, so it registers tsx itself before loading the job.
import { register } from 'tsx/esm/api';

register();
await import('./optimiseJob.ts');
