import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics at /metrics: requests by route and status, their latency, and the
 * database round trip measured by the readiness probe. One registry per app, so two apps in
 * one process (tests, two nodes) do not mix their figures.
 */
export function installMetrics(app: FastifyInstance) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'linia_' });
  const requests = new Counter({
    name: 'linia_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'linia_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const database = new Histogram({
    name: 'linia_database_ping_seconds',
    help: 'Database round trip of the readiness probe',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    registers: [registry],
  });
  const databaseErrors = new Counter({
    name: 'linia_database_ping_failures_total',
    help: 'Readiness probes that could not reach the database',
    registers: [registry],
  });

  app.addHook('onResponse', async (req, reply) => {
    // The route pattern, not the URL: ids must not explode the label set.
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });

  return { database, databaseErrors };
}
