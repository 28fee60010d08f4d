import { eq } from 'drizzle-orm';
import { validateScript, type ScriptDefinition } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { knowledgeArticles } from '../knowledge/schema.ts';
import { scripts } from '../scripts/schema.ts';
import { hotlines } from '../tenants/schema.ts';

/** The tariff-change script of the demo's technical support line (topic «Смена тарифа»). */
function tariffChange(articleId: string | undefined): ScriptDefinition {
  const articles = articleId ? { articleIds: [articleId] } : {};
  return {
    start: 'greet',
    steps: [
      { id: 'greet', kind: 'say', text: 'Здравствуйте! Техническая поддержка «ТелеКом Плюс», меня зовут … Чем могу помочь?', next: 'contract' },
      { id: 'contract', kind: 'field', text: 'Назовите, пожалуйста, номер договора.', fieldKey: 'contract_no', next: 'debt' },
      {
        id: 'debt', kind: 'question', text: 'Есть ли задолженность по лицевому счёту (проверьте в биллинге)?',
        answers: [
          { id: 'no', label: 'Задолженности нет', next: 'offer' },
          { id: 'yes', label: 'Есть задолженность', next: 'pay_first' },
        ],
      },
      {
        id: 'offer', kind: 'question', ...articles,
        text: 'Предложите тарифы линейки «Домашний»: Базовый 100 Мбит/с — 450 ₽, Максимум 500 Мбит/с — 750 ₽. Какой выбрал абонент?',
        answers: [
          { id: 'basic', label: 'Базовый', next: 'order' },
          { id: 'max', label: 'Максимум', next: 'order' },
          { id: 'none', label: 'Остаётся на текущем', next: 'keep' },
        ],
      },
      { id: 'order', kind: 'end', text: 'Заявка на смену тарифа оформлена, новый тариф начнёт действовать с 1-го числа. Спасибо за обращение!', outcome: 'Заявка оформлена' },
      { id: 'keep', kind: 'end', text: 'Хорошо, тариф остаётся прежним. Спасибо за обращение!', outcome: 'Консультация' },
      { id: 'pay_first', kind: 'end', text: 'Смена тарифа станет доступна после погашения задолженности. Оплатить можно в личном кабинете. Спасибо за обращение!', outcome: 'Консультация' },
    ],
  };
}

/** Any other topic of the line: greet, find out whether it is solved, close. */
const general: ScriptDefinition = {
  start: 'greet',
  steps: [
    { id: 'greet', kind: 'say', text: 'Здравствуйте! Техническая поддержка «ТелеКом Плюс», меня зовут … Чем могу помочь?', next: 'solved' },
    {
      id: 'solved', kind: 'question', text: 'Удалось решить вопрос абонента на линии?',
      answers: [
        { id: 'yes', label: 'Да, решено', next: 'done' },
        { id: 'no', label: 'Нет, нужна 2-я линия', next: 'escalate' },
      ],
    },
    { id: 'done', kind: 'end', text: 'Рад был помочь! Всего доброго.', outcome: 'Решено' },
    { id: 'escalate', kind: 'end', text: 'Я передаю ваш вопрос специалистам второй линии, они свяжутся с вами. Спасибо за ожидание!', outcome: 'Передано на 2-ю линию' },
  ],
};

/** Demo conversation scripts, checked by the same rules the editor enforces. */
export async function seedScripts(tx: Tx): Promise<void> {
  const [line] = await tx.select().from(hotlines).where(eq(hotlines.code, 'telecom-support'));
  if (!line) return;
  const [article] = await tx.select({ id: knowledgeArticles.id }).from(knowledgeArticles).where(eq(knowledgeArticles.title, 'Как сменить тариф'));
  const fieldKeys = line.customFields.map((f) => f.key);
  const rows = [
    { name: 'Смена тарифа', topicId: 't2.1', definition: tariffChange(article?.id) },
    { name: 'Общий сценарий техподдержки', topicId: null, definition: general },
  ];
  for (const r of rows) {
    const issues = validateScript(r.definition, { fieldKeys });
    if (issues.length > 0) throw new Error(`demo script ${r.name}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  }
  await tx.insert(scripts).values(rows.map((r) => ({ ...r, hotlineId: line.id, clientId: line.clientId })));
}
