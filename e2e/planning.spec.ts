import { expect, test } from '@playwright/test';
import { apiAs, login, logout } from './helpers.ts';

// Run with E2E_PORT=8282 (planning's own port). One story: a planner goes from history to a published
// schedule, and an operator sees the shift in "My schedule".
test('planner: import, forecast, staffing, schedule, drag, publish; operator sees the shift', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'planner');
  await page.goto('/planning');
  await expect(page.getByRole('heading', { name: 'Планирование' })).toBeVisible();

  // 1. history import: a file with one bad line is refused with its line and column, a good file imports
  await page.getByRole('button', { name: 'Импорт CSV' }).click();
  const dialog = page.getByRole('dialog');
  const header = 'interval_start,queue,offered,aht_seconds\n';
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}2026-01-12 09:00,e2e-sales,10,180\n2026-01-12 09:30,e2e-sales,много,180\n`) });
  await dialog.getByRole('button', { name: 'Импортировать' }).click();
  const report = dialog.locator('.import-report.is-bad');
  await expect(report).toContainText('Ошибок в файле: 1');
  await expect(report.locator('tbody tr')).toHaveCount(1);
  await expect(report.locator('tbody tr td').nth(0)).toHaveText('3');
  await expect(report.locator('tbody tr td').nth(1)).toHaveText('offered');
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}2026-01-12 09:00,e2e-sales,10,180\n2026-01-12 09:30,e2e-sales,12,180\n`) });
  await dialog.getByRole('button', { name: 'Проверить' }).click();
  await expect(dialog.locator('.import-report.is-ok')).toContainText('2 интервалов готовы');
  await dialog.getByRole('button', { name: 'Импортировать' }).click();
  await expect(dialog.locator('.import-report.is-ok')).toContainText('Импортировано интервалов: 2');
  await dialog.getByRole('button', { name: 'Закрыть' }).first().click();

  // the demo queue: its history with the outage among the outliers
  await page.locator('select[name="queue"]').selectOption({ label: 'Поддержка (ТелеКом Плюс) (support)' });
  await expect(page.locator('.planning-outliers')).toContainText('Выбросы');

  // 2. forecast with the backtest table
  await page.getByRole('link', { name: 'Прогноз' }).click();
  await page.locator('input[name="horizonDays"]').fill('7');
  await page.getByRole('button', { name: 'Построить прогноз' }).click();
  const backtest = page.getByRole('table', { name: /Бэктест/ });
  await expect(backtest.locator('tbody tr')).toHaveCount(6);
  await expect(backtest.locator('tr.is-chosen')).toContainText('выбрана автоматически');

  // 3. staffing
  await page.getByRole('link', { name: 'Потребность' }).click();
  await page.getByRole('button', { name: 'Рассчитать' }).click();
  await expect(page.getByText(/Расчёт .*пик \d+ чел\./)).toBeVisible();

  // 4. schedule: optimise in the background, then drag a shift of Дмитрий Иванов to an empty day
  await page.getByRole('link', { name: 'Расписание' }).click();
  await page.locator('input[name="timeLimitSeconds"]').fill('5');
  await page.getByRole('button', { name: 'Оптимизировать', exact: true }).click();
  await expect(page.locator('.schedule-board > p .badge')).toHaveText('готово', { timeout: 90_000 });
  const row = page.getByRole('table', { name: 'Сотрудники по дням' }).locator('tr', { has: page.getByRole('rowheader', { name: 'Дмитрий Иванов' }) });
  const chip = row.locator('.shift-chip').first();
  await expect(chip).toBeVisible();
  const time = (await chip.textContent())!;
  const empty = row.locator('td.schedule-cell:not(:has(.shift-chip))').first();
  const target = (await empty.getAttribute('data-date'))!;
  await chip.dragTo(empty);
  await expect(row.locator(`td[data-date="${target}"] .shift-chip`)).toHaveText(time);
  await expect(row.locator(`td[data-date="${target}"] .shift-chip`)).toHaveClass(/is-manual/);
  await page.getByRole('button', { name: 'Опубликовать' }).click();
  await expect(page.locator('.schedule-board').getByText('опубликовано')).toBeVisible();
  await logout(page);

  // 5. the operator's desk
  await login(page, 'operator1');
  await page.goto('/desk/schedule');
  await expect(page.getByRole('heading', { name: 'Моё расписание' })).toBeVisible();
  await expect(page.locator(`tr[data-start^="${target}"]`)).toContainText(time.replace('-', '–'));
});

