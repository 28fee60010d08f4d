// The web chat's message path (docs/CHAT.md): a customer's message sent over HTTP (stored with its
// seq, the transcript's search vector rewritten, the event published) until the agent's WebSocket
// has it — and the agent's reply until the customer's socket has it. One server in this process on
// an embedded PGlite with the demo data; one accepted chat; messages sent one after another.
// No goal in the issue: the figures say what a chat costs. LINIA_BENCH_MESSAGES (default 300).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Benchmark, Metric } from './benchmark.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { eq } from 'drizzle-orm';
import { asSystem, migrate, openDatabase } from '../packages/server/src/db/index.ts';
import { chatWidgets } from '../packages/server/src/chat/schema.ts';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
import { DEMO_WIDGET_KEY } from '../packages/server/src/demo/seedChat.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { InProcessBus } from '../packages/server/src/realtime/bus.ts';
import { quantile } from '../packages/server/src/simulation/live/metrics.ts';

/** Customer messages (each answered by the agent); at most 600, the widest flood limit. */
const MESSAGES = Math.min(600, Number(process.env.LINIA_BENCH_MESSAGES ?? 300));
const round = (x: number | null) => (x === null ? 0 : Math.round(x * 10) / 10);

/** Resolves when `socket` receives a frame `match` accepts. */
function frame(socket: WebSocket, match: (f: Record<string, unknown>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const on = (raw: WebSocket.RawData) => {
      if (match(JSON.parse(String(raw)) as Record<string, unknown>)) {
        socket.off('message', on);
        resolve();
      }
    };
    socket.on('message', on);
  });
}

const bench: Benchmark = {
  name: 'chat-messages',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'linia-chat-bench-'));
    const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
    await migrate(db);
    await seedDemo(db);
    // The flood limit (30 a minute by default) is not what is measured: widen it to the maximum.
    await asSystem(db, (tx) => tx.update(chatWidgets).set({ messagesPerMinute: 600 }).where(eq(chatWidgets.publicKey, DEMO_WIDGET_KEY)));
    const app = await buildApp({ config: loadConfig({ webDist: null, logLevel: 'warn' }), db, bus: new InProcessBus(), logger: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const json = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
        const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
        return { res, body: (await res.json().catch(() => null)) as Record<string, unknown> };
      };
      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'operator1', password: 'linia-demo' }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const started = await json(`/api/v1/chat/widgets/${DEMO_WIDGET_KEY}/chats`, { name: 'Нагрузка', contact: '+79990009999' });
      const token = started.body.token as string;
      const contactId = (started.body.state as { contactId: string }).contactId;
      const ws = (url: string, headers: Record<string, string> = {}) => new Promise<WebSocket>((resolve) => {
        const s = new WebSocket(url, { headers });
        s.once('open', () => resolve(s));
      });
      const agent = await ws(`${base.replace('http', 'ws')}/api/v1/ws`, { cookie });
      const customer = await ws(`${base.replace('http', 'ws')}/api/v1/chat/ws?token=${token}&after=0`);
      await json('/api/v1/acd/me/state', { state: 'ready' }, { cookie });
      await json(`/api/v1/acd/offers/${contactId}/accept`, undefined, { cookie });

      const toAgent: number[] = [];
      const toCustomer: number[] = [];
      const began = performance.now();
      for (let i = 0; i < MESSAGES; i++) {
        const body = `Сообщение клиента ${i}`;
        let t0 = performance.now();
        const heard = frame(agent, (f) => (f.event as { data?: { message?: { body?: string } } } | undefined)?.data?.message?.body === body);
        await json('/api/v1/chat/session/messages', { body }, { 'x-chat-token': token });
        await heard;
        toAgent.push(performance.now() - t0);
        const reply = `Ответ ${i}`;
        t0 = performance.now();
        const got = frame(customer, (f) => f.type === 'message' && (f.message as { body: string }).body === reply);
        await json(`/api/v1/chats/${contactId}/messages`, { body: reply }, { cookie });
        await got;
        toCustomer.push(performance.now() - t0);
      }
      const seconds = (performance.now() - began) / 1000;
      agent.close();
      customer.close();
      const m = (value: number, unit: string, better: Metric['better']): Metric => ({ value, unit, better });
      return {
        customerToAgentP50: m(round(quantile(toAgent, 0.5)), 'ms', 'lower'),
        customerToAgentP99: m(round(quantile(toAgent, 0.99)), 'ms', 'lower'),
        agentToCustomerP50: m(round(quantile(toCustomer, 0.5)), 'ms', 'lower'),
        agentToCustomerP99: m(round(quantile(toCustomer, 0.99)), 'ms', 'lower'),
        messagesPerSecond: m(Math.round((2 * MESSAGES) / seconds), 'messages/s (one chat, one at a time)', 'higher'),
      };
    } finally {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
