import { expect, test } from '@playwright/test';
import { apiAs, login, logout, unique } from './helpers.ts';
import { openComplaintAndEscalate, settleComplaintAsL2, startLetterFromNewCustomer } from './steps.ts';

test('the desk story: a letter from a new customer, the knowledge base finds "тарифа", the script is walked, a complaint escalates to L2 and is resolved there, and the customer timeline shows it all', async ({ page }) => {
  const subject = unique('Претензия: списание по старому тарифу');
  const customerName = `Тарифов ${unique('c').slice(-4)}`;

  // --- the operator registers the letter; the customer is new
  await login(page, 'operator1');
  const form = await startLetterFromNewCustomer(page, subject, customerName);

  // --- the knowledge base answers an inflected word
  const panel = page.getByRole('complementary', { name: 'База знаний' });
  await panel.getByRole('searchbox').fill('тарифа');
  await panel.getByRole('button', { name: 'Поиск' }).click();
  await panel.locator('.kb-result').filter({ hasText: 'Как сменить тариф' }).getByRole('button', { name: 'Вставить ответ' }).click();
  await expect(form.getByLabel('Примечание и ответ абоненту')).toHaveValue(/Сменить тариф можно в личном кабинете/);

  // --- the script of the topic: its field step fills the contract number, its end the outcome
  const walker = page.getByRole('region', { name: 'Сценарий' });
  await walker.getByRole('button', { name: 'Далее' }).click();
  await walker.getByLabel('Назовите, пожалуйста, номер договора.').fill('ТП-700700');
  await walker.getByLabel('Назовите, пожалуйста, номер договора.').press('Enter');
  await walker.getByRole('button', { name: 'Задолженности нет' }).click();
  await walker.getByRole('button', { name: 'Остаётся на текущем' }).click();
  await walker.getByRole('button', { name: 'Завершить' }).click();
  await expect(form.getByLabel('Номер договора *')).toHaveValue('ТП-700700');
  await expect(form.getByLabel('Результат')).toHaveValue('Консультация');
  await form.getByRole('button', { name: 'Зарегистрировать' }).click();
  await expect(form.getByRole('status')).toContainText('Обращение зарегистрировано');

  // --- not typical: a complaint, escalated to L2
  const caseUrl = await openComplaintAndEscalate(page, subject, customerName, 'Абонент оспаривает списание по старому тарифу');
  await logout(page);

  // --- a senior of L2 finds it in "my group", records the decision and the answer, resolves it
  await login(page, 'senior');
  await settleComplaintAsL2(page, subject, caseUrl, 'Пересчитать по новому тарифу и вернуть разницу', 'Разница вернётся на лицевой счёт до конца месяца');

  // --- the customer's timeline shows the letter and the case
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
