import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/index.ts';
import type { EventBus } from '../realtime/bus.ts';
import { installHub } from '../realtime/hub.ts';
import { LoginThrottle } from '../auth/loginThrottle.ts';
import { PrincipalCache } from '../auth/principalCache.ts';
import { PrincipalRevocation } from '../auth/revocation.ts';
import { TokenUseThrottle } from '../auth/tokenUse.ts';
import { authRoutes } from '../auth/routes.ts';
import { tenantRoutes } from '../tenants/routes.ts';
import { peopleRoutes } from '../people/routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { contactRoutes } from '../contacts/routes.ts';
import { customerRoutes } from '../customers/routes.ts';
import { knowledgeRoutes } from '../knowledge/routes.ts';
import { calendarRoutes } from '../calendars/routes.ts';
import { caseRoutes } from '../cases/routes.ts';
import { orderRoutes } from '../orders/routes.ts';
import { acdRoutes } from '../acd/routes.ts';
import { chatRoutes } from '../chat/routes.ts';
import { planningRoutes } from '../planning/routes.ts';
import { qualityRoutes } from '../quality/routes.ts';
import { surveyRoutes } from '../surveys/routes.ts';
import { installWebhooks } from '../webhooks/install.ts';
import { scriptRoutes } from '../scripts/routes.ts';
import { callbackRoutes } from '../callbacks/routes.ts';
import { simulationRoutes } from '../simulation/routes.ts';
import { installMetrics } from '../observability/metrics.ts';
import { installHealth } from '../observability/health.ts';
import type { AppContext } from './context.ts';
import { installErrorHandler } from './errors.ts';
import { installGuard } from './guard.ts';
import { installIdempotency } from './idempotency.ts';
import { installWebApp } from './webApp.ts';
import './types.ts';

export const API_VERSION = '0.1.0';

export interface AppOptions {
  config: Config;
  db: Database;
  bus: EventBus;
  /** false in tests that do not want request logs. */
  logger?: boolean;
}

/** Builds the HTTP application: plugins, hooks, every module's routes. Does not listen. */
export async function buildApp({ config, db, bus, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    // Keep a caller's request id (a proxy's or an integration's) so logs can be joined.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Many HTTP clients send Content-Type: application/json on a DELETE with no body: treat an
  // empty JSON body as absent, and let the route's schema say whether a body was required.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) =>
    body === '' ? done(null, undefined) : parseJson(req, body as string, done),
  );
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    return payload;
  });

  // Sockets of upgrade requests leave Node's HTTP bookkeeping, so closing the server would wait
  // on them forever (a refused upgrade especially): end them when the app closes.
  const upgraded = new Set<Duplex>();
  app.server.on('upgrade', (_req, socket: Duplex) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
  });
  app.addHook('preClose', (done) => {
    for (const socket of upgraded) socket.destroy();
    done();
  });

  const principals = new PrincipalCache({ ttlMs: config.authCacheMs });
  const revocation = new PrincipalRevocation(principals, bus);
  // A notice lost while the bus reconnected could leave a revoked session cached: start afresh.
  const stopGap = bus.onGap?.(() => principals.clear());
  app.addHook('onClose', async () => stopGap?.());
  app.addHook('onClose', async () => revocation.close());
  const ctx: AppContext = {
    db,
    // Route modules publish through this: a user change they announce is applied to this node's principal cache at once.
    bus: revocation.localFirst(bus),
    config,
    loginThrottle: new LoginThrottle(5),
    addressThrottle: new LoginThrottle(100),
    principals,
    revocation,
    tokenUse: new TokenUseThrottle(),
  };
  installErrorHandler(app);
  await app.register(fastifyCookie);
  // Before any plugin adds routes, so the guard's route check sees every one of them.
  installGuard(app, ctx);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Linia API', version: API_VERSION, description: 'Contact-center platform: REST API. Sign in with the session cookie (POST /api/v1/auth/login) or send `Authorization: Bearer <API token>`.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'linia_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs' });

  installIdempotency(app, ctx);
  const metrics = installMetrics(app);
  installHealth(app, db, metrics);
  const hub = installHub(app, bus);

  authRoutes(app, ctx);
  tenantRoutes(app, ctx);
  peopleRoutes(app, ctx);
  auditRoutes(app, ctx);
  contactRoutes(app, ctx);
  customerRoutes(app, ctx);
  knowledgeRoutes(app, ctx);
  calendarRoutes(app, ctx);
  caseRoutes(app, ctx);
  orderRoutes(app, ctx);
  const acd = acdRoutes(app, ctx, hub);
  chatRoutes(app, ctx, acd);
  qualityRoutes(app, ctx);
  surveyRoutes(app, ctx);
  planningRoutes(app, ctx);
  scriptRoutes(app, ctx);
  callbackRoutes(app, ctx);
  simulationRoutes(app, ctx);
  installWebhooks(app, ctx);

  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await installWebApp(app, config.webDist);
  return app;
}
