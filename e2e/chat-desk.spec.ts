import { expect, request as playwrightRequest, test, type APIRequestContext, type Page, type WebSocketRoute } from '@playwright/test';
import WebSocket from 'ws';
import { apiAs, freeAgent, login } from './helpers.ts';

/**
 * The operator's chats screen and the lead's read-only watch. The customers are played through
 * the widget's public API (packages/server/src/chat/customerRoutes.ts) with their chat tokens,
 * exactly as the embedded widget calls it.
 */

interface Message {
  seq: number;
  attachment: { fileName: string } | null;
  author: string;
  body: string;
}

interface State {
  status: string;
  endedBy: string | null;
  agentTyping: boolean;
  agentReadSeq: number;
}

/** One customer in the widget: starts a chat and then talks with the chat's token. */
class Customer {
  private constructor(
    private readonly api: APIRequestContext,
    private readonly token: string,
    readonly contactId: string,
    private readonly baseURL: string,
  ) {}

  static async start(baseURL: string, widgetKey: string, name: string, message: string): Promise<Customer> {
    const api = await playwrightRequest.newContext({ baseURL });
    const res = await api.post(`/api/v1/chat/widgets/${widgetKey}/chats`, { data: { name, contact: `+7 900 ${Math.floor(1e6 + Math.random() * 8e6)}`, topicId: 't1.1', message } });
    expect(res.status(), await res.text()).toBe(201);
    const body = (await res.json()) as { token: string; state: { contactId: string } };
    return new Customer(api, body.token, body.state.contactId, baseURL);
  }

  private headers() {
    return { 'x-chat-token': this.token };
  }

  async say(body: string): Promise<void> {
    const res = await this.api.post('/api/v1/chat/session/messages', { headers: this.headers(), data: { body } });
    expect(res.status(), await res.text()).toBe(201);
  }

