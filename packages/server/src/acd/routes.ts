import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { kpiRoutes } from '../kpi/routes.ts';
import { acdConfigRoutes } from './configRoutes.ts';
import { acdLiveRoutes } from './liveRoutes.ts';
import { AcdService, type SocketCounts } from './service.ts';
import { acdWallboardRoutes } from './wallboardRoutes.ts';
import { startDemoLoad } from './demoLoad.ts';

/** Seconds an agent may be without any WebSocket before being set offline (LINIA_AGENT_OFFLINE_SECONDS, default 60). */
export function offlineAfterMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.LINIA_AGENT_OFFLINE_SECONDS ?? 60);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 60_000;
}

/**
 * The ACD module: configuration, live routing, the wallboard and KPI routes. The routing
 * service starts when the app is ready (rebuilding each tenant's state from the database) and
 * stops with it.
 */
export function acdRoutes(app: FastifyInstance, ctx: AppContext, sockets: SocketCounts): AcdService {
  const acd = new AcdService(ctx.db, ctx.bus, sockets, offlineAfterMs());
  acdConfigRoutes(app, ctx);
  acdLiveRoutes(app, ctx, acd);
  acdWallboardRoutes(app, ctx, acd);
  kpiRoutes(app, ctx);
  let stopDemoLoad = () => {};
  app.addHook('onReady', async () => {
    await acd.start();
    // Demo floor traffic, opt-in (docs/ROUTING.md § server): LINIA_DEMO_LOAD=1.
    if (process.env.LINIA_DEMO_LOAD === '1' && acd.isLeader) stopDemoLoad = await startDemoLoad(ctx.db, ctx.bus, acd);
  });
  app.addHook('onClose', async () => {
    stopDemoLoad();
    await acd.close();
  });
  return acd;
}
