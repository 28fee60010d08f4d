import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

describe(`OpenAPI, health and metrics (${dbKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('publishes an OpenAPI 3 document that validates and lists every API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/auth/login', '/api/v1/clients', '/api/v1/hotlines/{id}', '/api/v1/users', '/api/v1/api-tokens', '/api/v1/audit']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    // Request schemas come from the same Zod schemas that validate.
    const body = doc.paths['/api/v1/hotlines'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['clientId', 'name', 'code', 'timeZone']));
    expect(body.additionalProperties).toBe(false);
  });

  it('serves a browsable API docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers /healthz and /readyz with the database reachable', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', database: dbKind });
  });

  it('counts requests by route pattern and status in Prometheus format', async () => {
    const cookie = await t.login('admin');
    await t.app.inject({ method: 'GET', url: '/api/v1/hotlines', headers: { cookie } });
    await t.app.inject({ method: 'GET', url: '/api/v1/hotlines/00000000-0000-4000-8000-000000000000', headers: { cookie } });
    await t.app.inject({ method: 'GET', url: '/readyz' });
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toContain('linia_http_requests_total{method="GET",route="/api/v1/hotlines",status="200"} 1');
    expect(text).toContain('linia_http_requests_total{method="GET",route="/api/v1/hotlines/:id",status="404"} 1');
    expect(text).toMatch(/linia_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/hotlines"\}/);
    expect(text).toMatch(/linia_database_ping_seconds_count [1-9]/);
    expect(text).toContain('linia_process_cpu_seconds_total');
  });

  it('keeps a caller-supplied request id and makes one otherwise', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'crm-123' } });
    expect(given.headers['x-request-id']).toBe('crm-123');
    const made = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
