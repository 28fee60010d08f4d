import { expect, test } from '@playwright/test';
import { apiAs, login, logout, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

test('the desk makes a survey link for an e-mail contact (not for a chat); the customer answers it once', async ({ page, baseURL }) => {
  const desk = await apiAs(baseURL!, 'operator1');
  const hotlines = (await (await desk.get('/api/v1/hotlines')).json()).items as { id: string; code: string }[];
  const hotlineId = hotlines.find((h) => h.code === 'telecom-sales')!.id;
  const email = await (await desk.post('/api/v1/contacts', { data: { channel: 'email', hotlineId, subject: unique('Письмо о тарифе') } })).json();
  const chat = await (await desk.post('/api/v1/contacts', { data: { channel: 'chat', hotlineId, subject: unique('Чат о тарифе') } })).json();

  await login(page, 'operator1');
  await page.goto(`/desk/contacts/${chat.id}`);
  await expect(page.getByRole('region', { name: 'Заявки клиента' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Опрос удовлетворённости' })).toHaveCount(0); // a chat sends its own

  await page.goto(`/desk/contacts/${email.id}`);
  const panel = page.getByRole('region', { name: 'Опрос удовлетворённости' });
  await panel.getByRole('button', { name: 'Создать ссылку на опрос' }).click();
  const field = panel.getByRole('textbox', { name: 'Ссылка для клиента' });
  await expect(field).toHaveValue(/\/survey\/[A-Za-z0-9_-]{20,}$/);
  await expect(panel).toContainText('показывается один раз');
  const link = await field.inputValue();

  // A second link for the same contact is refused with a clear message.
  await page.reload();
  await page.getByRole('region', { name: 'Опрос удовлетворённости' }).getByRole('button', { name: 'Создать ссылку на опрос' }).click();
  await expect(page.getByRole('region', { name: 'Опрос удовлетворённости' }).getByRole('alert')).toBeVisible();
  await logout(page);

  // The customer opens the link from the e-mail without signing in and answers once.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: /Оцените, пожалуйста/ })).toBeVisible();
  await page.getByRole('radio', { name: '5' }).click();
  await page.getByRole('button', { name: 'Отправить' }).click();
  await expect(page.getByRole('heading', { name: 'Спасибо за ваш ответ!' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Спасибо за ваш ответ!' })).toBeVisible();
});

test('results summarise calibration over sessions per evaluator: sessions, mean absolute deviation, bias', async ({ page, baseURL }) => {
  const specialist = await apiAs(baseURL!, 'quality');
  const users = (await (await specialist.get('/api/v1/users?limit=200')).json()).items as { id: string; login: string }[];
  const id = (login: string) => users.find((u) => u.login === login)!.id;
  const scorecardId = ((await (await specialist.get('/api/v1/quality/scorecards')).json()).items as { id: string; title: string }[]).find((s) => s.title === 'Чат и почта: стандарт обслуживания')!.id;
  const contactId = (await (await specialist.get('/api/v1/quality/evaluations?limit=1')).json()).items[0].contactId;
  const answers = { greeting: 1, politeness: 5, noForbidden: 1, correct: 4, complete: 5, firstResponse: 1, identified: 'na', consent: 'na' };
  // Two sessions revealed against the majority: the admin is strict once, the lead once.
  for (const [i, strict] of [['admin', { correct: 2 }], ['lead', { politeness: 3 }]].entries()) {
    const session = await (await specialist.post('/api/v1/quality/calibrations', { data: { title: unique(`Сводка ${i}`), contactId, scorecardId, evaluatorIds: [id('quality'), id('lead'), id('admin')] } })).json();
    for (const login of ['quality', 'lead', 'admin']) {
      const api = login === 'quality' ? specialist : await apiAs(baseURL!, login);
      const mine = login === strict[0] ? { ...answers, ...(strict[1] as object) } : answers;
      expect((await api.post(`/api/v1/quality/calibrations/${session.id}/score`, { data: { answers: mine } })).status()).toBe(200);
    }
    expect((await specialist.post(`/api/v1/quality/calibrations/${session.id}/reveal`, { data: {} })).status()).toBe(200);
  }

  await login(page, 'quality');
  await page.goto('/quality/results');
  const table = page.getByRole('table', { name: 'Калибровка экспертов' });
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  for (const name of ['Анна Кузнецова', 'Сергей Морозов', 'Администратор системы']) await expect(row(name)).toBeVisible();
  // Anna always matched the majority; the other two deviated (downwards) in one session each.
  await expect(row('Анна Кузнецова').getByRole('cell').nth(2)).toHaveText('0.0 %');
  await expect(row('Администратор системы').getByRole('cell').nth(3)).toHaveText(/^−|^-/);
  await expect(row('Сергей Морозов').getByRole('cell').nth(3)).toHaveText(/^−|^-/);
});
