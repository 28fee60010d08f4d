import { expect, test, type Page } from '@playwright/test';
import { apiAs, login, logout, unique } from './helpers.ts';

test.use({ locale: 'ru-RU' });

/** Demo agents by name → login (packages/server/src/demo/demoCenter.ts). */
const LOGINS: Record<string, string> = {
  'Дмитрий Иванов': 'operator1',
  'Наталья Соколова': 'operator2',
  'Алексей Попов': 'operator3',
  'Ирина Новикова': 'operator4',
  'Елена Павлова': 'senior',
};

async function addCriterion(page: Page, section: number, row: number, title: string, scale: string, errorClass: string, fail = 'Без обнуления') {
  const sec = page.getByRole('region', { name: `Раздел ${section + 1}` });
  if (row > 0) await sec.getByRole('button', { name: 'Добавить критерий' }).click();
  const tr = sec.locator('tbody tr').nth(row);
  await tr.getByRole('textbox', { name: 'Критерий' }).fill(title);
  await tr.getByRole('combobox', { name: 'Шкала' }).selectOption({ label: scale });
  await tr.getByRole('combobox', { name: 'Класс ошибки' }).selectOption({ label: errorClass });
  await tr.getByRole('combobox', { name: 'При провале' }).selectOption({ label: fail });
}

test('a specialist builds a scorecard, a plan assigns evaluations, the specialist evaluates a chat, the operator disputes a criterion, the lead resolves it', async ({ page, baseURL }) => {
  const title = `Чат: проверка ${unique('sc').slice(-6)}`;
  const planName = `План ${unique('p').slice(-6)}`;

  // --- the quality specialist builds and publishes a scorecard
  await login(page, 'quality');
  await page.goto('/quality/scorecards');
  await page.getByRole('button', { name: 'Новый оценочный лист' }).click();
  await page.locator('input[name="title"]').fill(title);
  await page.locator('input[name="section-0-title"]').fill('Этикет');
  await addCriterion(page, 0, 0, 'Поздоровался', 'Да / нет', 'Некритичная');
  await addCriterion(page, 0, 1, 'Вежливость', '1–5 баллов', 'Критично для клиента');
  await page.getByRole('button', { name: 'Добавить раздел' }).click();
  await page.locator('input[name="section-1-title"]').fill('Решение');
  await addCriterion(page, 1, 0, 'Информация верна', '1–4 балла', 'Критично для клиента', 'Обнуляет раздел');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Версия 1 · черновик')).toBeVisible();
  await page.getByRole('button', { name: 'Опубликовать' }).click();
  await expect(page.getByText('Версия 1 · опубликована')).toBeVisible();

  // --- a sampling plan assigns evaluations to her
  await page.getByRole('link', { name: 'Планы выборки' }).click();
  await page.getByRole('button', { name: 'Новый план' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="planName"]').fill(planName);
  await dialog.locator('select[name="planScorecard"]').selectOption({ label: title });
  // Enough per agent to take every remaining contact of the week, so the sample surely holds a chat to evaluate.
  await dialog.locator('input[name="perAgent"]').fill('20');
  await dialog.getByLabel('Анна Кузнецова').check();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  const row = page.getByRole('row').filter({ hasText: planName });
  await row.getByRole('button', { name: 'Запустить' }).click();
  await expect(page.getByRole('status')).toContainText(/Назначено оценок: [1-9]/);

  // --- she evaluates a chat from her assignments
  const api = await apiAs(baseURL!, 'quality');
  const mine = (await (await api.get('/api/v1/quality/evaluations?mine=true&status=assigned&limit=200')).json()).items as { id: string; channel: string; scorecardTitle: string; agentName: string }[];
  const chat = mine.find((e) => e.scorecardTitle === title && (e.channel === 'chat' || e.channel === 'messenger'))!;
  expect(chat, 'the plan assigned a chat').toBeTruthy();
  await page.getByRole('link', { name: 'Оценки', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: title }).first()).toBeVisible();
  await page.goto(`/quality/evaluations/${chat.id}`);
  await expect(page.getByRole('list', { name: 'Расшифровка' })).toContainText('Здравствуйте');
  await page.getByRole('combobox', { name: 'Поздоровался' }).selectOption({ label: 'Да' });
  await page.getByRole('combobox', { name: 'Вежливость' }).selectOption({ label: '4' });
  await page.getByRole('combobox', { name: 'Информация верна' }).selectOption({ label: '2' });
  await page.getByRole('textbox', { name: 'Комментарий: Информация верна' }).fill('Срок подключения назван неверно');
  await page.locator('input[name="noteAt"]').fill('20');
  await page.locator('input[name="noteText"]').fill('Пауза перед ответом');
  await page.getByRole('button', { name: 'Добавить заметку' }).click();
  await page.locator('textarea[name="feedback"]').fill('Проверяйте сроки по базе знаний');
  await page.getByRole('button', { name: 'Отправить оценку' }).click();
  await expect(page.getByText('Отправлена')).toBeVisible();
  // Etiquette (1·1 + 1·0.75)/2 = 0.875, solution (2−1)/(4−1) = 0.333 → (0.875 + 0.333)/2 = 60.4 %.
  await expect(page.locator('.q-total [data-testid="score"]')).toHaveText('60.4 %');
  await logout(page);

  // --- the operator sees it under "My evaluations" and disputes one criterion
  const agentLogin = LOGINS[chat.agentName]!;
  await login(page, agentLogin);
  await page.getByRole('link', { name: 'Мои оценки' }).click();
  await page.getByRole('row').filter({ hasText: title }).first().click();
  await expect(page.getByText('Проверяйте сроки по базе знаний')).toBeVisible();
  await expect(page.getByText('«Срок подключения назван неверно»')).toBeVisible();
  await page.getByRole('button', { name: 'Ознакомлен(а)' }).click();
  await expect(page.getByText(/Ознакомлен\(а\) \d/)).toBeVisible();
  const criterion = page.locator('[data-criterion="Информация верна"]');
  await criterion.getByRole('button', { name: 'Оспорить' }).click();
  await page.locator('input[name="disputeComment"]').fill('Срок назван по действующему регламенту');
  await page.getByRole('button', { name: 'Отправить' }).click();
  await expect(criterion).toContainText('на рассмотрении');
  await logout(page);

  // --- the group lead resolves the dispute: accepted, the score is recomputed
  await login(page, 'lead');
  await page.goto('/quality/disputes');
  await page.getByRole('row').filter({ hasText: 'Срок назван по действующему регламенту' }).click();
  const panel = page.getByRole('region', { name: 'Споры' });
  await panel.getByRole('combobox', { name: 'Информация верна' }).selectOption({ label: '4' });
  await panel.locator('input[name="reason"]').fill('Регламент подтверждает срок');
  await panel.getByRole('button', { name: 'Принять' }).click();
  await expect(page.getByText('Спор решён')).toBeVisible();
  // Solution now (4−1)/(4−1) = 1 → (0.875 + 1)/2 = 93.8 %.
  await expect(page.locator('.q-total [data-testid="score"]')).toHaveText('93.8 %');
  await expect(page.getByRole('region', { name: 'История' })).toContainText('принял(а) спор — «Регламент подтверждает срок»');
});

