import WebSocket from 'ws';

/** A WebSocket client that records frames and can wait for one matching a predicate. */
export async function connect(base: string, cookie?: string, path = '/api/v1/ws') {
  const frames: Record<string, unknown>[] = [];
  const waiters: { match: (f: Record<string, unknown>) => boolean; resolve: (f: Record<string, unknown>) => void }[] = [];
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}${path}`, { headers: cookie ? { cookie } : {} });
  socket.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as Record<string, unknown>;
    frames.push(frame);
    for (const w of [...waiters]) if (w.match(frame)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(frame);
    }
  });
  socket.on('error', () => {});
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    socket.once('unexpected-response', (_req, res) => {
      res.resume();
      socket.terminate();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
  const next = (match: (f: Record<string, unknown>) => boolean, ms = 5000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = frames.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no matching frame in ${ms} ms; got ${JSON.stringify(frames)}`)), ms);
      waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  return { socket, frames, opened, next, send: (m: object) => socket.send(JSON.stringify(m)) };
}
