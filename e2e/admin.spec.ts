import { expect, test } from '@playwright/test';
import { login, logout, navLinks, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('admin creates a hotline with topics and a group lead, who then sees only what the role allows', async ({ page }) => {
  const code = unique('e2e').toLowerCase().slice(0, 40);
  const hotlineName = `Линия ${code}`;
  const leadLogin = unique('lead');
  const leadName = `Руководитель ${leadLogin}`;
  const password = 'group-lead-pass-1';

  await login(page, 'admin');
  await page.getByRole('link', { name: 'Администрирование' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);

  // --- hotline with a topic and a subtopic
  await page.getByRole('link', { name: 'Горячие линии' }).click();
  await page.getByRole('button', { name: 'Новая горячая линия' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Название', { exact: true }).fill(hotlineName);
  await dialog.getByLabel('Код').fill(code);
  await dialog.getByLabel('Клиент').selectOption({ label: 'Банк Северный' });
  await expect(dialog.getByLabel('Часовой пояс')).toHaveValue('Europe/Moscow');
  await dialog.getByLabel('Чат').check();
  await dialog.getByRole('button', { name: '+ Тематика' }).click();
  await dialog.getByLabel('Название тематики').first().fill('Кредиты');
  await dialog.getByRole('button', { name: '+ Подтема' }).first().click();
  await dialog.getByLabel('Название тематики').nth(1).fill('Досрочное погашение');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: hotlineName });
  await expect(row).toContainText('Банк Северный');
  await expect(row).toContainText('Голос');
  await expect(row).toContainText('Чат');
  await expect(row.getByRole('cell').nth(4)).toHaveText('2');

  // Reopening shows the saved tree; renaming a node and removing the subtopic persists.
  await row.click();
  await expect(dialog.getByLabel('Название тематики')).toHaveCount(2);
  await expect(dialog.getByLabel('Название тематики').nth(1)).toHaveValue('Досрочное погашение');
  await dialog.getByLabel('Название тематики').first().fill('Кредиты и ипотека');
  await dialog.getByRole('button', { name: 'Удалить тематику' }).nth(1).click();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByRole('cell').nth(4)).toHaveText('1');

  // --- user
  await page.getByRole('link', { name: 'Пользователи' }).click();
  await page.getByRole('button', { name: 'Новый пользователь' }).click();
  await dialog.getByLabel('Логин', { exact: true }).fill(leadLogin);
  await dialog.getByLabel('Имя', { exact: true }).fill(leadName);
  await dialog.getByLabel('E-mail').fill(`${leadLogin}@example.org`);
  await dialog.getByLabel('Роль', { exact: true }).selectOption('group_lead');
  await dialog.getByLabel('Пароль', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);
  await page.locator('select[name="roleFilter"]').selectOption('group_lead');
  await expect(page.getByRole('row').filter({ hasText: leadLogin })).toContainText('Руководитель группы');

  await logout(page);

  // --- the new group lead
  await login(page, leadLogin, password);
  await expect(page.locator('.user-name')).toHaveText(leadName);
  await expect(page.locator('.user-role')).toHaveText('Руководитель группы');
  await expect(navLinks(page)).toHaveText(['Рабочее место', 'Мониторинг', 'Контроль качества', 'Планирование']);
  await expect(page).toHaveURL(/\/desk$/);
  await page.goto('/admin/hotlines');
  await expect(page.getByTestId('no-access')).toBeVisible();
  await page.goto('/manage');
  await expect(page.getByTestId('no-access')).toBeVisible();
});

test('a client viewer needs a client, and field errors are shown', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Новый пользователь' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Роль', { exact: true }).selectOption('client_viewer');
  await expect(dialog.getByLabel('Клиент')).toBeVisible();
  await dialog.getByLabel('Логин', { exact: true }).fill(unique('viewer'));
  await dialog.getByLabel('Имя', { exact: true }).fill('Без клиента');
  await dialog.getByLabel('Пароль', { exact: true }).fill('viewer-pass-1');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Клиент').selectOption({ label: 'ТелеКом Плюс' });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);
});

test('admin creates and revokes an API token and finds both in the audit log', async ({ page }) => {
  const name = unique('Интеграция CRM');
  await login(page, 'admin');
  await page.goto('/admin/tokens');
  await page.getByRole('button', { name: 'Новый токен' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Название').fill(name);
  await dialog.getByLabel('Роль', { exact: true }).selectOption('operator');
  await dialog.getByRole('button', { name: 'Создать токен' }).click();

  // The secret is shown once, with a copy button.
  const secret = page.getByTestId('secret');
  await expect(secret).toBeVisible();
  expect((await secret.inputValue()).length).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Копировать' }).click();
  await expect(page.getByRole('button', { name: 'Скопировано' })).toBeVisible();
  await page.getByRole('button', { name: 'Я сохранил секрет' }).click();
  await expect(page.getByTestId('secret')).toHaveCount(0);

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Активен');
  await expect(row).toContainText('Оператор');
  await row.getByRole('button', { name: 'Отозвать' }).click();
  await row.getByRole('button', { name: 'Да, отозвать' }).click();
  await expect(row).toContainText('Отозван');
  await expect(row.getByRole('button', { name: 'Отозвать' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Журнал аудита' }).click();
  await page.locator('select[name="entity"]').selectOption('api_token');
  const entries = page.getByRole('row').filter({ hasText: name });
  await expect(entries).toHaveCount(2);
  await expect(entries.filter({ hasText: 'Создание' })).toHaveCount(1);
  await expect(entries.filter({ hasText: /Изменение|Удаление/ })).toHaveCount(1);
  await expect(entries.first()).toContainText('Администратор системы');

  // Expanding an entry shows before/after; the revocation changed revoked_at.
  await entries.filter({ hasText: /Изменение|Удаление/ }).click();
  const diff = page.getByTestId('audit-diff');
  await expect(diff).toBeVisible();
  await expect(diff).toContainText(name);
  await expect(diff).toContainText(/revoked/i);
});
