import { expect, test } from '@playwright/test';
import { apiAs, login, logout, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('a user changes the password and signs in with the new one', async ({ page, baseURL }) => {
  // A user of its own, so changing the password cannot disturb other tests.
  const loginName = unique('pwd');
  const oldPassword = 'first-password-1';
  const newPassword = 'second-password-2';
  const admin = await apiAs(baseURL!, 'admin');
  const created = await admin.post('/api/v1/users', {
    data: { login: loginName, name: 'Проверка пароля', role: 'operator', password: oldPassword },
  });
  expect(created.status()).toBe(201);
  await admin.dispose();

  await login(page, loginName, oldPassword);
  await page.getByTestId('user-chip').click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Учётная запись' })).toBeVisible();

  // Too short is refused before asking the server.
  await page.getByLabel('Текущий пароль').fill(oldPassword);
  await page.getByLabel('Новый пароль', { exact: true }).fill('short');
  await page.getByLabel('Повторите новый пароль').fill('short');
  await page.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(page.locator('.field-error')).toHaveText('Не короче 8 символов');

  await page.getByLabel('Новый пароль', { exact: true }).fill(newPassword);
  await page.getByLabel('Повторите новый пароль').fill(newPassword);
  await page.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(page.getByText('Пароль изменён')).toBeVisible();

  await logout(page);
  await page.getByLabel('Логин').fill(loginName);
  await page.getByLabel('Пароль').fill(oldPassword);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('Неверный логин или пароль');

  await page.getByLabel('Пароль').fill(newPassword);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.locator('.user-name')).toHaveText('Проверка пароля');
});
