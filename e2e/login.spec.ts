import { expect, test } from '@playwright/test';
import { login, navLinks } from './helpers.ts';

test.describe('login in Russian (browser locale ru-RU)', () => {
  test.use({ locale: 'ru-RU' });

  test('shows the Russian form and signs an operator in', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Вход в систему' })).toBeVisible();
    await expect(page.getByLabel('Логин')).toBeVisible();
    await login(page, 'operator1');
    await expect(page).toHaveURL(/\/desk$/);
    await expect(page.locator('.user-role')).toHaveText('Оператор');
    await expect(page.getByTestId('tenant-name')).toHaveText('Линия Сервис');
    // The desk opens on the contact journal.
    await expect(page.getByRole('link', { name: 'Рабочее место' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Журнал обращений' })).toBeVisible();
  });

  test('a wrong password shows the error', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Логин').fill('operator2');
    await page.getByLabel('Пароль').fill('not-the-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('Неверный логин или пароль');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('too many attempts shows the wait from Retry-After', async ({ page }) => {
    // Faked at the network layer: really tripping the limiter would lock this address out for 15 min.
    await page.route('**/api/v1/auth/login', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '42', 'Content-Type': 'application/problem+json' },
        body: JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429, detail: '' }),
      }),
    );
    await page.goto('/login');
    await page.getByLabel('Логин').fill('operator3');
    await page.getByLabel('Пароль').fill('whatever');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByTestId('login-error')).toContainText(/Слишком много попыток. Повторите через 4[12] с/);
  });
});

test.describe('login in English', () => {
  test('browser locale en-US gives the English UI', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: 'en-US', baseURL });
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await login(page, 'senior');
    await expect(page.locator('.user-role')).toHaveText('Senior operator');
    await expect(navLinks(page)).toHaveText(['Desk', 'Wallboard']);
    await context.close();
  });

  test('the RU/EN switch changes the language and is remembered', async ({ page }) => {
    // Default locale of the config is ru-RU.
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Вход в систему' })).toBeVisible();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('linia.lang'))).toBe('en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await login(page, 'quality');
    await expect(page.locator('.user-role')).toHaveText('Quality specialist');
    // Areas come in the engine's order, so a quality specialist starts on the wallboard.
    await expect(page).toHaveURL(/\/wallboard/);
    await expect(page.getByRole('heading', { name: 'Queue monitoring', level: 1 })).toBeVisible();
    // And back to Russian from the header of the signed-in shell.
    await page.locator('.topbar').getByRole('button', { name: 'RU', exact: true }).click();
    await expect(page.locator('.user-role')).toHaveText('Специалист по контролю качества');
    await expect(page.getByRole('heading', { name: 'Мониторинг очередей', level: 1 })).toBeVisible();
  });
});
