import type { ContactChannel, CustomFieldDef } from '@linia/engine';

/**
 * The demo desk: custom fields of the demo hotlines, customers, knowledge articles and a few
 * days of contacts, so a fresh `npm start` shows a living journal. Plain data; seedDesk.ts
 * turns it into rows.
 */
export const DEMO_FIELDS: Record<string, CustomFieldDef[]> = {
  'telecom-support': [
    { key: 'contract_no', label: 'Номер договора', type: 'text', required: true },
    { key: 'connection', label: 'Тип подключения', type: 'select', required: false, options: ['Оптика (GPON)', 'Ethernet', 'ADSL', 'Мобильный интернет'] },
    { key: 'callback_phone', label: 'Телефон для связи', type: 'phone', required: false },
  ],
  'telecom-sales': [
    { key: 'address', label: 'Адрес подключения', type: 'text', required: true },
    { key: 'services', label: 'Интересующие услуги', type: 'multiselect', required: false, options: ['Интернет', 'ТВ', 'Мобильная связь', 'Видеонаблюдение'] },
  ],
  'bank-cards': [
    { key: 'card_last4', label: 'Последние 4 цифры карты', type: 'text', required: true },
    { key: 'amount', label: 'Сумма операции, ₽', type: 'number', required: false },
    { key: 'operation_date', label: 'Дата операции', type: 'date', required: false },
  ],
};

export interface DemoCustomer {
  name: string;
  organization?: string;
  phone?: string;
  email?: string;
  messenger?: string;
  notes?: string;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  { name: 'Петров Иван Сергеевич', phone: '8 (912) 345-67-89', email: 'i.petrov@mail.ru', notes: 'Предпочитает связь по e-mail.' },
  { name: 'Кузнецова Мария Андреевна', phone: '+7 903 111-22-33', email: 'maria.k@yandex.ru' },
  { name: 'Сидоров Алексей Викторович', phone: '89161234567', organization: 'ИП Сидоров А. В.' },
  { name: 'Орлова Екатерина Павловна', phone: '+7 (921) 555-01-02', messenger: 'tg:ekaterina_orlova' },
  { name: 'Васильев Николай Петрович', phone: '8 343 222-33-44', notes: 'Пенсионер, говорить медленно и чётко.' },
  { name: 'Фёдорова Анна Игоревна', email: 'anna.fedorova@gmail.com', phone: '+79055550123' },
  { name: 'ООО «Вектор»', organization: 'ООО «Вектор»', phone: '+7 495 777-88-99', email: 'office@vector-llc.ru' },
  { name: 'Морозов Дмитрий Олегович', phone: '9221234567' },
  { name: 'Лебедева Ольга Николаевна', phone: '+7 912 000-11-22', email: 'olga.lebedeva@bk.ru' },
  { name: 'Новиков Павел Андреевич', messenger: 'wa:79135557788', phone: '+7 913 555-77-88' },
  { name: 'Зайцева Татьяна Викторовна', phone: '8 (950) 640-12-34' },
  { name: 'Григорьев Михаил Юрьевич', email: 'm.grigoriev@rambler.ru', phone: '+7 917 301-45-67' },
];

