import { expect, test } from '@playwright/test';
import { apiAs, login, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('a hotline created elsewhere appears in an open list without reloading (WebSocket)', async ({ page, baseURL }) => {
  // Watch for the app's socket and wait until it is subscribed, so the event cannot slip past it.
  // Listeners are attached as soon as the socket opens: its first frames arrive before login() returns.
  const subscribed = new Promise<void>((resolve) => {
    page.on('websocket', (ws) => {
      if (!ws.url().endsWith('/api/v1/ws')) return;
      ws.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"subscribed"')) resolve();
      });
    });
  });
  await login(page, 'admin');
  await subscribed;
  await page.getByRole('link', { name: 'Администрирование' }).click();
  await page.getByRole('link', { name: 'Горячие линии' }).click();
  await expect(page.getByRole('row').nth(1)).toBeVisible();

  const code = unique('rt').toLowerCase().slice(0, 40);
  const manager = await apiAs(baseURL!, 'manager');
  const clients = (await (await manager.get('/api/v1/clients')).json()) as { items: { id: string }[] };
  const res = await manager.post('/api/v1/hotlines', {
    data: { clientId: clients.items[0]!.id, name: `Линия ${code}`, code, timeZone: 'Europe/Moscow', channels: ['chat'] },
  });
  expect(res.status()).toBe(201);
  await manager.dispose();

  await expect(page.getByRole('row').filter({ hasText: code })).toBeVisible();
});