test('a calibration with three evaluators shows each one\'s deviation from the reference', async ({ page, baseURL }) => {
  const title = `Калибровка ${unique('k').slice(-6)}`;
  await login(page, 'quality');
  await page.goto('/quality/calibrations');
  await page.getByRole('button', { name: 'Новая сессия' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="calibrationTitle"]').fill(title);
  await dialog.locator('select[name="calibrationContact"]').selectOption({ index: 1 });
  await dialog.locator('select[name="calibrationScorecard"]').selectOption({ label: 'Чат и почта: стандарт обслуживания' });
  for (const name of ['Анна Кузнецова', 'Сергей Морозов', 'Администратор системы']) await dialog.getByLabel(name).check();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const sessionId = page.url().split('/').pop()!;

  // She scores in the browser; the other two score through the API (each sees only their own).
  const answers = { greeting: 1, politeness: 5, noForbidden: 1, correct: 4, complete: 5, firstResponse: 1, identified: 'na', consent: 'na' };
  for (const [id, value] of Object.entries(answers)) {
    const label = { greeting: 'Поприветствовал клиента в первом ответе', politeness: 'Вежливость и корректность', noForbidden: 'Без запрещённых фраз', correct: 'Информация верна', complete: 'Полнота ответа', firstResponse: 'Первый ответ вовремя', identified: 'Идентифицировал клиента перед раскрытием данных', consent: 'Получил согласие на обработку ПДн' }[id]!;
    const select = page.getByRole('combobox', { name: label });
    await select.selectOption(value === 'na' ? 'na' : String(value));
  }
  await page.getByRole('button', { name: 'Сохранить мою оценку' }).click();
  await expect(page.getByText('Оценка сохранена')).toBeVisible();
  for (const [loginName, change] of [['lead', { politeness: 3 }], ['admin', { correct: 2 }]] as const) {
    const api = await apiAs(baseURL!, loginName);
    expect((await api.post(`/api/v1/quality/calibrations/${sessionId}/score`, { data: { answers: { ...answers, ...change } } })).status()).toBe(200);
  }
  await page.reload();
  await page.getByLabel('Эталон — моя оценка (иначе — мнение большинства)').check();
  await page.getByRole('button', { name: 'Раскрыть результаты' }).click();
  const result = page.getByRole('region', { name: 'Результаты калибровки' });
  await expect(result).toBeVisible();
  // Reference 100 %. Politeness 3 (0.5, weight 3 of 5): etiquette 0.7 → (2·0.7 + 3)/5 = 0.88, −12 p.p.;
  // «correct» 2 of 4 (1/3, weight 2 of 4): solution 2/3 → (2 + 3·2/3)/5 = 0.8, −20 p.p.
  await expect(result.locator('[data-evaluator="Анна Кузнецова"] [data-testid="deviation"]')).toHaveText('0.0 п.п.');
  await expect(result.locator('[data-evaluator="Сергей Морозов"] [data-testid="deviation"]')).toHaveText('−12.0 п.п.');
  await expect(result.locator('[data-evaluator="Администратор системы"] [data-testid="deviation"]')).toHaveText('−20.0 п.п.');
  await expect(result.locator('[data-evaluator="Администратор системы"] .q-mismatch')).toHaveCount(1);
});

test('results show the trend and error frequency with exports; a customer answers a survey link once; the lead gets the low score as a follow-up', async ({ page, baseURL }) => {
  await login(page, 'quality');
  await page.goto('/quality/results');
  await expect(page.getByRole('img', { name: 'Динамика оценки' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Оценки за периоды' }).getByRole('row')).not.toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Частота ошибок по критериям' })).toContainText('Информация верна');
  await expect(page.getByRole('link', { name: 'Выгрузить XLSX' })).toHaveAttribute('href', /evaluations\.xlsx\?lang=ru$/);
  const csv = await (await apiAs(baseURL!, 'quality')).get('/api/v1/quality/reports/evaluations.csv');
  expect((await csv.text()).startsWith('\uFEFFОценка;')).toBe(true);
  await expect(page.getByRole('table', { name: 'Автоматическая оценка всех обращений за неделю' }).getByRole('row')).not.toHaveCount(1);
  await page.getByRole('combobox', { name: 'Разрез' }).selectOption({ label: 'По группам' });
  await expect(page.getByRole('table', { name: 'Оценки за периоды' })).toContainText('Группа Морозова');
  await logout(page);

  // --- the desk sends a survey for a finished chat; the customer opens the link without signing in
  const desk = await apiAs(baseURL!, 'operator1');
  const hotlines = (await (await desk.get('/api/v1/hotlines')).json()).items as { id: string; code: string }[];
  const subject = `Чат для опроса ${unique('s').slice(-6)}`;
  const contact = await (await desk.post('/api/v1/contacts', { data: { channel: 'chat', hotlineId: hotlines.find((h) => h.code === 'telecom-support')!.id, subject } })).json();
  const survey = await (await desk.post('/api/v1/surveys', { data: { contactId: contact.id } })).json();
  await page.goto(survey.url);
  await expect(page.getByRole('heading', { name: /Оцените, пожалуйста/ })).toBeVisible();
  await page.getByRole('radio', { name: '2' }).click();
  await page.locator('textarea[name="comment"]').fill('Ответ пришлось ждать долго');
  await page.getByRole('button', { name: 'Отправить' }).click();
  await expect(page.getByRole('heading', { name: 'Спасибо за ваш ответ!' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Спасибо за ваш ответ!' })).toBeVisible();

  // --- the lead sees CSAT by agent and the follow-up, and closes it
  await login(page, 'lead');
  await page.goto('/quality/satisfaction');
  await expect(page.getByRole('table', { name: 'CSAT и NPS' })).toContainText('Дмитрий Иванов');
  const followUp = page.getByRole('table', { name: 'Задачи после низких оценок' }).getByRole('row').filter({ hasText: subject });
  await expect(followUp).toContainText('CSAT 2 ≤ 3 — «Ответ пришлось ждать долго»');
  await followUp.getByRole('button', { name: 'Выполнено' }).click();
  await expect(followUp).toContainText('выполнена');
});
