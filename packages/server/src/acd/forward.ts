import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../http/problem.ts';
import type { ClusterPresence } from './cluster.ts';

/** Set on a forwarded request, so a request never travels twice (two nodes each thinking the other routes). */
export const FORWARDED_HEADER = 'x-linia-forwarded';

/** Headers that belong to one connection, not to the request (RFC 9110 § 7.6.1), plus what fetch recomputes. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length']);
/** fetch decodes a compressed body, so its encoding and length no longer describe what we send on. */
const NOT_PASSED_BACK = new Set([...HOP_BY_HOP, 'content-encoding']);

const FORWARD_TIMEOUT_MS = 30_000;

/**
 * On PostgreSQL one node routes (AcdService holds the lock); a live ACD request (a route with
 * `config.routed`) reaching another node is sent on to the routing node as it came — same method,
 * path, headers (the caller's cookie or token: the routing node authenticates it again) and body,
 * streamed — and its answer returned. So a load balancer may send any request to any node. With no
 * routing node known (it has just died; another takes the lock within seconds) the answer is 503
 * with Retry-After, as before.
 */
export function forwardToRoutingNode(app: FastifyInstance, isRouting: () => boolean, cluster: ClusterPresence) {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.routeOptions.config.routed || isRouting()) return;
    const target = cluster.routingUrl();
    if (!target || req.headers[FORWARDED_HEADER]) {
      throw new HttpProblem(503, 'Routing runs on another node of this installation, which cannot be reached now', undefined, { 'retry-after': '1' });
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    headers.set(FORWARDED_HEADER, '1');
    headers.append('x-forwarded-for', req.ip);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    let res: Response;
    try {
      res = await fetch(new URL(req.url, target), {
        method: req.method,
        headers,
        // The raw request is an async iterable of chunks: streamed through, never parsed here.
        ...(hasBody ? { body: req.raw as unknown as AsyncIterable<Uint8Array>, duplex: 'half' } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
      } as RequestInit);
    } catch (err) {
      req.log.warn({ err, target }, 'forwarding to the routing node failed');
      throw new HttpProblem(503, 'The routing node did not answer; try again', undefined, { 'retry-after': '1' });
    }
    reply.code(res.status);
    res.headers.forEach((value, name) => {
      if (!NOT_PASSED_BACK.has(name) && name !== 'set-cookie') reply.header(name, value);
    });
    const cookies = res.headers.getSetCookie();
    if (cookies.length > 0) reply.header('set-cookie', cookies);
    return reply.send(Buffer.from(await res.arrayBuffer()));
  });
}
