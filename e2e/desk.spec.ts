import { expect, test, type Page } from '@playwright/test';
import { login, unique } from './helpers.ts';
import { startLetterFromNewCustomer } from './steps.ts';

test.use({ locale: 'ru-RU' });

/** Screenshots for review (desktop and phone width) when LINIA_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string, fullPage = false) {
  const dir = process.env.LINIA_SCREENSHOTS;
  if (!dir) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${dir}/${name}-desktop.png`, fullPage });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${dir}/${name}-phone.png`, fullPage });
  if (size) await page.setViewportSize(size);
}

test('an operator registers a letter from a new customer, finds it in the journal and on the customer card; the knowledge base answers "тарифа"', async ({ page }) => {
  const subject = `Письмо о смене тарифа ${unique('e2e')}`;
  const customerName = `Абонентов Тест ${unique('c').slice(-4)}`;

  await login(page, 'operator1');
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole('heading', { name: 'Журнал обращений' })).toBeVisible();
  await expect(page.getByRole('row')).not.toHaveCount(1);
  await shot(page, 'journal');

  // --- register a letter by hand
  const form = await startLetterFromNewCustomer(page, subject, customerName);
  await form.getByLabel('Номер договора *').fill('ТП-777001');

  // --- the knowledge base beside the form: an inflected word finds the article
  const panel = page.getByRole('complementary', { name: 'База знаний' });
  await panel.getByRole('searchbox').fill('тарифа');
  await panel.getByRole('button', { name: 'Поиск' }).click();
  const hit = panel.locator('.kb-result').filter({ hasText: 'Как сменить тариф' });
  await expect(hit).toBeVisible();
  await hit.getByRole('button', { name: 'Вставить ответ' }).click();
  await expect(form.getByLabel('Примечание и ответ абоненту')).toHaveValue(/Сменить тариф можно в личном кабинете/);
  await form.getByLabel('Результат').fill('Консультация');
  await shot(page, 'register', true);
  await form.getByRole('button', { name: 'Зарегистрировать' }).click();
  await expect(form.getByRole('status')).toContainText('Обращение зарегистрировано');

  // --- find it in the journal by full text
  await page.getByRole('link', { name: 'Журнал обращений' }).click();
  await page.getByLabel('Поиск по тексту').fill('тарифу');
  await page.getByLabel('Поиск по тексту').press('Enter');
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Письмо');
  await expect(row).toContainText(customerName);

  // --- the customer card shows the letter on the timeline
  await row.getByRole('link', { name: customerName }).click();
  await expect(page.getByRole('heading', { name: customerName })).toBeVisible();
  await expect(page.locator('.chips .chip').first()).toHaveText(/^\+7977\d{7}$/);
  const timeline = page.getByRole('list', { name: 'История обращений' });
  await expect(timeline.locator('.timeline-item')).toHaveCount(1);
  await expect(timeline).toContainText(subject);
  await expect(timeline).toContainText('Письмо');
});

test('the card of a demo customer and the knowledge article with versions and read confirmations', async ({ page }) => {
  await login(page, 'senior');
  await page.goto('/desk?q=' + encodeURIComponent('роутер'));
  const first = page.getByRole('row').nth(1);
  await first.getByRole('link').first().click();
  await expect(page.getByRole('list', { name: 'История обращений' }).locator('.timeline-item').first()).toBeVisible();
  await shot(page, 'customer');

  await page.goto('/desk/knowledge');
  await page.getByLabel('Поиск в базе знаний').fill('блокировка карты');
  await page.getByRole('button', { name: 'Поиск' }).click();
  await page.locator('.kb-item').getByRole('link', { name: 'Блокировка карты', exact: true }).click();
  await expect(page.getByTestId('reads-pending')).toContainText('Дмитрий Иванов');
  await page.getByRole('button', { name: 'Ознакомлен(а)' }).click();
  await expect(page.getByText('Вы ознакомлены')).toBeVisible();
  await shot(page, 'article');
});

test('the admin sees and changes the custom contact fields of a hotline', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/admin/hotlines');
  await page.getByRole('row').filter({ hasText: 'Карты и переводы' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Название поля').first()).toHaveValue('Последние 4 цифры карты');
  await dialog.getByRole('button', { name: '+ Поле' }).click();
  await dialog.getByLabel('Название поля').last().fill('Кодовое слово подтверждено');
  await dialog.getByLabel('Ключ').last().fill('codeword_ok');
  await dialog.getByLabel('Тип').last().selectOption('select');
  await dialog.getByLabel('Варианты, по одному в строке').fill('Да\nНет');
  await shot(page, 'hotline-fields');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toHaveCount(0);

  // The new field appears in the registration form of that hotline.
  await page.goto('/desk/new');
  await page.getByLabel('Горячая линия').selectOption({ label: 'Карты и переводы' });
  await expect(page.getByLabel('Кодовое слово подтверждено')).toBeVisible();
});
