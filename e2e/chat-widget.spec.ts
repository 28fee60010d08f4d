import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiAs, freeAgent, login, unique } from './helpers.ts';

/**
 * The customer's web-chat widget on the demo host page (/widget-demo.html, a "customer site" with
 * hostile CSS): pre-chat form, place in line, an operator (through the API) accepts, messages both
 * ways with read marks, a reload returns to the same chat, the customer ends and answers the survey.
 */
test('a customer chats through the widget and answers the survey', async ({ page, baseURL }) => {
  const op = await apiAs(baseURL!, 'operator1');
  await freeAgent(op);

  await page.goto('/widget-demo.html');
  const launcher = page.getByRole('button', { name: 'Открыть чат' });
  await expect(launcher).toBeVisible();
  // The host page's CSS (everything red and yellow) does not reach into the widget.
  expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 95, 191)');
  await launcher.click();

  const chat = page.getByRole('dialog', { name: 'Чат на сайте ТелеКом Плюс' });
  await expect(chat).toBeVisible();
  await chat.getByLabel('Ваше имя').fill('Мария Соколова');
  await chat.getByLabel('Телефон или e-mail').fill('maria.sokolova@example.com');
  await chat.getByLabel('Тема обращения').selectOption({ index: 1 });
  await chat.getByLabel('Ваш вопрос').fill('Пропадает интернет по вечерам');
  await chat.getByRole('button', { name: 'Начать чат' }).click();

  await expect(chat.getByRole('status').first()).toContainText('Вы в очереди: 1-й.');
  await expect(chat.getByRole('log', { name: 'Сообщения' })).toContainText('Пропадает интернет по вечерам');

  // The operator goes ready, is offered the chat and accepts it.
  await op.post('/api/v1/acd/me/state', { data: { state: 'ready' } });
  let contactId = '';
  await expect.poll(async () => {
    const me = await (await op.get('/api/v1/acd/me')).json();
    contactId = me.contacts.find((c: { channel: string; status: string }) => c.channel === 'chat' && c.status === 'offered')?.contactId ?? '';
    return contactId;
  }).not.toBe('');
  expect((await op.post(`/api/v1/acd/offers/${contactId}/accept`)).status()).toBe(200);
  await expect(chat.getByRole('status').first()).toHaveText('Оператор Дмитрий Иванов на связи');
  // The accept's system line in the transcript: centred, grey, worded in the widget's language.
  const joined = chat.locator('.msg.system[data-kind="agentJoined"]');
  await expect(joined).toContainText('Оператор Дмитрий Иванов подключился к чату');
  expect(await joined.evaluate((el) => [getComputedStyle(el).alignSelf, getComputedStyle(el).color])).toEqual(['center', 'rgb(102, 102, 102)']);

  // Operator → customer.
  expect((await op.post(`/api/v1/chats/${contactId}/messages`, { data: { body: 'Здравствуйте, Мария! Сейчас проверю линию.' } })).status()).toBe(201);
  await expect(chat.getByRole('log')).toContainText('Здравствуйте, Мария! Сейчас проверю линию.');

  // Customer → operator, with the delivered and then read mark.
  await chat.getByRole('textbox', { name: 'Сообщение' }).fill('Спасибо, жду');
  await chat.getByRole('button', { name: 'Отправить', exact: true }).click();
  const mine = chat.locator('.msg.customer', { hasText: 'Спасибо, жду' });
  await expect(mine).toContainText('доставлено');
  await expect.poll(async () => (await (await op.get(`/api/v1/chats/${contactId}`)).json()).messages.map((m: { body: string }) => m.body)).toContain('Спасибо, жду');
  const seq = Number(await mine.getAttribute('data-seq'));
  await op.post(`/api/v1/chats/${contactId}/read`, { data: { seq } });
  await expect(mine).toContainText('прочитано');

  // A reload returns to the same chat (token in sessionStorage), nothing lost or doubled.
  await page.reload();
  const again = page.getByRole('dialog', { name: 'Чат на сайте ТелеКом Плюс' });
  await expect(again.getByRole('log')).toContainText('Спасибо, жду');
  await expect(again.locator('.msg', { hasText: 'Спасибо, жду' })).toHaveCount(1);
  await expect(again.locator('.msg.system')).toHaveCount(1);
  await op.post(`/api/v1/chats/${contactId}/messages`, { data: { body: 'Линия в порядке, перезагрузите роутер.' } });
  await expect(again.getByRole('log')).toContainText('перезагрузите роутер');

  // The customer ends; the survey appears inline and is answered.
  await again.getByRole('button', { name: 'Завершить чат' }).click();
  await expect(again.getByRole('status').first()).toHaveText('Чат завершён.');
  await expect(again.locator('.msg.system[data-kind="endedByCustomer"]')).toHaveText(/Чат завершён клиентом/);
  await again.getByRole('radio', { name: '5' }).check();
  await again.getByLabel('Комментарий (необязательно)').fill('Быстро помогли');
  await again.getByRole('button', { name: 'Отправить оценку' }).click();
  await expect(again.getByText('Спасибо за оценку!')).toBeVisible();

  // The operator is in wrap-up; the transcript is in the journal.
  expect((await (await op.get('/api/v1/acd/me')).json()).agent.state).toBe('wrapUp');
  const contact = await (await op.get(`/api/v1/contacts/${contactId}`)).json();
  expect(contact).toMatchObject({ channel: 'chat', customerName: 'Мария Соколова' });
  await op.post(`/api/v1/acd/contacts/${contactId}/wrap-up-end`);
  await op.post('/api/v1/acd/me/state', { data: { state: 'notReady' } });
});

