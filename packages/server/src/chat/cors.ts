import type { FastifyInstance } from 'fastify';

/** The public paths a widget on another site calls from the browser: the chat and the survey answer. */
const PUBLIC_PREFIXES = ['/api/v1/chat/', '/api/v1/surveys/public/'];
const isPublic = (url: string) => PUBLIC_PREFIXES.some((p) => url.startsWith(p));

/**
 * Cross-origin access for the widget: it runs on the customer's site and calls Linia's public
 * chat routes. Any origin may, since these routes take no cookie — the chat token travels in a
 * header and reaches one chat only — so allowing `*` lends a foreign page nothing it did not have.
 */
export function installWidgetCors(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (isPublic(req.url)) {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-expose-headers', 'retry-after, x-request-id');
    }
    return payload;
  });
  for (const prefix of PUBLIC_PREFIXES) {
    app.options(`${prefix}*`, { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type, x-chat-token')
        .header('access-control-max-age', '600')
        .send(),
    );
  }
}
