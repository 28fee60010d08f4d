// Sampling plans (SPEC Q2, issue 6): N contacts per agent per period, random or stratified by
// channel, topic, length band, CSAT band and outcome, skipping contacts already evaluated.
// Reproducible: the sample is a function of the seed and the contacts (see sampleKey.ts).
import { allocateEqual, allocateProportional } from './allocate.ts';
import { qualitySampleKey } from './sampleKey.ts';

export interface QualitySampleContact {
  id: string;
  agentId: string;
  /** When the contact ended (ms); the plan's period is [from, to). */
  at: number;
  channel: string;
  topicId?: string | null;
  durationSeconds?: number | null;
  /** CSAT answer 1–5, if any. */
  csat?: number | null;
  outcome?: string | null;
}

export const QUALITY_STRATA = ['channel', 'topic', 'length', 'csat', 'outcome'] as const;
export type QualityStratum = (typeof QUALITY_STRATA)[number];

export interface QualitySamplingPlan {
  perAgent: number;
  from: number;
  to: number;
  seed: number;
  /** Empty or absent: simple random sampling per agent. */
  strata?: QualityStratum[];
  /** How N is split over an agent's strata (default proportional). */
  allocation?: 'proportional' | 'equal';
  /** Upper bounds of length bands in seconds (default [180, 600]: ≤3 min, ≤10 min, longer). */
  lengthBandsSeconds?: number[];
  /** Only these agents (default: every agent with contacts). */
  agentIds?: readonly string[];
}

export interface QualitySampled {
  contactId: string;
  agentId: string;
  /** The stratum the contact was drawn from, e.g. `channel=chat|csat=1-3`; '' when unstratified. */
  stratum: string;
}

const DEFAULT_LENGTH_BANDS = [180, 600];

function lengthBand(seconds: number | null | undefined, bands: readonly number[]): string {
  if (seconds === null || seconds === undefined) return 'unknown';
  const i = bands.findIndex((b) => seconds <= b);
  return i < 0 ? `>${bands[bands.length - 1]}` : `≤${bands[i]}`;
}

/** CSAT bands: 1–3 (unsatisfied or neutral), 4–5 (satisfied, as CSAT counts), none. */
const csatBand = (v: number | null | undefined): string => (v === null || v === undefined ? 'none' : v >= 4 ? '4-5' : '1-3');

function stratumOf(c: QualitySampleContact, strata: readonly QualityStratum[], bands: readonly number[]): string {
  let key = '';
  for (const s of strata) {
    const v = s === 'channel' ? c.channel : s === 'topic' ? (c.topicId ?? 'none') : s === 'length' ? lengthBand(c.durationSeconds, bands) : s === 'csat' ? csatBand(c.csat) : (c.outcome ?? 'none');
    key += key ? `|${s}=${v}` : `${s}=${v}`;
  }
  return key;
}

/** The `limit` contacts with the smallest keys seen so far, plus how many were seen. */
interface Bucket {
  seen: number;
  keys: number[];
  ids: string[];
}

function keep(b: Bucket, key: number, id: string, limit: number): void {
  b.seen++;
  const n = b.keys.length;
  if (n === limit && key >= b.keys[n - 1]!) return;
  let i = n;
  while (i > 0 && (b.keys[i - 1]! > key || (b.keys[i - 1] === key && b.ids[i - 1]! > id))) i--;
  b.keys.splice(i, 0, key);
  b.ids.splice(i, 0, id);
  if (b.keys.length > limit) {
    b.keys.pop();
    b.ids.pop();
  }
}

/** Draws the plan's sample. Output is ordered by agent, stratum, key. */
export function sampleQualityContacts(contacts: Iterable<QualitySampleContact>, plan: QualitySamplingPlan, evaluated: ReadonlySet<string> = new Set()): QualitySampled[] {
  const limit = Math.max(0, Math.floor(plan.perAgent));
  const strata = plan.strata ?? [];
  const bands = plan.lengthBandsSeconds ?? DEFAULT_LENGTH_BANDS;
  const agents = plan.agentIds ? new Set(plan.agentIds) : null;
  const byAgent = new Map<string, Map<string, Bucket>>();
  if (limit === 0) return [];
  for (const c of contacts) {
    if (c.at < plan.from || c.at >= plan.to || evaluated.has(c.id) || (agents && !agents.has(c.agentId))) continue;
    let buckets = byAgent.get(c.agentId);
    if (!buckets) byAgent.set(c.agentId, (buckets = new Map()));
    const s = strata.length ? stratumOf(c, strata, bands) : '';
    let b = buckets.get(s);
    if (!b) buckets.set(s, (b = { seen: 0, keys: [], ids: [] }));
    keep(b, qualitySampleKey(plan.seed, c.id), c.id, limit);
  }
  const out: QualitySampled[] = [];
  for (const agentId of [...byAgent.keys()].sort()) {
    const buckets = [...byAgent.get(agentId)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sizes = buckets.map(([, b]) => b.seen);
    const counts = plan.allocation === 'equal' ? allocateEqual(limit, sizes) : allocateProportional(limit, sizes);
    buckets.forEach(([stratum, b], i) => {
      for (let k = 0; k < counts[i]!; k++) out.push({ contactId: b.ids[k]!, agentId, stratum });
    });
  }
  return out;
}
