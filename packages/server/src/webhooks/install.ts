import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { DEFAULT_DISPATCH, WebhookDispatcher } from './dispatcher.ts';
import { installEnqueuer } from './enqueue.ts';
import { webhookRoutes } from './routes.ts';

/** Webhooks: routes, events → pending deliveries, and the sender, living as long as the app. */
export function installWebhooks(app: FastifyInstance, ctx: AppContext): void {
  webhookRoutes(app, ctx);
  const unsubscribe = installEnqueuer(ctx.db, ctx.bus, app.log);
  const pollMs = ctx.config.webhookPollMs;
  const dispatcher = pollMs > 0 ? new WebhookDispatcher(ctx.db, app.log, { ...DEFAULT_DISPATCH, pollMs }) : null;
  app.addHook('onReady', async () => dispatcher?.start());
  app.addHook('preClose', async () => {
    unsubscribe();
    await dispatcher?.stop();
  });
}
