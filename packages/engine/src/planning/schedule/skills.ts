// Multi-skill schedules. The optimiser covers one requirement curve; a schedule for several queues at
// once is given the **sum** of the queues' requirements and every employee skilled for at least one of
// them (full pooling: as if anyone present could take any of the queues' calls). That is exact when every
// employee has every skill and optimistic otherwise, so the result is measured skill by skill afterwards:
// in each interval the present employees are matched to the queues they are skilled for by a maximum flow
// (source → skill-set class, capacity = heads of the class present; class → each queue it serves;
// queue → sink, capacity = the queue's requirement). The flow is the most of the requirement those
// people can cover when each serves one queue at a time; the rest is unmet. The total unmet is exact; its
// split between queues is one of the optimal ones (queues are filled in the order given).

export interface SkilledPresence {
  skills: readonly string[];
  /** Heads present per interval (0/1 for one employee, or counts for a group). */
  presence: readonly number[];
}

export interface SkillCoverage {
  queue: string;
  required: number;
  /** Interval-heads of the requirement covered by skilled people / left unmet. */
  covered: number;
  unmet: number;
  /** Unmet per interval. */
  unmetByInterval: number[];
}

/** Maximum flow by augmenting paths (Edmonds–Karp) on a small dense graph. */
function maxFlow(cap: number[][], s: number, t: number): number[][] {
  const n = cap.length;
  const flow = cap.map((row) => row.map(() => 0));
  for (;;) {
    const prev = new Array<number>(n).fill(-1);
    prev[s] = s;
    const queue = [s];
    while (queue.length && prev[t] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v++) if (prev[v] === -1 && cap[u]![v]! - flow[u]![v]! > 1e-9) { prev[v] = u; queue.push(v); }
    }
    if (prev[t] === -1) return flow;
    let push = Infinity;
    for (let v = t; v !== s; v = prev[v]!) push = Math.min(push, cap[prev[v]!]![v]! - flow[prev[v]!]![v]!);
    for (let v = t; v !== s; v = prev[v]!) { flow[prev[v]!]![v]! += push; flow[v]![prev[v]!]! -= push; }
  }
}

/** Per queue, how much of its requirement the present skilled people can cover (see the header). */
export function skillCoverage(requirements: Readonly<Record<string, readonly number[]>>, people: readonly SkilledPresence[]): SkillCoverage[] {
  const queues = Object.keys(requirements);
  const size = Math.max(0, ...queues.map((q) => requirements[q]!.length));
  // employees with the same skills (among these queues) form one class
  const classes = new Map<string, { serves: number[]; presence: number[] }>();
  for (const p of people) {
    const serves = queues.map((q, i) => (p.skills.includes(q) ? i : -1)).filter((i) => i >= 0);
    if (!serves.length) continue;
    const key = serves.join(',');
    let c = classes.get(key);
    if (!c) classes.set(key, (c = { serves, presence: new Array<number>(size).fill(0) }));
    for (let t = 0; t < size; t++) c.presence[t]! += p.presence[t] ?? 0;
  }
  const cls = [...classes.values()];
  const out = queues.map((queue) => ({ queue, required: 0, covered: 0, unmet: 0, unmetByInterval: new Array<number>(size).fill(0) }));
  // nodes: 0 source, 1..C classes, C+1..C+Q queues, C+Q+1 sink
  const C = cls.length;
  const Q = queues.length;
  const sink = C + Q + 1;
  for (let t = 0; t < size; t++) {
    const cap = Array.from({ length: sink + 1 }, () => new Array<number>(sink + 1).fill(0));
    cls.forEach((c, k) => {
      cap[0]![1 + k] = c.presence[t]!;
      for (const q of c.serves) cap[1 + k]![1 + C + q] = Infinity;
    });
    queues.forEach((q, i) => (cap[1 + C + i]![sink] = requirements[q]![t] ?? 0));
    const flow = maxFlow(cap, 0, sink);
    queues.forEach((q, i) => {
      const r = requirements[q]![t] ?? 0;
      const got = flow[1 + C + i]![sink]!;
      out[i]!.required += r;
      out[i]!.covered += got;
      out[i]!.unmet += r - got;
      out[i]!.unmetByInterval[t] = r - got;
    });
  }
  return out;
}

/** The pooled requirement of several queues: their per-interval sum. */
export function pooledRequirement(requirements: Readonly<Record<string, readonly number[]>>): number[] {
  const size = Math.max(0, ...Object.values(requirements).map((r) => r.length));
  const out = new Array<number>(size).fill(0);
  for (const r of Object.values(requirements)) r.forEach((v, t) => (out[t]! += v));
  return out;
}
