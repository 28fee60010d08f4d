import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('an operator plans a callback for a missed call, records an unanswered attempt, then reaches the customer', async ({ page }) => {
  await login(page, 'operator2');
  await page.getByRole('link', { name: 'Перезвоны' }).click();
  const missed = page.getByRole('region', { name: 'Пропущенные без перезвона' });
  const tasks = page.getByRole('region', { name: 'Задачи на перезвон' });
  const missedRows = missed.getByRole('row').filter({ has: page.getByRole('button', { name: 'Перезвонить' }) });
  await expect(missedRows.first()).toBeVisible(); // the list has loaded
  const before = await missedRows.count();
  expect(before).toBeGreaterThan(0);
  const customer = (await missedRows.first().getByRole('cell').nth(2).innerText()).trim();

  // The seeded overdue task is marked.
  await expect(tasks.getByRole('row').filter({ hasText: 'просрочено' }).first()).toBeVisible();

  await missedRows.first().getByRole('button', { name: 'Перезвонить' }).click();
  await expect(missedRows).toHaveCount(before - 1);
  const task = tasks.getByRole('row').filter({ hasText: customer }).filter({ hasText: 'Пропущенный звонок' }).first();
  await expect(task).toContainText('Открыта');

  await task.getByRole('button', { name: 'Позвонил' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Результат звонка').selectOption({ label: 'Не отвечает' });
  await expect(dialog.getByLabel('Перезвонить в')).toBeVisible();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(task).toContainText('1 попытка, Не отвечает');
  await expect(task).toContainText('Наталья Соколова'); // whoever called owns it

  await task.getByRole('button', { name: 'Позвонил' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Результат звонка').selectOption({ label: 'Дозвонился' });
  await dialog.getByLabel('Комментарий').fill('Клиент уточнил статус заявки');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);

  await tasks.getByRole('button', { name: 'Все' }).click();
  const done = tasks.getByRole('row').filter({ hasText: customer }).filter({ hasText: 'Выполнена' }).first();
  await expect(done).toContainText('звонок в журнале');
  await expect(done).toContainText('2 попытки, Дозвонился');

  // The outgoing call is in the journal.
  await page.getByRole('link', { name: 'Журнал обращений' }).click();
  await page.getByLabel('Поиск по тексту').fill('статус заявки');
  await page.getByLabel('Поиск по тексту').press('Enter');
  await expect(page.getByRole('row').filter({ hasText: customer }).first()).toBeVisible();
});
