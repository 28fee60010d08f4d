import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve(import.meta.dirname, '../bin/linia.js');
const onPglite = !process.env.LINIA_TEST_DATABASE_URL;

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** The real server as a child process (the one `npm start` runs), ready when /readyz answers. */
async function startServer(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn('node', [bin, 'start', '--port', String(port), '--data', dir], {
    env: { ...process.env, LOG_LEVEL: 'warn', LINIA_AGENT_OFFLINE_SECONDS: '600', LINIA_WEBHOOK_POLL_MS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok).catch(() => false);
    if (ok) return child;
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

describe.runIf(onPglite)('ACD state survives SIGKILL (real server process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'linia-acd-restart-'));
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('every accepted contact is still waiting or offered after a restart, and none is offered twice', async () => {
    const port = await freePort();
    child = await startServer(dir, port);
    const base = `http://127.0.0.1:${port}`;
    const login = async (name: string) => {
      const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: name, password: 'linia-demo' }) });
      return r.headers.getSetCookie()[0]!.split(';')[0]!;
    };
    const call = async (cookie: string, method: string, path: string, body?: object) => {
      const r = await fetch(`${base}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: r.status, body: r.status === 204 ? null : await r.json() };
    };
    let [admin, op1] = await Promise.all([login('admin'), login('operator1')]);
    const queue = (await call(admin, 'GET', '/api/v1/acd/queues')).body.items.find((q: { name: string }) => q.name === 'Поддержка — звонки');
    // Offers ring long enough to outlive the restart (a deadline passed while down is withdrawn, see below).
    expect((await call(admin, 'PATCH', `/api/v1/acd/queues/${queue.id}`, { offerTimeoutSeconds: 600 })).status).toBe(200);

    // Nobody is ready: ten contacts wait.
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await call(admin, 'POST', '/api/v1/acd/arrivals', { queueId: queue.id, subject: `Звонок ${i}` });
      expect(r.status).toBe(201);
      expect(r.body.status).toBe('waiting');
      ids.push(r.body.contactId);
    }
    // operator1 goes ready and gets the first one offered.
    expect((await call(op1, 'POST', '/api/v1/acd/me/state', { state: 'ready' })).status).toBe(200);
    const offered = (await call(op1, 'GET', '/api/v1/acd/me')).body.contacts;
    expect(offered.map((c: { contactId: string; status: string }) => [c.contactId, c.status])).toEqual([[ids[0], 'offered']]);
    // Five more arrive at once, and the process is killed while they are being accepted.
    const inFlight = Array.from({ length: 5 }, (_, i) => call(admin, 'POST', '/api/v1/acd/arrivals', { queueId: queue.id, subject: `Поздний ${i}` }).catch(() => null));
    const late = (await Promise.all(inFlight)).filter((r) => r?.status === 201).map((r) => r!.body.contactId as string);
    ids.push(...late);
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));

    child = await startServer(dir, port);
    [admin, op1] = await Promise.all([login('admin'), login('operator1')]);
    // The offer to operator1 is still there; everything else waits.
    const after = (await call(op1, 'GET', '/api/v1/acd/me')).body;
    expect(after.contacts.map((c: { contactId: string; status: string }) => [c.contactId, c.status])).toEqual([[ids[0], 'offered']]);
    const wall = (await call(admin, 'GET', '/api/v1/acd/wallboard')).body;
    expect(wall.queues.find((q: { id: string }) => q.id === queue.id).waiting).toBe(ids.length - 1);

    // A second agent gets the next contact, not operator1's.
    const op2 = await login('operator2');
    expect((await call(op2, 'POST', '/api/v1/acd/me/state', { state: 'ready' })).status).toBe(200);
    const second = (await call(op2, 'GET', '/api/v1/acd/me')).body.contacts;
    expect(second).toHaveLength(1);
    expect(second[0].contactId).toBe(ids[1]);
    expect((await call(op1, 'POST', `/api/v1/acd/offers/${ids[0]}/accept`, {})).status).toBe(200);
    expect((await call(op2, 'POST', `/api/v1/acd/offers/${ids[0]}/accept`, {})).status).toBe(404);
  }, 180_000);
});