test('planner: the yearly vacation plan', async ({ page }) => {
  await login(page, 'planner');
  await page.goto('/planning/vacations');
  await page.locator('input[name="year"]').fill('2027');
  await page.getByRole('button', { name: 'Составить график отпусков' }).click();
  await expect(page.getByRole('table', { name: 'Покрытие по месяцам' }).locator('tbody tr')).toHaveCount(12);
  const parts = page.getByRole('table', { name: 'Части отпуска' });
  await expect(parts.locator('tbody tr')).toHaveCount(20);
  await expect(parts.locator('tbody tr', { hasText: 'Дмитрий Иванов' })).toContainText('2027-');
});

test('operator: no planning area; group lead sees it', async ({ page }) => {
  await login(page, 'operator2');
  await page.goto('/desk/schedule');
  await expect(page.getByRole('heading', { name: 'Моё расписание' })).toBeVisible();
  await page.goto('/planning');
  await expect(page.getByRole('heading', { name: 'Планирование' })).toHaveCount(0);
  await logout(page);
  await login(page, 'lead');
  await page.goto('/planning/forecast');
  await expect(page.getByRole('button', { name: 'Построить прогноз' })).toBeVisible();
});

test('planner: staff, templates and labour rules', async ({ page }) => {
  await login(page, 'planner');
  await page.goto('/planning/staff');
  await page.getByRole('button', { name: 'Добавить сотрудника' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="name"]').fill('Пётр Новый');
  await dialog.locator('input[name="rate"]').fill('2');
  await dialog.locator('button[type="submit"]').click();
  await expect(dialog.locator('.field-error')).toBeVisible();
  await dialog.locator('input[name="rate"]').fill('0.5');
  await dialog.locator('input[name="skills"]').fill('support');
  await dialog.locator('button[type="submit"]').click();
  await expect(page.getByRole('table', { name: 'Сотрудники' })).toContainText('Пётр Новый');
  await expect(page.locator('.planning-templates')).toContainText('День 8 ч');
  await page.locator('input[name="weeklyRestHours"]').fill('30');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText(/42 h of Labour Code/)).toBeVisible();
});

test('planner: the demo queue\'s history is topped up from the journal of its hotline', async ({ page, baseURL }) => {
  // A contact the ACD counted: an arrival into a demo queue of the support line, answered by nobody (abandoned).
  const op = await apiAs(baseURL!, 'operator1');
  const queues = (await (await op.get('/api/v1/acd/queues')).json()).items as { id: string; hotlineId: string; name: string }[];
  const lines = (await (await op.get('/api/v1/hotlines')).json()).items as { id: string; code: string }[];
  const support = lines.find((h) => h.code === 'telecom-support')!;
  const queue = queues.find((q) => q.hotlineId === support.id)!;
  const arrival = await op.post('/api/v1/acd/arrivals', { data: { queueId: queue.id, subject: 'Звонок для истории' } });
  expect(arrival.status()).toBe(201);
  const { contactId } = await arrival.json();
  expect((await op.post(`/api/v1/acd/contacts/${contactId}/abandon`, { data: {} })).status()).toBeLessThan(300);

  await login(page, 'planner');
  await page.goto('/planning');
  // The demo queue, linked to the support line (other tests may have imported queues of their own).
  await page.getByLabel('Очередь планирования').selectOption({ label: 'Поддержка (ТелеКом Плюс) (support)' });
  // Yesterday to tomorrow: "today" in Moscow (the line's zone) may already be tomorrow in UTC.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('С', { exact: true }).fill(day(-1));
  await page.getByLabel('По', { exact: true }).fill(day(1));
  await page.getByRole('button', { name: 'Загрузить из журнала' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Из журнала' })).toContainText(/интервалов [1-9]\d*, обращений [1-9]\d*/);
});
