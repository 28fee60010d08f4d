import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifierOf, RecordingNotifier } from '../src/notify/notifier.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH';

describe(`catalog and orders (${dbKind})`, () => {
  let t: TestApp;
  let op: string;
  let manager: string;
  let other: string;
  let sales: string;
  let support: string;
  const call = (method: Method, url: string, payload?: object, cookie = op) => t.call(method, url, payload, cookie);

  beforeAll(async () => {
    t = await testApp();
    op = await t.login('operator2');
    manager = await t.login('manager');
    other = await t.login(OTHER.admin, OTHER.password);
    const lines = (await call('GET', '/api/v1/hotlines')).json().items as { id: string; code: string }[];
    sales = lines.find((h) => h.code === 'telecom-sales')!.id;
    support = lines.find((h) => h.code === 'telecom-support')!.id;
  });
  afterAll(() => t.close());

  it('keeps a catalog per hotline with prices; only the manager edits it', async () => {
    const items = (await call('GET', `/api/v1/catalog?hotlineId=${sales}`)).json().items as { name: string; price: number }[];
    expect(items.map((i) => i.name)).toContain('Роутер Wi-Fi 6');
    expect((await call('POST', '/api/v1/catalog', { hotlineId: sales, name: 'x', price: 1 })).statusCode).toBe(403);
    const bad = await call('POST', '/api/v1/catalog', { hotlineId: sales, name: 'x', price: -1 }, manager);
    expect(bad.json().errors[0].field).toBe('body.price');
    expect((await call('GET', `/api/v1/catalog?hotlineId=${sales}`, undefined, other)).json().items).toEqual([]);
  });

  it('takes an order priced from the catalog, logs status changes and tells the customer each one', async () => {
    const notifier = notifierOf(t.db) as RecordingNotifier;
    const items = (await call('GET', `/api/v1/catalog?hotlineId=${sales}`)).json().items as { id: string; name: string; price: number }[];
    const router = items.find((i) => i.name === 'Роутер Wi-Fi 6')!;
    const install = items.find((i) => i.name === 'Подключение с выездом мастера')!;
    const customer = (await call('POST', '/api/v1/customers', { name: 'Заказов Олег', identifiers: [{ kind: 'email', value: 'oleg@example.ru' }] })).json();
    const before = notifier.sent.length;
    const res = await call('POST', '/api/v1/orders', { hotlineId: sales, customerId: customer.id, lines: [{ itemId: router.id, quantity: 2 }, { itemId: install.id, quantity: 1 }], address: 'ул. Садовая, 5' });
    expect(res.statusCode).toBe(201);
    const order = res.json();
    expect(order).toMatchObject({ status: 'new', total: 2 * 499_000 + 150_000, allowedStatuses: ['confirmed', 'cancelled'] });
    const illegal = await call('POST', `/api/v1/orders/${order.id}/status`, { status: 'completed' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().errors[0]).toEqual({ field: 'body.status', message: 'allowed: confirmed, cancelled' });
    await call('POST', `/api/v1/orders/${order.id}/status`, { status: 'confirmed' });
    await call('POST', `/api/v1/orders/${order.id}/status`, { status: 'in_fulfilment', comment: 'Мастер выехал' });
    const events = (await call('GET', `/api/v1/orders/${order.id}/events`)).json().items as { from: string | null; to: string }[];
    expect(events.map((e) => `${e.from}→${e.to}`)).toEqual(['null→new', 'new→confirmed', 'confirmed→in_fulfilment']);
    expect(notifier.sent.slice(before).map((m) => [m.address, m.subject])).toEqual([
      ['oleg@example.ru', `Заказ № ${order.number} принят`],
      ['oleg@example.ru', `Заказ № ${order.number} подтверждён`],
      ['oleg@example.ru', `Заказ № ${order.number} выполняется`],
    ]);
    expect(notifier.sent.at(-1)!.body).toMatch(/11\s480,00\s₽/); // Intl groups thousands with a (narrow) no-break space
    const timeline = (await call('GET', `/api/v1/customers/${customer.id}/timeline`)).json().items as { kind: string }[];
    expect(timeline.filter((e) => e.kind === 'notice')).toHaveLength(3);
  });

  it('refuses an item of another hotline, another tenant\'s customer, and hides orders across tenants', async () => {
    const items = (await call('GET', `/api/v1/catalog?hotlineId=${sales}`)).json().items as { id: string }[];
    const customer = (await call('POST', '/api/v1/customers', { name: 'Кросс Линия' })).json();
    const wrongLine = await call('POST', '/api/v1/orders', { hotlineId: support, customerId: customer.id, lines: [{ itemId: items[0]!.id, quantity: 1 }] });
    expect(wrongLine.json().errors[0].field).toBe('body.lines.0.itemId');
    const empty = await call('POST', '/api/v1/orders', { hotlineId: sales, customerId: customer.id, lines: [] });
    expect(empty.json().errors[0].field).toBe('body.lines');
    const order = (await call('POST', '/api/v1/orders', { hotlineId: sales, customerId: customer.id, lines: [{ itemId: items[0]!.id, quantity: 1 }] })).json();
    expect((await call('GET', `/api/v1/orders/${order.id}`, undefined, other)).statusCode).toBe(404);
    const otherLine = (await call('GET', '/api/v1/hotlines', undefined, other)).json().items[0].id;
    const cross = await call('POST', '/api/v1/orders', { hotlineId: otherLine, customerId: customer.id, lines: [{ itemId: items[0]!.id, quantity: 1 }] });
    expect(cross.json().errors[0].field).toBe('body.hotlineId');
  });
});
