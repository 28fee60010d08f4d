import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { asSystem } from '../db/index.ts';
import type { AppContext } from '../http/context.ts';
import { principalOf } from '../http/guard.ts';
import { conflict, HttpProblem } from '../http/problem.ts';
import { DEMO_TENANT } from '../demo/demoCenter.ts';
import { tenants } from '../tenants/schema.ts';
import { liveStatusOut, simulationExamplesOut, simulationRunOut } from './contracts.ts';
import { DemoLive } from './demoLive.ts';
import { checkScenario } from './check.ts';
import { simulateInWorker, SimulationTimeout } from './runner.ts';
import { scenarioSchema } from './scenarioSchema.ts';

const tags = ['simulation'];
/** The example scenarios shipped in the repository (examples/simulation/*.json). */
const EXAMPLES = new URL('../../../../examples/simulation/', import.meta.url);

function examples(): { name: string; scenario: unknown }[] {
  try {
    return readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ name: f.replace(/\.json$/, ''), scenario: JSON.parse(readFileSync(new URL(f, EXAMPLES), 'utf8')) as unknown }));
  } catch {
    return []; // an installation without the examples folder simply offers none
  }
}

export interface SimulationLimits {
  /** Longest a run may take before its worker is stopped (LINIA_SIMULATION_SECONDS, default 60). */
  timeLimitMs: number;
  /** Runs at once on this node: each takes a CPU core. */
  concurrent: number;
}

export function simulationLimits(env: NodeJS.ProcessEnv = process.env): SimulationLimits {
  const s = Number(env.LINIA_SIMULATION_SECONDS ?? 60);
  return { timeLimitMs: (Number.isFinite(s) && s > 0 ? s : 60) * 1000, concurrent: 2 };
}

/**
 * The Simulation screen's backend (SPEC R6): a scenario in, the engine-only simulation's result
 * out — the same schema and the same `runSimulation` as `linia simulate` (checkScenario,
 * simulationJob.ts), in a worker thread with a time limit so the server keeps answering.
 * The body is the scenario itself, so a wrong field comes back named by its path
 * (`body.queues.0.strategy`), as the CLI names it (`queues.0.strategy`).
 */
export function simulationRoutes(root: FastifyInstance, ctx: AppContext, limits: SimulationLimits = simulationLimits()) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  let running = 0;

  app.get('/api/v1/simulation/examples', {
    config: { permission: 'simulation.run' },
    schema: { tags, response: { 200: simulationExamplesOut } },
  }, async () => ({ items: examples() }));

  app.post('/api/v1/simulation/runs', {
    config: { permission: 'simulation.run' },
    bodyLimit: 2 * 1024 * 1024,
    schema: { tags, body: scenarioSchema, response: { 200: simulationRunOut } },
  }, async (req) => {
    const checked = checkScenario(req.body);
    if ('problems' in checked) {
      throw new HttpProblem(400, checked.problems.join('; '), checked.problems.map((message) => ({ field: 'body', message })));
    }
    if (running >= limits.concurrent) throw new HttpProblem(503, 'Other simulations are running; try again shortly', undefined, { 'retry-after': '5' });
    running++;
    const started = performance.now();
    try {
      const result = await simulateInWorker(checked.scenario, limits.timeLimitMs);
      return { result, elapsedMs: Math.round(performance.now() - started) };
    } catch (e) {
      if (e instanceof SimulationTimeout) throw new HttpProblem(422, `${e.message}: shorten the day or use fewer agents`);
      throw e;
    } finally {
      running--;
    }
  });

  // ── live on the demo center: the live simulator driving this very server (demoLive.ts) ──
  const demoLive = new DemoLive(ctx.db, (match) => ctx.revocation.revoke(match));
  root.addHook('onClose', async () => demoLive.close());
  const demoOnly = async (tenantId: string) => {
    const [t] = await asSystem(ctx.db, (tx) => tx.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId)));
    if (t?.slug !== DEMO_TENANT.slug) throw conflict('tenant', 'a live run drives real users and contacts: it runs on the demo center only');
  };

  app.get('/api/v1/simulation/live', {
    config: { permission: 'simulation.run' },
    schema: { tags, response: { 200: liveStatusOut } },
  }, async (req) => {
    await demoOnly(principalOf(req).tenantId);
    return demoLive.status();
  });

  app.post('/api/v1/simulation/live', {
    config: { permission: 'simulation.run' },
    schema: { tags, response: { 202: liveStatusOut } },
  }, async (req, reply) => {
    await demoOnly(principalOf(req).tenantId);
    const address = root.server.address() as AddressInfo | null;
    if (!address || typeof address !== 'object') throw new HttpProblem(503, 'The server is not listening on a port');
    if (!(await demoLive.start(principalOf(req).tenantId, address))) throw conflict('live', 'a live run is already going');
    return reply.code(202).send(demoLive.status());
  });

  app.delete('/api/v1/simulation/live', {
    config: { permission: 'simulation.run' },
    schema: { tags, response: { 204: z.null() } },
  }, async (req, reply) => {
    await demoOnly(principalOf(req).tenantId);
    demoLive.stop();
    return reply.code(204).send(null);
  });
}
