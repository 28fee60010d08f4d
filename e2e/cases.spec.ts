import { expect, test } from '@playwright/test';
import { apiAs, login, logout, unique } from './helpers.ts';

test('an operator opens a complaint from a contact, cannot resolve it, escalates to L2; L2 decides, answers and resolves; the customer card shows the case', async ({ page, baseURL }) => {
  // Arrange: a letter from a new customer on the bank's hotline, registered through the API.
  const api = await apiAs(baseURL!, 'operator1');
  const lines = (await (await api.get('/api/v1/hotlines')).json()).items as { id: string; code: string }[];
  const bank = lines.find((h) => h.code === 'bank-cards')!.id;
  const subject = unique('Двойное списание');
  const customerName = `Претензиев ${unique('k').slice(-4)}`;
  const contact = await api.post('/api/v1/contacts', {
    data: { hotlineId: bank, channel: 'letter', subject, customer: { name: customerName, identifiers: [{ kind: 'email', value: `${unique('k')}@example.ru` }] } },
  });
  expect(contact.status()).toBe(201);
  await api.dispose();

  // --- the operator opens a complaint from the contact in the journal
  await login(page, 'operator1');
  await page.goto('/desk?q=' + encodeURIComponent(subject));
  await page.getByRole('row').filter({ hasText: subject }).click();
  await page.getByRole('link', { name: 'Создать заявку' }).click();
  const form = page.getByRole('form', { name: 'Новая заявка' });
  await expect(page.getByText(`Клиент: ${customerName}`)).toBeVisible();
  await expect(form.getByLabel('Тема')).toHaveValue(subject);
  await form.getByLabel('Тип').selectOption({ label: 'Претензия' });
  await form.getByRole('button', { name: 'Открыть заявку' }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  const caseUrl = page.url();
  const moves = page.getByRole('group', { name: 'Сменить статус' });
  await moves.getByRole('button', { name: 'В работу' }).click();
  await expect(page.locator('.case-page .chips')).toContainText('В работе');
  // A complaint cannot be resolved before a decision and an answer: no "Resolve" is offered.
  await expect(moves.getByRole('button', { name: 'Решить' })).toHaveCount(0);
  await expect(page.getByText('Претензию можно решить только после записи решения')).toBeVisible();
  await expect(page.locator('.case-slas')).toContainText('Решение до');
  await page.getByLabel('Причина эскалации (нетиповой вопрос)').fill('Нужна проверка операции в процессинге');
  await page.getByRole('button', { name: 'Эскалировать' }).click();
  const timeline = page.getByRole('list', { name: 'История заявки' });
  await expect(timeline).toContainText('Эскалирована');
  await expect(timeline).toContainText('Вторая линия (L2)');
  await logout(page);

  // --- a senior of L2 finds it in "my group", records the decision and the answer, resolves it
  await login(page, 'senior');
  await page.goto('/desk/cases');
  await expect(page.getByRole('button', { name: 'Моей группы' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: subject }).click();
  await expect(page).toHaveURL(caseUrl);
  await page.getByLabel('Решение', { exact: true }).fill('Вернуть списанную дважды сумму');
  await page.getByRole('button', { name: 'Записать решение' }).click();
  await page.getByLabel('Ответ клиенту').fill('Сумма вернётся на карту в течение трёх рабочих дней');
  await page.getByLabel('Канал ответа').selectOption({ label: 'Эл. почта' });
  await page.getByRole('button', { name: 'Записать отправку ответа' }).click();
  await page.getByRole('group', { name: 'Сменить статус' }).getByRole('button', { name: 'Решить' }).click();
  await expect(page.locator('.case-page .chips')).toContainText('Решена');
  await expect(timeline).toContainText('Решение по претензии');
  await expect(timeline).toContainText('Ответ клиенту');

  // --- the customer's timeline shows the case next to the letter
  await page.getByRole('link', { name: 'Открыть карточку' }).click();
  await expect(page.getByRole('heading', { name: customerName })).toBeVisible();
  const customerTimeline = page.getByRole('list', { name: 'История обращений' });
  await expect(customerTimeline.locator('.timeline-item.is-case')).toContainText(subject);
  await expect(customerTimeline.locator('.timeline-item.is-case')).toContainText('Решена');
  await expect(customerTimeline.locator('.timeline-item').filter({ hasText: subject })).toHaveCount(2);
});

test('a manager keeps calendars, resolver groups and SLA policies; a lead sends an outage notice from a problem', async ({ page }) => {
  await login(page, 'manager');
  await page.goto('/admin/calendars');
  await expect(page.getByRole('row').filter({ hasText: 'Москва, 9–18' })).toBeVisible();
  const name = unique('Календарь');
  await page.getByRole('button', { name: 'Новый календарь' }).click();
  await page.getByLabel('Название').fill(name);
  await page.getByLabel('Понедельник').fill('08:00');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('08:00–18:00');
  await expect(page.getByRole('region', { name: 'Линии: календарь и срок решения претензий' })).toContainText('Карты и переводы');

  await page.getByRole('link', { name: 'Группы решения' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Первая линия (L1)' })).toContainText('Вторая линия (L2)');

  await page.getByRole('link', { name: 'SLA' }).click();
  await page.getByRole('button', { name: 'Новая политика' }).click();
  const policy = unique('SLA');
  await page.getByLabel('Название').fill(policy);
  await page.getByLabel('Срок реакции, рабочих минут').fill('0');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('dialog').locator('.field.has-error')).toHaveCount(1);
  await page.getByLabel('Срок реакции, рабочих минут').fill('30');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('row').filter({ hasText: policy })).toContainText('30 мин');
  await logout(page);

  await login(page, 'lead');
  await page.goto('/desk/problems');
  const problem = page.getByRole('region', { name: 'Авария на узле связи ул. Ленина' });
  await expect(problem).toContainText('Нет интернета в доме на ул. Ленина, 10');
  await problem.getByRole('button', { name: 'Уведомить о приостановке' }).click();
  await expect(problem.getByRole('list', { name: 'Отправленные уведомления' })).toContainText('Приостановка');
});

test('an operator places an order from the customer card; its status changes reach the customer and the timeline', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, 'operator2');
  const name = `Заказчиков ${unique('o').slice(-4)}`;
  const customer = await (await api.post('/api/v1/customers', { data: { name, identifiers: [{ kind: 'email', value: `${unique('o')}@example.ru` }] } })).json();
  await api.dispose();

  await login(page, 'operator2');
  await page.goto(`/desk/customers/${customer.id}`);
  await page.locator('.customer-card').getByRole('link', { name: 'Заказы' }).click();
  await page.getByRole('link', { name: 'Новый заказ' }).click();
  const form = page.getByRole('form', { name: 'Новый заказ' });
  await form.getByLabel('Линия').selectOption({ label: 'Подключение и продажи' });
  await form.getByLabel(/Роутер Wi-Fi 6/).fill('2');
  await expect(form.getByRole('status')).toContainText('9 980,00');
  await form.getByRole('button', { name: 'Оформить заказ' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Роутер Wi-Fi 6 × 2' });
  await expect(row).toContainText('Принят');
  await row.click();
  await page.getByRole('group', { name: 'Сменить статус заказа' }).getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Роутер Wi-Fi 6 × 2' })).toContainText('Подтверждён');

  await page.getByRole('link', { name: 'К карточке клиента' }).click();
  const timeline = page.getByRole('list', { name: 'История обращений' });
  await expect(timeline.locator('.timeline-item.is-notice')).toHaveCount(2);
  await expect(timeline.locator('.timeline-item.is-notice').first()).toContainText('подтверждён');
});
