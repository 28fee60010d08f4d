import { expect, test } from '@playwright/test';
import { apiAs, login, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('a manager adds a product to a hotline catalog with a price in rubles; a wrong price is named and nothing is saved', async ({ page, baseURL }) => {
  const name = unique('Роутер Wi-Fi 6');
  await login(page, 'manager');
  await page.goto('/admin/catalog');
  await page.getByLabel('Горячая линия').selectOption({ label: 'Подключение и продажи' });
  await page.getByRole('button', { name: 'Новая позиция' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Название').fill(name);
  await dialog.getByLabel('Артикул').fill('RT-6');
  await dialog.getByLabel('Цена, ₽').fill('пять тысяч');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.locator('.field.has-error')).toContainText('Цена в рублях');
  await dialog.getByLabel('Цена, ₽').fill('5 389,80');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('5 389,80');
  await expect(row).toContainText('Товар');

  // The operator's order form offers it at that price (kopecks on the wire).
  const api = await apiAs(baseURL!, 'operator1');
  const lines = (await (await api.get('/api/v1/hotlines')).json()).items as { id: string; code: string }[];
  const sales = lines.find((h) => h.code === 'telecom-sales')!.id;
  const items = (await (await api.get('/api/v1/catalog', { params: { hotlineId: sales, limit: 200 } })).json()).items;
  expect(items.find((i: { name: string }) => i.name === name)).toMatchObject({ price: 538980, sku: 'RT-6', kind: 'product', active: true });
});
