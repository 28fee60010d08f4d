import { expect, test } from '@playwright/test';
import { apiAs, freeAgent, login } from './helpers.ts';

/**
 * Issue 4's story in three browsers: two operators are signed in and not ready; a customer opens
 * the widget on a client's site and is first in line; one operator goes ready and gets the chat;
 * they write to each other; the group lead's wallboard counts it; the transcript is in the journal.
 */
test('a web chat from the widget to an operator, on the wallboard and in the journal', async ({ browser, baseURL }) => {
  const admin = await apiAs(baseURL!, 'admin');
  const queues = (await (await admin.get('/api/v1/acd/queues')).json()).items as { id: string; name: string }[];
  const queue = queues.find((q) => q.name === 'Поддержка — чат')!;

  // Two operators who serve the chat queue, both signed in and not ready.
  const operators = [];
  for (const who of ['operator1', 'operator4']) {
    await freeAgent(await apiAs(baseURL!, who));
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, who);
    await page.goto('/desk/chats');
    const bar = page.getByRole('region', { name: 'Статус оператора' });
    await expect(bar.getByTestId('agent-state')).toHaveText('Не готов: Перерыв');
    operators.push({ context, page, bar });
  }
  const [first, second] = operators as [(typeof operators)[number], (typeof operators)[number]];

  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await login(lead, 'lead');
  await lead.goto('/wallboard');
  await expect(lead.getByTestId(`queue-${queue.id}`)).toBeVisible();
  const figure = async (key: string) => Number(await lead.getByTestId(`${key}-${queue.id}`).innerText());
  const offered = await figure('offered');
  const answered = await figure('answered');

  // The customer, in a browser of their own, on the client's site.
  const customerContext = await browser.newContext();
  const site = await customerContext.newPage();
  await site.goto('/widget-demo.html');
  await site.getByRole('button', { name: 'Открыть чат' }).click();
  const chat = site.getByRole('dialog', { name: 'Чат на сайте ТелеКом Плюс' });
  await chat.getByLabel('Ваше имя').fill('Олег Ветров');
  await chat.getByLabel('Телефон или e-mail').fill('+7 916 555-20-30');
  await chat.getByLabel('Тема обращения').selectOption({ index: 1 });
  await chat.getByLabel('Ваш вопрос').fill('Не работает роутер после грозы');
  await chat.getByRole('button', { name: 'Начать чат' }).click();
  await expect(chat.getByRole('status').first()).toContainText('Вы в очереди: 1-й.');
  await expect(lead.getByTestId(`waiting-${queue.id}`)).toHaveText('1');

  // The second operator goes ready and is offered the chat; accepting opens it.
  await second.bar.getByRole('button', { name: 'Готов', exact: true }).click();
  const popup = second.page.getByRole('alertdialog', { name: 'Входящее обращение' });
  await expect(popup).toContainText('Олег Ветров');
  await popup.getByRole('button', { name: 'Принять' }).click();
  await expect(second.page).toHaveURL(/\/desk\/chats\/[0-9a-f-]+$/);
  const contactId = second.page.url().split('/').pop()!;
  const pane = second.page.locator('section.chat-pane');
  await expect(pane.locator('.msg-customer')).toContainText('Не работает роутер после грозы');
  await expect(chat.getByRole('status').first()).toHaveText('Оператор Ирина Новикова на связи');
  await expect(lead.getByTestId(`waiting-${queue.id}`)).toHaveText('0');
  // The other operator, still not ready, was offered nothing.
  await expect(first.page.getByRole('alertdialog', { name: 'Входящее обращение' })).toHaveCount(0);

  // They write to each other.
  await pane.getByLabel('Ответ клиенту').fill('Здравствуйте, Олег! Индикатор питания горит?');
  await pane.getByRole('button', { name: 'Отправить' }).click();
  await expect(chat.getByRole('log')).toContainText('Индикатор питания горит?');
  await chat.getByRole('textbox', { name: 'Сообщение' }).fill('Горит, но интернета нет');
  await chat.getByRole('button', { name: 'Отправить', exact: true }).click();
  await expect(pane.locator('.msg-customer', { hasText: 'Горит, но интернета нет' })).toBeVisible();

  // The operator ends the chat and finishes the wrap-up; the customer sees the end.
  await pane.getByRole('button', { name: 'Завершить чат' }).click();
  await pane.getByRole('button', { name: 'Да, завершить чат' }).click();
  await expect(chat.getByRole('status').first()).toHaveText('Чат завершён.');
  await pane.getByRole('button', { name: 'Завершить постобработку' }).click();
  await expect(second.bar.getByTestId('agent-state')).toHaveText('Готов');

  // The wallboard counts the chat, live.
  await expect(lead.getByTestId(`offered-${queue.id}`)).toHaveText(String(offered + 1));
  await expect(lead.getByTestId(`answered-${queue.id}`)).toHaveText(String(answered + 1));

  // The transcript is in the journal: found by what the customer wrote, shown on the card.
  await second.page.goto('/desk');
  await second.page.getByLabel('Поиск по тексту').fill('грозы');
  await second.page.getByLabel('Поиск по тексту').press('Enter');
  await second.page.getByRole('row', { name: /Олег Ветров/ }).first().click();
  const transcript = second.page.getByRole('region', { name: 'Переписка' });
  await expect(transcript).toContainText('Не работает роутер после грозы');
  await expect(transcript).toContainText('Индикатор питания горит?');
  await expect(transcript).toContainText('Горит, но интернета нет');
  // The system lines in Russian words, not their stored kinds.
  await expect(transcript).toContainText('подключился к чату');
  await expect(transcript).toContainText('Чат завершён оператором');
  await expect(transcript).not.toContainText('agentJoined');
  expect(contactId).toMatch(/^[0-9a-f-]{36}$/);

  await second.bar.getByRole('button', { name: 'Не готов', exact: true }).click();
  for (const c of [first.context, second.context, leadContext, customerContext]) await c.close();
});
