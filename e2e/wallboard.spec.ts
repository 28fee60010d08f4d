import { expect, test } from '@playwright/test';
import { login, unique } from './helpers.ts';

/** ACD configuration screens (skills, queues) and the lead's live control of an agent's skills and queues. */
test('a manager configures a skill and a queue; the lead gives an agent the skill and the queue', async ({ browser }) => {
  const skillName = unique('Немецкий');
  const queueName = unique('Очередь');
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await login(manager, 'manager');

  await manager.goto('/admin/skills');
  await manager.getByRole('button', { name: 'Новый навык' }).click();
  const skillDialog = manager.getByRole('dialog');
  await skillDialog.getByLabel('Код').fill('german');
  await skillDialog.getByLabel('Название').fill(skillName);
  await skillDialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(manager.getByRole('table', { name: 'Навыки' })).toContainText(skillName);

  await manager.goto('/admin/queues');
  await manager.getByRole('button', { name: 'Новая очередь' }).click();
  const dialog = manager.getByRole('dialog');
  await dialog.getByLabel('Название', { exact: true }).fill(queueName);
  await dialog.getByLabel('Горячая линия').selectOption({ label: 'Карты и переводы' });
  await dialog.getByLabel('Канал').selectOption({ label: 'Чаты' });
  await dialog.getByLabel(skillName).selectOption({ label: '≥ 2' });
  await dialog.getByLabel('Время на ответ, с').fill('1');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  // Bad input is named at its field.
  await expect(dialog.locator('.field.has-error')).toContainText('Время на ответ');
  await dialog.getByLabel('Время на ответ, с').fill('30');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(manager.getByRole('table', { name: 'Очереди' })).toContainText(queueName);
  await managerContext.close();

  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await login(lead, 'lead');
  await lead.goto('/wallboard');
  await expect(lead.getByRole('region', { name: queueName })).toBeVisible();
  const row = lead.getByRole('row', { name: /Алексей Попов/ });
  await row.getByRole('button', { name: 'Навыки и очереди' }).click();
  const edit = lead.getByRole('dialog');
  await edit.getByLabel(skillName).selectOption('3');
  await edit.getByLabel(queueName).check();
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(row).toContainText(queueName);
  // The queue now has a member.
  await expect(lead.getByRole('region', { name: queueName })).toContainText('0 / 1');
  await leadContext.close();
});
