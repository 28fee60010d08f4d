import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// Run with E2E_PORT=8193 (the simulation's own port). A planner loads the example day, changes it
// in the form, runs it on the server and reads the results; a wrong field comes back by its path.
test('planner: load the example scenario, run it, read the results', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'planner');
  await page.goto('/planning');
  await page.getByRole('link', { name: 'Симуляция' }).click();
  await expect(page).toHaveURL(/\/planning\/simulation/);

  await page.getByLabel('Пример').selectOption('support-day');
  await page.getByRole('button', { name: 'Загрузить' }).click();
  await expect(page.getByTestId('sim-queue')).toHaveCount(3);
  await expect(page.getByTestId('sim-agents')).toHaveCount(4);
  await expect(page.getByTestId('sim-queue').first().getByLabel('Код очереди')).toHaveValue('support');

  // one agent more in the first group, through the form
  const count = page.getByTestId('sim-agents').first().getByLabel('Сколько');
  await expect(count).toHaveValue('9');
  await count.fill('10');

  await page.getByRole('button', { name: 'Запустить', exact: true }).click();
  const summary = page.getByTestId('sim-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  const offered = Number(await summary.locator('div', { hasText: 'Поступило' }).locator('dd').innerText());
  expect(offered).toBeGreaterThan(1500);
  await expect(summary.locator('div', { hasText: 'Уровень сервиса' }).locator('dd')).toContainText('%');
  await expect(page.locator('.sim-chart svg rect.sim-offered').first()).toBeVisible();
  await expect(page.locator('.sim-results tbody tr')).toHaveCount(20);

  // the JSON view: the form's change is there; a wrong strategy is refused by its path
  await page.getByRole('tab', { name: 'JSON' }).click();
  const json = page.getByLabel('Сценарий (JSON)');
  const scenario = JSON.parse(await json.inputValue());
  expect(scenario.agents[0].count).toBe(10);
  scenario.queues[0].strategy = 'fastest';
  await json.fill(JSON.stringify(scenario));
  await page.getByRole('button', { name: 'Запустить', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('queues.0.strategy');
});

// The live run on the demo center: started and stopped from the screen; its agents show on the wallboard.
test('planner: run live on the demo center, see its agents on the wallboard, stop it', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'planner');
  await page.goto('/planning/simulation');
  const live = page.getByRole('region', { name: 'Живой прогон на демо-центре' });
  await live.getByRole('button', { name: 'Запустить живой прогон' }).click();
  await expect(live.getByRole('button', { name: 'Остановить' })).toBeVisible();
  await expect(live.getByTestId('sim-live-progress')).toContainText('Живой прогон: поступило');
  await live.getByRole('link', { name: 'Открыть табло' }).click();
  await expect(page.getByText('Sim demo-support-1').first()).toBeVisible({ timeout: 30_000 });
  await page.goBack();
  await live.getByRole('button', { name: 'Остановить' }).click();
  await expect(live.getByRole('button', { name: 'Запустить живой прогон' })).toBeVisible({ timeout: 30_000 });
});
