import type { Role } from '@linia/engine';
import type { TopicNode } from '../tenants/contracts.ts';

/**
 * The demo contact center: an outsourcer with two clients and three hotlines, and people in
 * every role. Plain data, so the seeding code stays a loop and a test can read what to expect.
 */
export const DEMO_PASSWORD = 'linia-demo';
export const DEMO_TENANT = { slug: 'demo', name: 'Линия Сервис', timeZone: 'Europe/Moscow' };

const topics = (tree: Record<string, string[]>): TopicNode[] =>
  Object.entries(tree).map(([name, children], i) => ({
    id: `t${i + 1}`,
    name,
    children: children.map((child, j) => ({ id: `t${i + 1}.${j + 1}`, name: child, children: [] })),
  }));

export const DEMO_CLIENTS = [
  {
    key: 'telecom',
    name: 'ТелеКом Плюс',
    legalName: 'ООО «ТелеКом Плюс»',
    hotlines: [
      {
        code: 'telecom-support',
        name: 'Техническая поддержка абонентов',
        timeZone: 'Europe/Moscow',
        channels: ['voice', 'chat', 'email'],
        topics: topics({
          'Интернет': ['Нет соединения', 'Низкая скорость'],
          'Тарифы и оплата': ['Смена тарифа', 'Баланс и платежи'],
          'Оборудование': ['Настройка роутера', 'Замена оборудования'],
        }),
      },
      {
        code: 'telecom-sales',
        name: 'Подключение и продажи',
        timeZone: 'Europe/Moscow',
        channels: ['voice', 'chat', 'webform'],
        topics: topics({ 'Подключение': ['Проверка адреса', 'Заявка на подключение'], 'Заказ оборудования': [] }),
      },
    ],
  },
  {
    key: 'bank',
    name: 'Банк Северный',
    legalName: 'АО «Банк Северный»',
    hotlines: [
      {
        code: 'bank-cards',
        name: 'Карты и переводы',
        timeZone: 'Asia/Yekaterinburg',
        channels: ['voice', 'chat', 'email', 'messenger', 'letter'],
        topics: topics({
          'Карты': ['Блокировка карты', 'Перевыпуск'],
          'Переводы': ['Перевод не дошёл', 'Лимиты'],
          'Претензии': [],
        }),
      },
    ],
  },
] as const;

export interface DemoUser {
  login: string;
  name: string;
  role: Role;
  client?: 'telecom' | 'bank';
}

export const DEMO_USERS: DemoUser[] = [
  { login: 'admin', name: 'Администратор системы', role: 'admin' },
  { login: 'head', name: 'Ольга Смирнова', role: 'head_of_center' },
  { login: 'manager', name: 'Игорь Волков', role: 'cc_manager' },
  { login: 'planner', name: 'Марина Лебедева', role: 'planner' },
  { login: 'quality', name: 'Анна Кузнецова', role: 'quality_specialist' },
  { login: 'lead', name: 'Сергей Морозов', role: 'group_lead' },
  { login: 'senior', name: 'Елена Павлова', role: 'senior_operator' },
  { login: 'operator1', name: 'Дмитрий Иванов', role: 'operator' },
  { login: 'operator2', name: 'Наталья Соколова', role: 'operator' },
  { login: 'operator3', name: 'Алексей Попов', role: 'operator' },
  { login: 'operator4', name: 'Ирина Новикова', role: 'operator' },
  { login: 'client-a', name: 'Представитель ТелеКом Плюс', role: 'client_viewer', client: 'telecom' },
  { login: 'client-b', name: 'Представитель Банка Северный', role: 'client_viewer', client: 'bank' },
];
