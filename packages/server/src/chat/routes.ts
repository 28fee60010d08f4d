import type { FastifyInstance } from 'fastify';
import type { AcdService } from '../acd/service.ts';
import type { AppContext } from '../http/context.ts';
import { installWidgetAssets } from './assets.ts';
import { installWidgetCors } from './cors.ts';
import { installCustomerHub } from './customerHub.ts';
import { chatCustomerRoutes } from './customerRoutes.ts';
import { chatOperatorRoutes } from './operatorRoutes.ts';
import { ChatService } from './service.ts';
import { chatWidgetRoutes } from './widgetRoutes.ts';

/**
 * The web chat (issue 4 item 5, docs/CHAT.md): widgets per hotline, the customer's public API and
 * WebSocket, the operator's API. Chats arrive through the ACD like any contact; their messages
 * are the journal's contact_messages.
 */
export function chatRoutes(app: FastifyInstance, ctx: AppContext, acd: AcdService): ChatService {
  const chat = new ChatService(ctx.db, ctx.bus, acd);
  chatWidgetRoutes(app, ctx);
  chatOperatorRoutes(app, ctx, chat);
  chatCustomerRoutes(app, ctx, chat);
  installCustomerHub(app, chat);
  installWidgetCors(app);
  installWidgetAssets(app);
  app.addHook('onReady', async () => chat.start());
  app.addHook('onClose', async () => chat.stop());
  return chat;
}
