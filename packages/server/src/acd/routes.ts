import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { kpiRoutes } from '../kpi/routes.ts';
import { acdConfigRoutes } from './configRoutes.ts';
import { acdLiveRoutes } from './liveRoutes.ts';
import { AcdService, type SocketCounts } from './service.ts';

/** The hub's count of this node's sockets. */
type LocalSockets = SocketCounts & { allSockets(): { tenantId: string; userId: string; sockets: number }[] };
import { acdWallboardRoutes } from './wallboardRoutes.ts';
import { startDemoLoad } from './demoLoad.ts';
import { ClusterPresence } from './cluster.ts';
import { forwardToRoutingNode } from './forward.ts';

/** Seconds an agent may be without any WebSocket before being set offline (LINIA_AGENT_OFFLINE_SECONDS, default 60). */
export function offlineAfterMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.LINIA_AGENT_OFFLINE_SECONDS ?? 60);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 60_000;
}

/** How often each node of a PostgreSQL installation says it is alive (LINIA_CLUSTER_HEARTBEAT_MS, default 5000; gone after three missed). */
export function clusterHeartbeatMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.LINIA_CLUSTER_HEARTBEAT_MS ?? 5000);
  return Number.isFinite(ms) && ms >= 50 ? ms : 5000;
}

/**
 * The ACD module: configuration, live routing, the wallboard and KPI routes. The routing
 * service starts when the app is ready (rebuilding each tenant's state from the database) and
 * stops with it.
 */
export function acdRoutes(app: FastifyInstance, ctx: AppContext, sockets: LocalSockets): AcdService {
  // Several nodes share one PostgreSQL: sockets counted over all of them, live requests forwarded to the routing node.
  const cluster: ClusterPresence | null =
    ctx.db.kind === 'postgres'
      ? new ClusterPresence(ctx.bus, sockets, { isRouting: (): boolean => acd.isLeader, heartbeatMs: clusterHeartbeatMs() })
      : null;
  const acd: AcdService = new AcdService(ctx.db, ctx.bus, cluster ?? sockets, offlineAfterMs(), () => void cluster?.becameRouting());
  if (cluster) {
    forwardToRoutingNode(app, () => acd.isLeader, cluster);
    app.addHook('onListen', async () => {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : null;
      cluster.start(ctx.config.nodeUrl ?? (port ? `http://127.0.0.1:${port}` : null));
    });
  }
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
    cluster?.stop();
    stopDemoLoad();
    await acd.close();
  });
  return acd;
}
