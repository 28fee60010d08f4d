// Puts a scenario's virtual agents into a running tenant through the admin API: each scenario
// agent becomes a user `sim-<agent id>` (created if missing, its password reset to a fresh one
// if present — users named sim-… belong to the simulator) with an ACD agent record carrying the
// scenario's skills, queues and capacity. Queues are not created: each scenario queue is mapped
// to one of the tenant's queues (by `queueMap`, else by a queue whose name or id equals the
// scenario's queue id), and routes with that queue's own configuration.
import { randomBytes } from 'node:crypto';
import type { AgentGroup, Scenario } from '@linia/engine';
import { ApiClient, listAll } from './client.ts';

export interface LiveAgent {
  /** The scenario's name of the agent (`${idPrefix}${n}`). */
  id: string;
  group: AgentGroup;
  login: string;
  password: string;
  userId: string;
}

export interface LiveSetup {
  /** Scenario queue id → the tenant's queue id. */
  queues: Map<string, string>;
  /** Scenario skill code → the tenant's skill id. */
  skills: Map<string, string>;
  agents: LiveAgent[];
}

/** The login of a scenario agent: lower case, only the characters a login may have. */
export const simLogin = (agentId: string) => `sim-${agentId.toLowerCase().replace(/[^a-z0-9._@-]/g, '-')}`.slice(0, 64);

/** Runs `work` over `items` with at most `n` at once (sign-ups hash passwords: keep the server answering). */
export async function inPool<T, R>(items: readonly T[], n: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}

export async function setUpTenant(admin: ApiClient, scenario: Scenario, queueMap: Record<string, string> = {}): Promise<LiveSetup> {
  const tenantQueues = await listAll<{ id: string; name: string; active: boolean }>(admin, '/acd/queues');
  const queues = new Map<string, string>();
  for (const q of scenario.queues) {
    const want = queueMap[q.id] ?? q.id;
    const found = tenantQueues.find((t) => t.id === want || t.name === want);
    if (!found) throw new Error(`scenario queue ${q.id}: no queue named or numbered "${want}" on the server (known: ${tenantQueues.map((t) => t.name).join(', ')}); map it with --queue ${q.id}=NAME`);
    queues.set(q.id, found.id);
  }

  const skills = new Map((await listAll<{ id: string; code: string }>(admin, '/acd/skills')).map((s) => [s.code, s.id]));
  const wanted = new Set([...scenario.agents.flatMap((g) => Object.keys(g.skills)), ...scenario.arrivals.flatMap((a) => (a.skills ?? []).map((s) => s.skill))]);
  for (const code of wanted) {
    if (skills.has(code)) continue;
    const created = await admin.call<{ id: string }>('POST', '/acd/skills', { code, name: code });
    skills.set(code, created.id);
  }

  const todo = scenario.agents.flatMap((group) => Array.from({ length: group.count }, (_, i) => ({ group, id: `${group.idPrefix}${i + 1}` })));
  const agents = await inPool(todo, 8, async ({ group, id }): Promise<LiveAgent> => {
    const login = simLogin(id);
    const password = randomBytes(12).toString('base64url');
    const found = (await admin.call<{ items: { id: string; login: string }[] }>('GET', `/users?q=${encodeURIComponent(login)}&limit=50`)).items.find((u) => u.login === login);
    const userId = found
      ? (await admin.call<{ id: string }>('PATCH', `/users/${found.id}`, { password, active: true, role: 'operator' })).id
      : (await admin.call<{ id: string }>('POST', '/users', { login, name: `Sim ${id}`, role: 'operator', password })).id;
    const record = {
      skills: Object.fromEntries(Object.entries(group.skills).map(([code, level]) => [skills.get(code)!, level])),
      queueIds: group.queues.map((q) => queues.get(q)!),
      capacity: group.capacity ?? {},
    };
    const [existing] = (await admin.call<{ items: { id: string }[] }>('GET', `/acd/agents?userId=${userId}`)).items;
    if (existing) await admin.call('PATCH', `/acd/agents/${existing.id}`, record);
    else await admin.call('POST', '/acd/agents', { userId, ...record });
    return { id, group, login, password, userId };
  });
  return { queues, skills, agents };
}