  /** A file from the customer, sent as the widget sends it (the raw body, its name in the query). */
  async sendFile(fileName: string, text: string): Promise<void> {
    const res = await this.api.post(`/api/v1/chat/session/attachments?fileName=${encodeURIComponent(fileName)}`, {
      headers: { ...this.headers(), 'content-type': 'text/plain' },
      data: Buffer.from(text),
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  /** The widget's live socket: while it is open the customer is online. */
  async goOnline(): Promise<WebSocket> {
    const ws = new WebSocket(`${this.baseURL.replace(/^http/, 'ws')}/api/v1/chat/ws?token=${encodeURIComponent(this.token)}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return ws;
  }

  async typing(typing: boolean): Promise<void> {
    expect((await this.api.post('/api/v1/chat/session/typing', { headers: this.headers(), data: { typing } })).status()).toBe(204);
  }

  async messages(): Promise<Message[]> {
    const res = await this.api.get('/api/v1/chat/session', { headers: this.headers() });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { messages: Message[] }).messages;
  }

  /** The customer has seen everything up to the newest message. */
  async readAll(): Promise<void> {
    const seq = Math.max(0, ...(await this.messages()).map((m) => m.seq));
    expect((await this.api.post('/api/v1/chat/session/read', { headers: this.headers(), data: { seq } })).status()).toBe(204);
  }

  async state(): Promise<State> {
    return ((await (await this.api.get('/api/v1/chat/session', { headers: this.headers() })).json()) as { state: State }).state;
  }

  close = () => this.api.dispose();
}

async function acceptOffer(operator: Page, customerName: string) {
  const popup = operator.getByRole('alertdialog', { name: 'Входящее обращение' });
  await expect(popup).toContainText(customerName);
  await popup.getByRole('button', { name: 'Принять' }).click();
  await expect(popup).toBeHidden();
}

test('an operator handles two chats at once; a lead watches one read only', async ({ browser, baseURL }) => {
  // A widget on the support line's chat queue (the admin sets it up once).
  const admin = await apiAs(baseURL!, 'admin');
  const queues = (await (await admin.get('/api/v1/acd/queues')).json()).items as { id: string; name: string; hotlineId: string }[];
  const queue = queues.find((q) => q.name === 'Поддержка — чат')!;
  // Open round the clock, so the test does not depend on the hour it runs at.
  const allDay = Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }]);
  const calendar = await admin.post('/api/v1/calendars', { data: { name: 'Круглосуточно (тест)', timeZone: 'Europe/Moscow', week: allDay, production: 'none' } });
  expect(calendar.status(), await calendar.text()).toBe(201);
  const calendarId = ((await calendar.json()) as { id: string }).id;
  const created = await admin.post('/api/v1/chat-widgets', { data: { hotlineId: queue.hotlineId, queueId: queue.id, name: 'Чат на сайте (тест)', calendarId } });
  expect(created.status(), await created.text()).toBe(201);
  const widgetKey = ((await created.json()) as { publicKey: string }).publicKey;

  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  // The desk's WebSocket passes through the test, so the test can drop it like a flaky network would.
  const deskSockets: WebSocketRoute[] = [];
  await operator.routeWebSocket(/\/api\/v1\/ws$/, (ws) => {
    ws.connectToServer();
    deskSockets.push(ws);
  });
  await login(operator, 'operator1');
  await operator.goto('/desk/chats');
  await expect(operator.getByText('Сейчас у вас нет чатов')).toBeVisible();
  const bar = operator.getByRole('region', { name: 'Статус оператора' });
  await bar.getByRole('button', { name: 'Готов', exact: true }).click();
  await expect(bar.getByTestId('agent-state')).toHaveText('Готов');

  // The first chat: accepted from the popup, it opens on the chats screen with the customer's question.
  const anna = await Customer.start(baseURL!, widgetKey, 'Анна Первая', 'Здравствуйте, пропал интернет');
  await acceptOffer(operator, 'Анна Первая');
  await expect(operator).toHaveURL(new RegExp(`/desk/chats/${anna.contactId}$`));
  const pane = operator.locator('section.chat-pane');
  await expect(pane.getByRole('heading', { name: 'Анна Первая' })).toBeVisible();
  await expect(pane.locator('.msg-customer')).toContainText('Здравствуйте, пропал интернет');
  // The accept's system line, worded in the desk's language.
  await expect(pane.locator('.msg-system')).toContainText(/Оператор .+ подключился к чату/);
  // Her widget connects: the operator sees her online, until it closes.
  await expect(pane.getByTestId('customer-presence')).toHaveText('клиент не в сети');
  const annaSocket = await anna.goOnline();
  await expect(pane.getByTestId('customer-presence')).toHaveText('клиент в сети');

  // A second chat while the first is in hand: the same popup, and it joins the list at once.
  const boris = await Customer.start(baseURL!, widgetKey, 'Борис Второй', 'Добрый день, вопрос по тарифу');
  await acceptOffer(operator, 'Борис Второй');
  const list = operator.getByRole('navigation', { name: 'Мои чаты' });
  await expect(list.getByRole('button')).toHaveCount(2);
  const annaTab = operator.getByTestId(`chat-tab-${anna.contactId}`);
  const borisTab = operator.getByTestId(`chat-tab-${boris.contactId}`);
  await expect(borisTab).toContainText('Нет соединения');

  // A draft for Boris survives switching to Anna and back.
  await borisTab.click();
  await expect(pane.getByRole('heading', { name: 'Борис Второй' })).toBeVisible();
  const reply = pane.getByLabel('Ответ клиенту');
  await reply.fill('Черновик для Бориса');
  await annaTab.click();
  await expect(pane.getByRole('heading', { name: 'Анна Первая' })).toBeVisible();
  await expect(reply).toHaveValue('');
  await expect(borisTab).toContainText('черновик ответа');

  // Anna types: the operator sees it; the operator answers with Ctrl+Enter; the customer gets it.
  await anna.typing(true);
  await expect(pane).toContainText('Клиент печатает…');
  await expect(annaTab).toContainText('печатает…');
  await reply.fill('Сейчас проверю линию');
  // While the operator writes, the customer's widget shows it; sending ends it.
  await expect.poll(async () => (await anna.state()).agentTyping).toBe(true);
  await reply.press('Control+Enter');
  await expect(reply).toHaveValue('');
  await expect.poll(async () => (await anna.state()).agentTyping).toBe(false);
  const mine = pane.locator('.msg-agent', { hasText: 'Сейчас проверю линию' });
  await expect(mine.getByTestId('tick')).toHaveText('✓Доставлено');
  await expect.poll(async () => (await anna.messages()).map((m) => m.body)).toContain('Сейчас проверю линию');
  // Read by the customer: the tick turns into a double one.
  await anna.readAll();
  await expect(mine.getByTestId('tick')).toHaveText('✓✓Прочитано');
  // Her new message arrives live and ends her typing mark.
  await anna.say('Роутер мигает красным');
  await expect(pane.locator('.msg-customer', { hasText: 'Роутер мигает красным' })).toBeVisible();
  await expect(pane).not.toContainText('Клиент печатает…');

  // Files both ways: the operator's reaches the customer; the customer's is a download link.
  await pane.locator('input[type="file"]').setInputFiles({ name: 'инструкция.txt', mimeType: 'text/plain', buffer: Buffer.from('Шаги перезагрузки роутера') });
  await expect(pane.locator('.msg-agent').getByRole('link', { name: 'инструкция.txt' })).toBeVisible();
  await expect.poll(async () => (await anna.messages()).some((m) => m.attachment?.fileName === 'инструкция.txt')).toBe(true);
  await anna.sendFile('фото-роутера.txt', 'индикатор LOS');
  const photo = pane.locator('.msg-customer').getByRole('link', { name: 'фото-роутера.txt' });
  await expect(photo).toBeVisible();
  const download = await operator.request.get((await photo.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe('индикатор LOS');
  annaSocket.close();
  await expect(pane.getByTestId('customer-presence')).toHaveText('клиент не в сети');

  // Boris writes while Anna's chat is on screen: his tab counts it as unread.
  await boris.say('Хочу сменить тариф');
  await expect(borisTab.locator('.chat-unread')).toHaveText('1');
  await expect(operator.getByRole('link', { name: 'Чаты (1)' })).toBeVisible();
  await borisTab.click();
  await expect(reply).toHaveValue('Черновик для Бориса');
  await expect(pane.locator('.msg-customer', { hasText: 'Хочу сменить тариф' })).toBeVisible();
  await expect(borisTab.locator('.chat-unread')).toHaveCount(0);
  // On screen means read: Boris's widget learns the operator has read his message.
  const borisLast = Math.max(...(await boris.messages()).map((m) => m.seq));
  await expect.poll(async () => (await boris.state()).agentReadSeq).toBe(borisLast);
  await expect(operator.getByRole('link', { name: 'Чаты', exact: true })).toBeVisible();

  // A canned answer from the knowledge base goes into Boris's draft and is sent.
  const kb = operator.getByRole('complementary', { name: 'База знаний' });
  const article = kb.locator('.kb-result', { hasText: 'Как сменить тариф' });
  await article.getByRole('button', { name: 'Вставить ответ' }).click();
  await expect(reply).toHaveValue(/^Черновик для Бориса\n\nСменить тариф можно в личном кабинете/);
  await pane.getByRole('button', { name: 'Отправить' }).click();
  await expect(pane.locator('.msg-agent', { hasText: 'Сменить тариф можно в личном кабинете' })).toBeVisible();
  await expect.poll(async () => (await boris.messages()).some((m) => m.author === 'agent' && m.body.includes('в личном кабинете'))).toBe(true);

  // The lead opens Anna's chat from the wallboard and watches it read only; a new message arrives live.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await login(lead, 'lead');
  await lead.goto('/wallboard');
  await lead.getByRole('row', { name: /Дмитрий Иванов/ }).getByRole('link', { name: 'Наблюдать: Анна Первая' }).click();
  await expect(lead).toHaveURL(new RegExp(`/wallboard/watch/${anna.contactId}$`));
  const watched = lead.locator('section.chat-watch');
  await expect(watched.getByRole('heading', { name: 'Анна Первая' })).toBeVisible();
  await expect(watched).toContainText('Роутер мигает красным');
  await expect(watched).toContainText('Только просмотр');
  await expect(lead.locator('textarea')).toHaveCount(0);
  await anna.say('Перезагрузила, не помогло');
  await expect(watched.locator('.msg-customer', { hasText: 'Перезагрузила, не помогло' })).toBeVisible();
  // Watching marks nothing read: Anna's new message is unread for the operator, who is on Boris's chat.
  await expect(annaTab.locator('.chat-unread')).toHaveText('1');

  // The connection drops and a message is sent meanwhile: its live event is lost with the socket,
  // but the desk re-reads its chats when the socket is back (it reconnects after about a second).
  const dropped = deskSockets.length;
  await Promise.all(deskSockets.map((ws) => ws.close()));
  await boris.say('Вы ещё тут?');
  await expect.poll(() => deskSockets.length, { timeout: 15_000 }).toBeGreaterThan(dropped);
  await expect(pane.locator('.msg-customer', { hasText: 'Вы ещё тут?' })).toBeVisible();

  // The operator ends Boris's chat (asked to confirm), the customer learns it, the wrap-up follows.
  await pane.getByRole('button', { name: 'Завершить чат' }).click();
  await pane.getByRole('button', { name: 'Да, завершить чат' }).click();
  await expect(pane).toContainText('Вы завершили чат');
  await expect.poll(async () => (await boris.state()).status).toBe('ended');
  await expect(pane.getByRole('link', { name: 'Карточка обращения' })).toHaveAttribute('href', `/desk/contacts/${boris.contactId}`);
  await pane.getByRole('button', { name: 'Завершить постобработку' }).click();
  await expect(borisTab).toHaveCount(0);
  // Anna's chat goes on.
  await expect(list.getByRole('button')).toHaveCount(1);

  // Leave operator1 free for the tests after this one.
  await freeAgent(await apiAs(baseURL!, 'operator1'));
  await anna.close();
  await boris.close();
  await operatorContext.close();
  await leadContext.close();
});
