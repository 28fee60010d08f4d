import { expect, test } from '@playwright/test';
import { apiAs, login } from './helpers.ts';

/**
 * The ACD end to end in two browsers: an operator goes ready, a contact arrives, the offer pops
 * up and is accepted; the group lead's wallboard shows the agent on contact and the queue
 * figures change live; the lead sets the agent not ready.
 */
test('an offer pops up, is accepted, and the wallboard follows live', async ({ browser, baseURL }) => {
  const admin = await apiAs(baseURL!, 'admin');
  const queues = (await (await admin.get('/api/v1/acd/queues')).json()).items as { id: string; name: string }[];
  const queue = queues.find((q) => q.name === 'Карты — звонки')!;

  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await login(operator, 'operator4');
  await operator.goto('/desk/agent');
  const bar = operator.getByRole('region', { name: 'Статус оператора' });
  await expect(bar.getByTestId('agent-state')).toHaveText('Не в системе');
  await bar.getByRole('button', { name: 'Готов', exact: true }).click();
  await expect(bar.getByTestId('agent-state')).toHaveText('Готов');

  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await login(lead, 'lead');
  await lead.goto('/wallboard');
  const card = lead.getByTestId(`queue-${queue.id}`);
  await expect(card).toBeVisible();
  const offered = Number(await lead.getByTestId(`offered-${queue.id}`).innerText());
  const answered = Number(await lead.getByTestId(`answered-${queue.id}`).innerText());

  // A call arrives (the telephony integration registers it in the queue).
  const arrival = await admin.post('/api/v1/acd/arrivals', { data: { queueId: queue.id, subject: 'Блокировка карты', customer: { name: 'Пётр Тестов' } } });
  expect(arrival.status()).toBe(201);

  const popup = operator.getByRole('alertdialog', { name: 'Входящее обращение' });
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('Карты — звонки');
  await expect(popup).toContainText('Пётр Тестов');
  await expect(popup).toContainText(/Осталось \d+ с/);
  await popup.getByRole('button', { name: 'Принять' }).click();
  await expect(popup).toBeHidden();
  await expect(bar.getByTestId('agent-state')).toHaveText('На обращении');
  await expect(operator.getByRole('table')).toContainText('Блокировка карты');
  // The contact's journal card opens from the list of my contacts.
  await operator.getByRole('row', { name: /Блокировка карты/ }).click();
  await expect(operator.locator('.contact-detail')).toBeVisible();

  // The lead sees the agent on contact without reloading.
  const operatorRow = lead.getByRole('row', { name: /Ирина Новикова/ });
  await expect(operatorRow).toContainText('На обращении');

  // The call ends; wrap-up; the lead sets the agent not ready (ending the wrap-up).
  await operator.getByRole('button', { name: 'Завершить', exact: true }).click();
  await expect(bar.getByTestId('agent-state')).toHaveText('Постобработка');
  await expect(operatorRow).toContainText('Постобработка');
  await operatorRow.getByRole('combobox').selectOption({ label: 'Не готов: Совещание' });
  await expect(operatorRow).toContainText('Не готов: Совещание');
  await expect(bar.getByTestId('agent-state')).toHaveText('Не готов: Совещание');
  // The finished call is in today's figures.
  await expect(lead.getByTestId(`offered-${queue.id}`)).toHaveText(String(offered + 1));
  await expect(lead.getByTestId(`answered-${queue.id}`)).toHaveText(String(answered + 1));

  await operatorContext.close();
  await leadContext.close();
});
