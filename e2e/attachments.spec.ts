import { expect, test } from '@playwright/test';
import { apiAs, login, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('a letter is registered with its scan attached; a file over the limit is named and not stored, the contact is', async ({ page, baseURL }) => {
  const subject = unique('Письмо со сканом');
  await login(page, 'operator1');
  await page.getByRole('link', { name: 'Регистрация обращения' }).click();
  const form = page.getByRole('form', { name: 'Регистрация обращения' });
  await form.getByLabel('Канал').selectOption({ label: 'Письмо' });
  await form.getByLabel('Горячая линия').selectOption({ label: 'Карты и переводы' });
  await form.getByLabel('Тема', { exact: true }).fill(subject);
  await form.getByLabel('Последние 4 цифры карты *').fill('4417');
  const scan = Buffer.from('%PDF-1.4\n% скан письма клиента\n', 'utf8');
  const huge = Buffer.alloc(11 * 1024 * 1024, 0x41); // over the default 10 MB limit
  await form.getByLabel('Вложения (сканы писем, фото документов)').setInputFiles([
    { name: 'письмо-скан.pdf', mimeType: 'application/pdf', buffer: scan },
    { name: 'видео.mp4', mimeType: 'video/mp4', buffer: huge },
  ]);
  await expect(form.locator('.attachment-list li')).toHaveCount(2);
  await form.getByLabel('Результат').fill('Консультация');
  await form.getByRole('button', { name: 'Зарегистрировать' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Обращение зарегистрировано' })).toBeVisible();
  await expect(form.getByText('Файл «видео.mp4» не сохранён:')).toBeVisible();
  await expect(form.getByText('Файл «письмо-скан.pdf» не сохранён:')).toHaveCount(0);

  const api = await apiAs(baseURL!, 'operator1');
  const contact = (await (await api.get('/api/v1/contacts', { params: { q: subject } })).json()).items[0];
  const files = (await (await api.get(`/api/v1/contacts/${contact.id}/attachments`)).json()).items;
  expect(files.map((f: { fileName: string; size: number }) => [f.fileName, f.size])).toEqual([['письмо-скан.pdf', scan.length]]);
  const body = await (await api.get(`/api/v1/contacts/${contact.id}/attachments/${files[0].id}`)).body();
  expect(body.equals(scan)).toBe(true);

  // The journal card lists the file for download.
  await page.getByRole('link', { name: 'Журнал обращений' }).click();
  await page.getByLabel('Поиск по тексту').fill(subject);
  await page.getByLabel('Поиск по тексту').press('Enter');
  await page.getByRole('row').filter({ hasText: subject }).first().click();
  await expect(page.getByRole('region', { name: 'Вложения' }).getByRole('link', { name: 'письмо-скан.pdf' })).toBeVisible();
});