export interface DemoArticle {
  hotline: string | null;
  category: string;
  kind: 'article' | 'qa';
  title: string;
  answer: string;
  body: string;
  typical?: boolean;
  /** The text of an earlier version, so the demo shows a history and a diff. */
  previous?: { answer: string; body: string };
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    hotline: 'telecom-support', category: 'Тарифы', kind: 'article', typical: true,
    title: 'Как сменить тариф',
    answer: 'Сменить тариф можно в личном кабинете в разделе «Тарифы» или по звонку на горячую линию. Новый тариф начнёт действовать с 1-го числа следующего месяца, смена бесплатна раз в 30 дней.',
    body: 'Абонент может сменить тариф самостоятельно или через оператора.\n1. Уточните номер договора и ФИО владельца.\n2. Проверьте, нет ли задолженности: при долге смена тарифа недоступна.\n3. Предложите тарифы линейки «Домашний»: Базовый 100 Мбит/с — 450 ₽, Максимум 500 Мбит/с — 750 ₽.\n4. Оформите заявку на смену; тариф начнёт действовать с 1-го числа.\nПовторная смена — не чаще раза в 30 дней.',
    previous: {
      answer: 'Сменить тариф можно в личном кабинете в разделе «Тарифы» или по звонку на горячую линию. Новый тариф начнёт действовать с 1-го числа следующего месяца.',
      body: 'Абонент может сменить тариф самостоятельно или через оператора.\n1. Уточните номер договора и ФИО владельца.\n2. Предложите тарифы линейки «Домашний»: Базовый 100 Мбит/с — 400 ₽, Максимум 500 Мбит/с — 700 ₽.\n3. Оформите заявку на смену; тариф начнёт действовать с 1-го числа.',
    },
  },
  {
    hotline: 'telecom-support', category: 'Интернет', kind: 'article', typical: true,
    title: 'Нет соединения с интернетом',
    answer: 'Пожалуйста, перезагрузите роутер: выключите его из розетки на 30 секунд и включите снова. Если через 5 минут соединения нет, я оформлю заявку, и инженер свяжется с вами в течение 4 часов.',
    body: 'Порядок диагностики:\n1. Проверьте по договору, нет ли аварии на адресе (раздел «Аварии»).\n2. Уточните, горит ли индикатор PON/LOS на роутере.\n3. Попросите перезагрузить роутер.\n4. Проверьте баланс: при отрицательном балансе доступ приостанавливается.\n5. Если не помогло — заявка на выезд инженера, тематика «Интернет / Нет соединения».',
  },
  {
    hotline: 'telecom-support', category: 'Интернет', kind: 'qa',
    title: 'Почему низкая скорость по Wi-Fi?',
    answer: 'Скорость по Wi-Fi зависит от расстояния до роутера и помех. Для проверки подключите компьютер кабелем и измерьте скорость на speedtest.net.',
    body: 'Если по кабелю скорость соответствует тарифу, проблема в Wi-Fi: рекомендуйте диапазон 5 ГГц и установку роутера в центре квартиры.',
  },
  {
    hotline: 'telecom-support', category: 'Оборудование', kind: 'article',
    title: 'Настройка роутера',
    answer: 'Откройте в браузере адрес 192.168.0.1, войдите с логином и паролем с наклейки на роутере и выберите «Быстрая настройка» — тип подключения PPPoE, логин и пароль из договора.',
    body: 'Поддерживаемые модели: TP-Link Archer C6, Keenetic Speedster, Huawei HG8245. Для других моделей — общая инструкция на сайте.',
  },
  {
    hotline: 'telecom-sales', category: 'Подключение', kind: 'article', typical: true,
    title: 'Проверка возможности подключения по адресу',
    answer: 'Сейчас проверю ваш адрес. Назовите, пожалуйста, город, улицу, дом и квартиру.',
    body: 'Проверка выполняется по карте покрытия. Если дом подключён — предложите заявку на подключение (срок 3 рабочих дня). Если нет — запишите адрес в лист ожидания.',
  },
  {
    hotline: 'bank-cards', category: 'Карты', kind: 'article', typical: true,
    title: 'Блокировка карты',
    answer: 'Я заблокирую карту прямо сейчас. Назовите, пожалуйста, последние 4 цифры номера карты и кодовое слово. Перевыпуск карты бесплатный, новая карта будет готова через 5 рабочих дней.',
    body: 'Основания: утеря, кража, подозрение на мошенничество.\n1. Идентифицируйте клиента по кодовому слову.\n2. Заблокируйте карту в АБС (статус «Утеряна»).\n3. Предложите перевыпуск.\n4. При спорных операциях — оформите претензию (тематика «Претензии»).',
  },
  {
    hotline: 'bank-cards', category: 'Переводы', kind: 'qa', typical: true,
    title: 'Перевод не дошёл до получателя',
    answer: 'Переводы по номеру телефона обычно зачисляются мгновенно, но в отдельных случаях до 1 рабочего дня. Если деньги не поступили, я оформлю запрос на розыск перевода.',
    body: 'Уточните дату, сумму и реквизиты получателя. Розыск — в течение 5 рабочих дней, ответ клиенту по SMS.',
  },
  {
    hotline: 'bank-cards', category: 'Карты', kind: 'qa',
    title: 'Какие лимиты по карте?',
    answer: 'Снятие наличных — до 300 000 ₽ в сутки, переводы — до 1 000 000 ₽ в месяц. Лимиты можно изменить в мобильном приложении.',
    body: '',
  },
  {
    hotline: null, category: 'Общие правила', kind: 'article', typical: false,
    title: 'Обработка персональных данных (152-ФЗ)',
    answer: 'Ваш звонок записывается для контроля качества обслуживания.',
    body: 'Не называйте персональные данные клиента вслух целиком. Перед сообщением данных по договору — идентификация. Карточку клиента открывайте только при обращении: каждый просмотр фиксируется в журнале аудита.',
  },
  {
    hotline: null, category: 'Общие правила', kind: 'article', typical: true,
    title: 'Приветствие и завершение разговора',
    answer: 'Спасибо за обращение! Если появятся вопросы — звоните, мы на связи круглосуточно. Хорошего дня!',
    body: 'Приветствие: «Компания …, оператор …, здравствуйте!». Завершение: резюмируйте договорённости и поблагодарите за обращение.',
  },
];

export interface DemoContactTemplate {
  hotline: string;
  channel: ContactChannel;
  topicId: string;
  subject: string;
  notes: string;
  outcome: string;
  fields: Record<string, string | number | string[]>;
}

export const DEMO_OUTCOMES = ['Консультация', 'Решено', 'Заявка оформлена', 'Передано на 2-ю линию', 'Перезвонить'];