/** Admin → Web chat: the widgets per hotline with the snippet to copy; a new widget, switched off, is gone from the public API. */
test('an administrator sets up a chat widget and gets the snippet', async ({ page, baseURL }) => {
  await login(page, 'admin');
  await page.goto('/admin/chat');
  await expect(page.getByRole('heading', { name: 'Веб-чат' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Веб-чат' });
  await expect(table).toContainText('Чат на сайте ТелеКом Плюс');
  await expect(table).toContainText('data-key="wk_demo_telecom_support"');

  const name = unique('Чат акции');
  await page.getByRole('button', { name: 'Новый виджет' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Название').fill(name);
  await dialog.getByLabel('Горячая линия').selectOption({ label: 'Техническая поддержка абонентов' });
  await dialog.getByLabel('Очередь (канал «чат»)').selectOption({ label: 'Поддержка — чат' });
  await dialog.getByLabel('Приветствие').fill('Спросите про акцию');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  await table.getByText(name).click();
  const snippet = page.getByRole('dialog').locator('code.chat-widget-snippet');
  await expect(snippet).toContainText('/widget.js" data-key="wk_');
  const key = /data-key="([^"]+)"/.exec((await snippet.textContent()) ?? '')![1]!;
  const anon = await playwrightRequest.newContext({ baseURL });
  expect((await anon.get(`/api/v1/chat/widgets/${key}`)).status()).toBe(200);
  await page.getByRole('dialog').getByLabel('Активен').uncheck();
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect((await anon.get(`/api/v1/chat/widgets/${key}`)).status()).toBe(404);
});

/** Out of the chat's hours the widget says so and its request form opens a case; nothing queues. */
test('out of hours the widget takes a request instead of a chat', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, 'admin');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
  const always = [{ from: '00:00', to: '24:00' }];
  const calendar = await (await admin.post('/api/v1/calendars', {
    data: { name: unique('Праздники'), timeZone: 'Europe/Moscow', week: Array.from({ length: 7 }, () => always), production: 'none', holidays: [day(-1), day(0), day(1)] },
  })).json();
  const demo = (await (await admin.get('/api/v1/chat-widgets')).json()).items.find((w: { publicKey: string }) => w.publicKey === 'wk_demo_telecom_support');
  const widget = await (await admin.post('/api/v1/chat-widgets', { data: { hotlineId: demo.hotlineId, queueId: demo.queueId, name: 'Ночной чат', calendarId: calendar.id } })).json();

  await page.goto(`/widget-demo.html?key=${widget.publicKey}`);
  await page.getByRole('button', { name: 'Открыть чат' }).click();
  const chat = page.getByRole('dialog', { name: 'Ночной чат' });
  await expect(chat.getByText('Сейчас мы не работаем')).toBeVisible();
  await chat.getByLabel('Ваше имя').fill('Ночной гость');
  await chat.getByLabel('Телефон или e-mail').fill('+7 916 555-00-11');
  await chat.getByLabel('Сообщение').fill('Перезвоните утром, пожалуйста');
  await chat.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(chat.getByRole('status')).toContainText(/Заявка № \d+ принята/);
});
