import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { deliveredStatus, retryDelayMs } from '@linia/engine';
import type { FastifyBaseLogger } from 'fastify';
import { asSystem, sqlRows, type Database } from '../db/index.ts';
import { signedHeaders } from './signature.ts';

export interface DispatcherOptions {
  /** How often due deliveries are looked for. */
  pollMs: number;
  /** Deliveries sent at once per round. */
  batch: number;
  /** A receiver that has not answered by then has failed this attempt. */
  timeoutMs: number;
  /** Delivered and failed rows older than this are removed. */
  keepMs: number;
}

export const DEFAULT_DISPATCH: DispatcherOptions = { pollMs: 1_000, batch: 20, timeoutMs: 10_000, keepMs: 30 * 86_400_000 };

interface Claimed {
  id: string;
  attempts: number;
  payload: Record<string, unknown>;
  url: string;
  signing_secret: string;
}

export interface AttemptResult {
  status: number | null;
  error: string | null;
}

/**
 * Sends due webhook deliveries. Every node runs one; a delivery is claimed by moving its
 * `next_attempt_at` past the send timeout under `FOR UPDATE SKIP LOCKED`, so two nodes never
 * send the same attempt, and a node that dies mid-send leaves the row to be picked up again
 * when the claim lapses (delivery is at least once; receivers de-duplicate by `webhook-id`).
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private lastPurge = 0;

  constructor(
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
    private readonly opts: DispatcherOptions = DEFAULT_DISPATCH,
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.runOnce()
        .catch((err: unknown) => this.log.error({ err }, 'webhook dispatch failed'))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, this.opts.pollMs);
        });
    };
    this.timer = setTimeout(tick, this.opts.pollMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round: claim what is due at `now`, send it, record each outcome. Returns how many were sent. */
  async runOnce(now = new Date()): Promise<number> {
    const claimed = await this.claim(now);
    await Promise.all(claimed.map(async (d) => this.record(d, await this.send(d, now), now)));
    if (now.getTime() - this.lastPurge > 3_600_000) await this.purge(now);
    return claimed.length;
  }

  private async claim(now: Date): Promise<Claimed[]> {
    const lease = new Date(now.getTime() + this.opts.timeoutMs * 2);
    return asSystem(this.db, (tx) =>
      sqlRows<Claimed>(tx, sql`
        UPDATE webhook_deliveries d SET next_attempt_at = ${lease.toISOString()}::timestamptz
        FROM webhook_subscriptions s
        WHERE s.id = d.subscription_id AND d.id IN (
          SELECT w.id FROM webhook_deliveries w JOIN webhook_subscriptions ws ON ws.id = w.subscription_id
          WHERE w.status = 'pending' AND w.next_attempt_at <= ${now.toISOString()}::timestamptz AND ws.active
          ORDER BY w.next_attempt_at LIMIT ${this.opts.batch}
          FOR UPDATE OF w SKIP LOCKED)
        RETURNING d.id, d.attempts, d.payload, s.url, s.signing_secret`),
    );
  }

  private async send(d: Claimed, now: Date): Promise<AttemptResult> {
    const body = JSON.stringify(d.payload);
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: signedHeaders(d.signing_secret, d.id, Math.floor(now.getTime() / 1000), body),
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      const text = deliveredStatus(res.status) ? '' : (await res.text().catch(() => '')).slice(0, 500);
      return { status: res.status, error: deliveredStatus(res.status) ? null : `HTTP ${res.status}${text ? `: ${text}` : ''}` };
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return { status: null, error: cause?.code ?? cause?.message ?? (err as Error).message };
    }
  }

  private async record(d: Claimed, result: AttemptResult, now: Date): Promise<void> {
    const attempts = d.attempts + 1;
    const ok = result.status !== null && deliveredStatus(result.status);
    const delay = ok ? null : retryDelayMs(attempts, randomInt(1_000_000) / 1_000_000);
    const status = ok ? 'delivered' : delay === null ? 'failed' : 'pending';
    const next = delay === null ? now : new Date(now.getTime() + delay);
    await asSystem(this.db, (tx) =>
      tx.execute(sql`
        UPDATE webhook_deliveries SET attempts = ${attempts}, status = ${status},
          last_attempt_at = ${now.toISOString()}::timestamptz, last_status = ${result.status}, last_error = ${result.error},
          delivered_at = ${ok ? now.toISOString() : null}::timestamptz, next_attempt_at = ${next.toISOString()}::timestamptz
        WHERE id = ${d.id}`),
    );
    if (!ok) this.log.warn({ deliveryId: d.id, attempts, error: result.error, status }, 'webhook delivery failed');
  }

  private async purge(now: Date): Promise<void> {
    this.lastPurge = now.getTime();
    const before = new Date(now.getTime() - this.opts.keepMs).toISOString();
    await asSystem(this.db, (tx) =>
      tx.execute(sql`DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ${before}::timestamptz`),
    );
  }
}