export const DEMO_CONTACT_TEMPLATES: DemoContactTemplate[] = [
  { hotline: 'telecom-support', channel: 'voice_in', topicId: 't1.1', subject: 'Нет интернета с утра', notes: 'Перезагрузка роутера не помогла, оформлена заявка на выезд инженера.', outcome: 'Заявка оформлена', fields: { contract_no: 'ТП-104587', connection: 'Оптика (GPON)' } },
  { hotline: 'telecom-support', channel: 'chat', topicId: 't1.2', subject: 'Низкая скорость вечером', notes: 'Рекомендовано подключиться по кабелю и проверить скорость.', outcome: 'Консультация', fields: { contract_no: 'ТП-220311', connection: 'Ethernet' } },
  { hotline: 'telecom-support', channel: 'voice_in', topicId: 't2.1', subject: 'Хочет сменить тариф на Максимум', notes: 'Смена тарифа оформлена с 1-го числа.', outcome: 'Решено', fields: { contract_no: 'ТП-118840' } },
  { hotline: 'telecom-support', channel: 'email', topicId: 't2.2', subject: 'Двойное списание абонентской платы', notes: 'Письмо передано в биллинг для проверки списаний.', outcome: 'Передано на 2-ю линию', fields: { contract_no: 'ТП-330097' } },
  { hotline: 'telecom-support', channel: 'voice_in', topicId: 't3.1', subject: 'Не может настроить роутер', notes: 'Продиктованы настройки PPPoE, интернет заработал.', outcome: 'Решено', fields: { contract_no: 'ТП-145522', connection: 'Ethernet' } },
  { hotline: 'telecom-support', channel: 'letter', topicId: 't3.2', subject: 'Заявление на замену оборудования', notes: 'Бумажное заявление, роутер неисправен после грозы.', outcome: 'Заявка оформлена', fields: { contract_no: 'ТП-099871' } },
  { hotline: 'telecom-sales', channel: 'webform', topicId: 't1.1', subject: 'Можно ли подключиться в новостройке?', notes: 'Дом в зоне покрытия, предложена заявка.', outcome: 'Консультация', fields: { address: 'г. Москва, ул. Лесная, д. 12, кв. 45', services: ['Интернет', 'ТВ'] } },
  { hotline: 'telecom-sales', channel: 'voice_in', topicId: 't1.2', subject: 'Заявка на подключение интернета и ТВ', notes: 'Подключение назначено на четверг.', outcome: 'Заявка оформлена', fields: { address: 'г. Москва, Профсоюзная ул., д. 65, кв. 8', services: ['Интернет', 'ТВ'] } },
  { hotline: 'telecom-sales', channel: 'chat', topicId: 't2', subject: 'Заказ второго роутера', notes: 'Оформлен заказ роутера Keenetic с доставкой.', outcome: 'Заявка оформлена', fields: { address: 'г. Химки, ул. Молодёжная, д. 4', services: ['Интернет'] } },
  { hotline: 'bank-cards', channel: 'voice_in', topicId: 't1.1', subject: 'Потеряна карта', notes: 'Карта заблокирована, заказан перевыпуск.', outcome: 'Решено', fields: { card_last4: '4417' } },
  { hotline: 'bank-cards', channel: 'messenger', topicId: 't2.1', subject: 'Перевод по номеру телефона не пришёл', notes: 'Оформлен запрос на розыск перевода.', outcome: 'Заявка оформлена', fields: { card_last4: '0932', amount: 15000, operation_date: '2026-11-20' } },
  { hotline: 'bank-cards', channel: 'email', topicId: 't2.2', subject: 'Увеличить лимит на снятие наличных', notes: 'Разъяснено, как изменить лимит в приложении.', outcome: 'Консультация', fields: { card_last4: '7781' } },
  { hotline: 'bank-cards', channel: 'letter', topicId: 't3', subject: 'Претензия: списание без согласия', notes: 'Письменная претензия, скан приложен. Передано в отдел претензий.', outcome: 'Передано на 2-ю линию', fields: { card_last4: '5520', amount: 3490, operation_date: '2026-11-18' } },
  { hotline: 'bank-cards', channel: 'fax', topicId: 't1.2', subject: 'Перевыпуск корпоративной карты', notes: 'Факс от бухгалтерии, заявка на перевыпуск принята.', outcome: 'Заявка оформлена', fields: { card_last4: '1203' } },
  { hotline: 'bank-cards', channel: 'walk_in', topicId: 't1.1', subject: 'Клиент пришёл в офис: карта застряла в банкомате', notes: 'Карта заблокирована, банкомат передан в обслуживание.', outcome: 'Решено', fields: { card_last4: '6604' } },
  { hotline: 'bank-cards', channel: 'voice_out', topicId: 't2.1', subject: 'Обратный звонок по розыску перевода', notes: 'Перевод найден и зачислен, клиент уведомлён.', outcome: 'Решено', fields: { card_last4: '0932', amount: 15000 } },
];
