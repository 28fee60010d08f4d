import { expect, test } from '@playwright/test';
import { apiAs, login, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('an operator handles a chat on one screen: history, reply, knowledge answer, fields, wrap-up from the keyboard', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, 'operator1');
  const hotlines = (await (await api.get('/api/v1/hotlines')).json()).items as { id: string; code: string }[];
  const support = hotlines.find((h) => h.code === 'telecom-support')!;
  const subject = unique('Не работает интернет');
  // A chat from a known customer, registered through the API as a channel would.
  const res = await api.post('/api/v1/contacts', {
    data: {
      hotlineId: support.id, channel: 'chat', subject, topicId: 't1.1',
      customer: { identifiers: [{ kind: 'phone', value: '8 (912) 345-67-89' }] },
      messages: [{ author: 'customer', body: 'Добрый день! С утра нет интернета, роутер мигает красным.' }],
    },
  });
  expect(res.status()).toBe(201);
  const contact = await res.json();

  await login(page, 'operator1');
  await page.goto(`/desk/contacts/${contact.id}`);
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  const customer = page.getByRole('region', { name: 'Клиент', exact: true });
  await expect(customer.getByRole('heading', { level: 2 })).toHaveText('Петров Иван Сергеевич');
  await expect(customer.getByText('Предпочитает связь по e-mail.')).toBeVisible();

  const conversation = page.getByRole('region', { name: 'Переписка' });
  await expect(conversation).toContainText('роутер мигает красным');
  // The knowledge answer goes into the reply; Ctrl+Enter sends it.
  const kb = page.getByRole('complementary', { name: 'База знаний' });
  await page.keyboard.press('Alt+KeyK');
  await expect(kb.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('нет соединения');
  await page.keyboard.press('Enter');
  await kb.locator('.kb-result').filter({ hasText: 'Нет соединения с интернетом' }).getByRole('button', { name: 'Вставить ответ' }).click();
  const reply = conversation.getByLabel('Ответ клиенту');
  await expect(reply).not.toHaveValue('');
  await reply.press('Control+Enter');
  await expect(conversation.locator('.msg-agent')).toHaveCount(1);
  await expect(reply).toHaveValue('');

  // Fields and outcome, then wrap-up with Alt+W: a required field is asked for first.
  const form = page.getByRole('form', { name: 'Обработка обращения' });
  await form.getByLabel('Результат').fill('Решено');
  await page.keyboard.press('Alt+KeyW');
  await expect(form.locator('.field.has-error')).toContainText('Номер договора');
  await form.getByLabel('Номер договора *').fill('ТП-100200');
  await page.keyboard.press('Alt+KeyW');
  await expect(form.getByRole('status')).toContainText('Обработка завершена');

  const saved = await (await api.get(`/api/v1/contacts/${contact.id}`)).json();
  expect(saved).toMatchObject({ status: 'closed', outcome: 'Решено', customFields: { contract_no: 'ТП-100200' } });
  const messages = (await (await api.get(`/api/v1/contacts/${contact.id}/messages`)).json()).items;
  expect(messages.map((m: { author: string }) => m.author)).toEqual(['customer', 'agent']);
});
