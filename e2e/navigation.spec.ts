import { expect, test } from '@playwright/test';
import { apiAs, login, navLinks } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('an operator sees only the Desk', async ({ page }) => {
  await login(page, 'operator1');
  await expect(navLinks(page)).toHaveText(['Рабочее место']);
});

test('client-a sees only the client portal with only its own hotlines', async ({ page, baseURL }) => {
  // Which hotlines are whose, asked as the admin, so the test does not hard-code seed ids.
  const admin = await apiAs(baseURL!, 'admin');
  const clients = (await (await admin.get('/api/v1/clients')).json()) as { items: { id: string; name: string }[] };
  const hotlines = (await (await admin.get('/api/v1/hotlines?limit=200')).json()) as {
    items: { name: string; clientId: string }[];
  };
  await admin.dispose();
  const telecom = clients.items.find((c) => c.name === 'ТелеКом Плюс')!;
  const own = hotlines.items.filter((h) => h.clientId === telecom.id).map((h) => h.name);
  const foreign = hotlines.items.filter((h) => h.clientId !== telecom.id).map((h) => h.name);
  expect(own.length).toBeGreaterThan(0);
  expect(foreign.length).toBeGreaterThan(0);

  await login(page, 'client-a');
  await expect(page).toHaveURL(/\/client$/);
  await expect(navLinks(page)).toHaveText(['Кабинет клиента']);
  const cards = page.getByTestId('client-hotlines').locator('h3');
  await expect(cards).toHaveCount(own.length);
  for (const name of own) await expect(cards.filter({ hasText: name })).toHaveCount(1);
  for (const name of foreign) await expect(page.getByText(name)).toHaveCount(0);
});

test('the admin sees every area', async ({ page }) => {
  await login(page, 'admin');
  await expect(navLinks(page)).toHaveText([
    'Рабочее место',
    'Мониторинг',
    'Контроль качества',
    'Планирование',
    'Управление',
    'Кабинет клиента',
    'Администрирование',
  ]);
  for (const [path, heading] of [
    ['/wallboard', 'Мониторинг'],
    ['/planning', 'Планирование'],
    ['/manage', 'Управление'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
});

test('a URL of an area the role lacks shows "no access"', async ({ page }) => {
  await login(page, 'operator1');
  for (const path of ['/admin/users', '/wallboard', '/client']) {
    await page.goto(path);
    await expect(page.getByTestId('no-access')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Нет доступа' })).toBeVisible();
  }
  // The way back leads to the operator's own area.
  await page.getByRole('link', { name: 'На главную' }).click();
  await expect(page).toHaveURL(/\/desk$/);
});

test('a signed-out visitor is sent to the login page and back after signing in', async ({ page }) => {
  await page.goto('/admin/clients');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Логин').fill('admin');
  await page.getByLabel('Пароль').fill('linia-demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/admin\/clients$/);
  await expect(page.getByRole('cell', { name: 'Банк Северный', exact: true })).toBeVisible();
});

test('the head of the center reads the setup and the audit log but changes nothing', async ({ page }) => {
  await login(page, 'head');
  await expect(navLinks(page).last()).toHaveText('Администрирование');
  await page.goto('/admin/users');
  const sections = page.getByRole('navigation').getByRole('link');
  await expect(sections.filter({ hasText: 'Журнал аудита' })).toHaveCount(1);
  await expect(sections.filter({ hasText: 'Токены API' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Новый пользователь' })).toHaveCount(0);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Журнал аудита' })).toBeVisible();
});

test('the contact-center manager keeps hotlines but not users, tokens or the audit log', async ({ page }) => {
  await login(page, 'manager');
  await page.goto('/admin/hotlines');
  await expect(page.getByRole('heading', { level: 1, name: 'Горячие линии' })).toBeVisible();
  const sections = page.getByRole('navigation').getByRole('link');
  await expect(sections.filter({ hasText: 'Журнал аудита' })).toHaveCount(0);
  await expect(sections.filter({ hasText: 'Токены API' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('button', { name: 'Новый пользователь' })).toHaveCount(0);
});
