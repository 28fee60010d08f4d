import { expect, type Page } from '@playwright/test';

/**
 * Steps of the desk story (registering a new customer's letter, opening a complaint from a
 * journal contact and escalating it, L2 settling it), named so the story test reads as the story
 * it tells and other tests reuse them.
 */

/** A phone no demo customer has, written the Russian way: "8 (977) 123-45-67". */
export function newPhone(): string {
  const digits = String(Date.now()).slice(-7);
  return `8 (977) ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5, 7)}`;
}

/**
 * Opens the registration form and fills a letter to the support line from a customer the
 * lookup does not find (a new card will be made), on the topic «Смена тарифа». Returns the form.
 */
export async function startLetterFromNewCustomer(page: Page, subject: string, customerName: string) {
  await page.getByRole('link', { name: 'Регистрация обращения' }).click();
  const form = page.getByRole('form', { name: 'Регистрация обращения' });
  await form.getByLabel('Канал').selectOption({ label: 'Письмо' });
  await form.getByLabel('Горячая линия').selectOption({ label: 'Техническая поддержка абонентов' });
  await form.getByLabel('Телефон', { exact: true }).fill(newPhone());
  await form.getByRole('button', { name: 'Найти' }).click();
  await expect(form.getByText('Абонент не найден — будет создана новая карточка.')).toBeVisible();
  await form.getByLabel('ФИО или название').fill(customerName);
  await form.getByLabel('Тема', { exact: true }).fill(subject);
  await form.getByLabel('Тематика').selectOption({ label: '\u2003Смена тарифа' });
  return form;
}

/** From the journal row of `subject`: a complaint case, taken into work, escalated to L2. Returns the case URL. */
export async function openComplaintAndEscalate(page: Page, subject: string, customerName: string, reason: string): Promise<string> {
  await page.goto('/desk?q=' + encodeURIComponent(subject));
  await page.getByRole('row').filter({ hasText: subject }).click();
  await page.getByRole('link', { name: 'Создать заявку' }).click();
  const form = page.getByRole('form', { name: 'Новая заявка' });
  await expect(page.getByText(`Клиент: ${customerName}`)).toBeVisible();
  await expect(form.getByLabel('Тема')).toHaveValue(subject);
  await form.getByLabel('Тип').selectOption({ label: 'Претензия' });
  await form.getByRole('button', { name: 'Открыть заявку' }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  const caseUrl = page.url();
  const moves = page.getByRole('group', { name: 'Сменить статус' });
  await moves.getByRole('button', { name: 'В работу' }).click();
  await expect(page.locator('.case-page .chips')).toContainText('В работе');
  // A complaint cannot be resolved before a decision and an answer: no "Resolve" is offered.
  await expect(moves.getByRole('button', { name: 'Решить' })).toHaveCount(0);
  await expect(page.getByText('Претензию можно решить только после записи решения')).toBeVisible();
  await expect(page.locator('.case-slas')).toContainText('Решение до');
  await page.getByLabel('Причина эскалации (нетиповой вопрос)').fill(reason);
  await page.getByRole('button', { name: 'Эскалировать' }).click();
  const timeline = page.getByRole('list', { name: 'История заявки' });
  await expect(timeline).toContainText('Эскалирована');
  await expect(timeline).toContainText('Вторая линия (L2)');
  return caseUrl;
}

/** A member of L2 finds the case in "my group", records the decision and the answer, and resolves it. */
export async function settleComplaintAsL2(page: Page, subject: string, caseUrl: string, decision: string, answer: string): Promise<void> {
  await page.goto('/desk/cases');
  await expect(page.getByRole('button', { name: 'Моей группы' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: subject }).click();
  await expect(page).toHaveURL(caseUrl);
  await page.getByLabel('Решение', { exact: true }).fill(decision);
  await page.getByRole('button', { name: 'Записать решение' }).click();
  await page.getByLabel('Ответ клиенту').fill(answer);
  await page.getByLabel('Канал ответа').selectOption({ label: 'Эл. почта' });
  await page.getByRole('button', { name: 'Записать отправку ответа' }).click();
  await page.getByRole('group', { name: 'Сменить статус' }).getByRole('button', { name: 'Решить' }).click();
  await expect(page.locator('.case-page .chips')).toContainText('Решена');
  const timeline = page.getByRole('list', { name: 'История заявки' });
  await expect(timeline).toContainText('Решение по претензии');
  await expect(timeline).toContainText('Ответ клиенту');
}
