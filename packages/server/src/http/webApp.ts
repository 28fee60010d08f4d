import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built web app. Paths that are not files fall back to index.html so the app's own
 * router handles /admin/users and the like; API paths never fall back.
 */
export async function installWebApp(app: FastifyInstance, dist: string | null) {
  if (!dist || !existsSync(join(dist, 'index.html'))) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('Linia API is running. The web app is not built: run `npm run build:web`.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: 'index.html' });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0]!;
    // A missing asset is a 404, not the app shell (a stale page would load HTML as a script).
    if (path.startsWith('/api/') || path.startsWith('/assets/')) return reply.callNotFound();
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}
