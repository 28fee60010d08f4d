// "Run live on the demo center" (the Simulation screen): the live simulator started by the
// server against itself, on the demo tenant only, so a newcomer sees the wallboard move. It is
// the same driver as `linia simulate --live` (live/run.ts) through the same public API: the
// server issues itself a short-lived admin API token of the demo tenant for the run and revokes
// it when the run ends. One live run per node at a time.
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Scenario } from '@linia/engine';
import { withTenant, type Database } from '../db/index.ts';
import { apiTokens } from '../auth/schema.ts';
import { newApiTokenSecret } from '../auth/service.ts';
import { checkScenario } from './check.ts';
import { startLive, type LiveRun } from './live/run.ts';
import type { LiveResult } from './live/metrics.ts';

/** The demo center's day: its queues by name, a few virtual agents per line (examples/simulation/demo-center.json). */
const DEMO_SCENARIO = new URL('../../../../examples/simulation/demo-center.json', import.meta.url);
/** Simulated seconds per real second: a 15-minute interval passes in three minutes. */
export const DEMO_SPEED = 5;

export function demoScenario(): Scenario {
  const checked = checkScenario(JSON.parse(readFileSync(DEMO_SCENARIO, 'utf8')));
  if ('problems' in checked) throw new Error(`demo-center.json: ${checked.problems.join('; ')}`);
  return checked.scenario;
}

export interface DemoLiveStatus {
  running: boolean;
  startedAt: string | null;
  speed: number;
  result: LiveResult | null;
  error: string | null;
}

export class DemoLive {
  private run: LiveRun | null = null;
  private startedAt: Date | null = null;
  private last: LiveResult | null = null;
  private error: string | null = null;

  /** `revoke`: tells every node's sign-in cache the run's token is gone (auth/revocation.ts). */
  constructor(
    private readonly db: Database,
    private readonly revoke: (match: { tenantId: string; tokenId: string }) => Promise<void>,
  ) {}

  status(): DemoLiveStatus {
    return {
      running: this.run !== null,
      startedAt: this.startedAt?.toISOString() ?? null,
      speed: DEMO_SPEED,
      result: this.run?.progress() ?? this.last,
      error: this.error,
    };
  }

  /** Starts a run on the demo tenant against this server's own address; false if one is running. */
  async start(tenantId: string, address: AddressInfo): Promise<boolean> {
    if (this.run) return false;
    const scope = { tenantId, clientId: null, actor: { kind: 'system' as const, id: null, name: 'live simulation' } };
    const { secret, hash } = newApiTokenSecret();
    const [row] = await withTenant(this.db, scope, (tx) => tx.insert(apiTokens).values({ name: 'live simulation (demo center)', role: 'admin', secretHash: hash }).returning());
    const host = address.address === '::' || address.address === '0.0.0.0' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const run = startLive(demoScenario(), { url: `http://${host}:${address.port}`, token: secret(row!.id), speed: DEMO_SPEED });
    this.run = run;
    this.startedAt = new Date();
    this.last = null;
    this.error = null;
    void run.done
      .then(
        (r) => void (this.last = r),
        (e: unknown) => void (this.error = e instanceof Error ? e.message : String(e)),
      )
      .finally(async () => {
        this.last ??= run.progress();
        this.run = null;
        await withTenant(this.db, scope, (tx) => tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, row!.id))).catch(() => {});
        await this.revoke({ tenantId, tokenId: row!.id }).catch(() => {});
      });
    return true;
  }

  stop(): void {
    this.run?.stop();
  }

  /** With the app: stop and wait for the agents to sign off. */
  async close(): Promise<void> {
    const run = this.run;
    if (!run) return;
    run.stop();
    await run.done.catch(() => {});
  }
}
