import { expect, test } from '@playwright/test';
import { apiAs, login, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('a senior operator builds a branching script in the editor; problems show as they are made and go when fixed', async ({ page }) => {
  const name = unique('Сценарий');
  await login(page, 'senior');
  await page.goto('/desk/scripts');
  await page.getByRole('button', { name: 'Новый сценарий' }).click();
  const editor = page.getByRole('form', { name: 'Сценарий' });
  await editor.getByLabel('Название').fill(name);
  await editor.getByLabel('Горячая линия').selectOption({ label: 'Подключение и продажи' });
  await editor.getByLabel('Тематика').selectOption({ label: 'Подключение' });

  // The starter is a greeting (s1) leading to an end (s2). Add a question: nobody leads to it yet.
  await editor.getByLabel('Тип нового шага').selectOption({ label: 'Вопрос' });
  await editor.getByRole('button', { name: '+ Шаг' }).click();
  const question = editor.getByTestId('step-s3');
  await question.getByLabel('Вопрос клиенту').fill('Адрес уже подключён к сети?');
  await question.getByLabel('Ответ 1').fill('Да');
  await question.getByRole('button', { name: '+ Ответ' }).click();
  await question.getByLabel('Ответ 2').fill('Нет');
  const diagram = page.getByRole('img', { name: 'Схема сценария' });
  await expect(diagram.locator('.flow-node.is-unreached')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'В сценарии' })).toContainText('"s3" cannot be reached');

  // Lead the greeting to the question: the problem goes, the diagram draws three rows.
  await editor.getByTestId('step-s1').getByLabel('Следующий шаг').selectOption('s3');
  await expect(page.getByText('Ошибок нет: из каждого шага можно дойти до завершения.')).toBeVisible();
  await expect(diagram.locator('.flow-node')).toHaveCount(3);
  await expect(diagram.locator('.flow-node.is-unreached')).toHaveCount(0);
  await expect(diagram.locator('.flow-edge')).toHaveCount(3); // s1→s3, and both answers → s2

  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toContainText('версия 1');
  await expect(page).toHaveURL(/\/desk\/scripts\/[0-9a-f-]{36}$/);

  // A change of the steps makes version 2.
  await editor.getByTestId('step-s2').getByLabel('Что сказать').fill('Спасибо, заявка принята!');
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toContainText('версия 2');
  await page.goto('/desk/scripts');
  await page.getByLabel('Горячая линия').selectOption({ label: 'Подключение и продажи' });
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Подключение');
});

test('an operator walks the tariff script while registering a call: the answers fill the form and the path is stored with the contact', async ({ page, baseURL }) => {
  const subject = unique('Смена тарифа по сценарию');
  await login(page, 'operator1');
  await page.getByRole('link', { name: 'Регистрация обращения' }).click();
  const form = page.getByRole('form', { name: 'Регистрация обращения' });
  await form.getByLabel('Канал').selectOption({ label: 'Входящий звонок' });
  await form.getByLabel('Горячая линия').selectOption({ label: 'Техническая поддержка абонентов' });
  await form.getByLabel('Тема', { exact: true }).fill(subject);
  await form.getByLabel('Тематика').selectOption({ label: '\u2003Смена тарифа' });

  const walker = page.getByRole('region', { name: 'Сценарий' });
  await expect(walker.getByRole('heading')).toHaveText('Сценарий: Смена тарифа');
  await expect(walker.getByTestId('script-step')).toContainText('Здравствуйте!');
  await walker.getByRole('button', { name: 'Далее' }).click();
  await walker.getByLabel('Назовите, пожалуйста, номер договора.').fill('ТП-555123');
  await walker.getByLabel('Назовите, пожалуйста, номер договора.').press('Enter');
  await expect(form.getByLabel('Номер договора *')).toHaveValue('ТП-555123');
  // A wrong branch, then back.
  await walker.getByRole('button', { name: 'Есть задолженность' }).click();
  await expect(walker.getByTestId('script-step')).toContainText('после погашения задолженности');
  await walker.getByRole('button', { name: '← Шаг назад' }).click();
  await walker.getByRole('button', { name: 'Задолженности нет' }).click();
  await expect(walker.getByRole('link', { name: 'статья 1' })).toBeVisible();
  await walker.getByRole('button', { name: 'Максимум' }).click();
  await walker.getByRole('button', { name: 'Завершить' }).click();
  await expect(walker.getByRole('status')).toContainText('Заявка оформлена');
  await expect(form.getByLabel('Результат')).toHaveValue('Заявка оформлена');

  await form.getByRole('button', { name: 'Зарегистрировать' }).click();
  await expect(form.getByRole('status')).toContainText('Обращение зарегистрировано');

  // The path is on the contact, as walked (the wrong branch undone).
  const api = await apiAs(baseURL!, 'operator1');
  const contact = (await (await api.get('/api/v1/contacts', { params: { q: subject } })).json()).items[0];
  expect(contact.subject).toBe(subject);
  expect(contact.customFields.contract_no).toBe('ТП-555123');
  const run = (await (await api.get(`/api/v1/contacts/${contact.id}/script-run`)).json()).run;
  expect(run).toMatchObject({ scriptName: 'Смена тарифа', finished: true, outcome: 'Заявка оформлена' });
  expect(run.path.map((p: { answerLabel?: string; value?: string; stepId: string }) => p.answerLabel ?? p.value ?? p.stepId)).toEqual([
    'greet', 'ТП-555123', 'Задолженности нет', 'Максимум', 'order',
  ]);

  // …and the journal card shows it (what quality reviews later).
  await page.getByRole('link', { name: 'Журнал обращений' }).click();
  await page.getByLabel('Поиск по тексту').fill(subject);
  await page.getByLabel('Поиск по тексту').press('Enter');
  await page.getByRole('row').filter({ hasText: subject }).first().click();
  const path = page.getByRole('region', { name: 'Путь по сценарию' });
  await expect(path).toContainText('Смена тарифа');
  await expect(path).toContainText('Задолженности нет');
  await expect(path).toContainText('Пройден до конца, результат: Заявка оформлена');
});
