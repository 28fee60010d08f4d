import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { verify } from '../packages/server/src/webhooks/signature.ts';
import { apiAs, login, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('an administrator subscribes a receiver, tests it, sees real events delivered signed, and pauses it', async ({ page, baseURL }) => {
  // The receiving system: a real HTTP server in the test process.
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', () => ok()));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/linia`;
  const name = unique('CRM');

  try {
    await login(page, 'admin');
    await page.goto('/admin/webhooks');
    await page.getByRole('button', { name: 'Новый вебхук' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Название').fill(name);
    await dialog.getByLabel('Адрес получателя (URL)').fill('ftp://nowhere');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    // A bad URL is named at the field, nothing is created.
    await expect(dialog.locator('.field.has-error')).toContainText('http');
    await dialog.getByLabel('Адрес получателя (URL)').fill(url);
    await expect(dialog.getByLabel(/Обращение зарегистрировано/)).toBeChecked();
    await dialog.getByLabel(/Все события заявок/).check();
    await dialog.getByRole('button', { name: 'Сохранить' }).click();

    const secret = await page.getByTestId('secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Я сохранил секрет' }).click();

    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Активен');
    await expect(row).toContainText('contact.created, contact.closed, case.*');

    // Test delivery: the log opens and shows the ping delivered.
    await row.getByRole('button', { name: 'Проверить' }).click();
    const log = page.getByRole('region', { name: `Журнал доставки: ${name}` });
    await expect(log.getByRole('row').filter({ hasText: 'webhook.ping' })).toContainText('Доставлено');

    // A real event: an operator registers a letter; the receiver gets contact.created.
    const operator = await apiAs(baseURL!, 'operator1');
    const hotlineId = (await (await operator.get('/api/v1/hotlines')).json()).items[0].id;
    const res = await operator.post('/api/v1/contacts', {
      data: { hotlineId, channel: 'letter', subject: 'Письмо для вебхука', customer: { name: 'Иван Вебхуков' } },
    });
    expect(res.status()).toBe(201);
    const contactId = (await res.json()).id;
    await expect(log.getByRole('row').filter({ hasText: 'contact.created' })).toContainText('Доставлено');

    const created = received.map((r) => ({ ...r, json: JSON.parse(r.body) })).find((r) => r.json.type === 'contact.created');
    expect(created?.json.data.id).toBe(contactId);
    expect(verify(secret, created!.headers as Record<string, string>, created!.body)).toBe(true);

    // Paused: shown so, and testing is not offered.
    await row.getByRole('button', { name: 'Приостановить' }).click();
    await expect(row).toContainText('Приостановлен');
    await expect(row.getByRole('button', { name: 'Проверить' })).toBeDisabled();
  } finally {
    await new Promise<void>((ok) => receiver.close(() => ok()));
  }
});
