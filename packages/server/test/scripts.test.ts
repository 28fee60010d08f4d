import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const definition = {
  start: 'greet',
  steps: [
    { kind: 'say', id: 'greet', text: 'Здравствуйте!', next: 'what' },
    {
      kind: 'question', id: 'what', text: 'Какой вопрос?',
      answers: [{ id: 'change', label: 'Сменить тариф', next: 'contract' }, { id: 'info', label: 'Условия', next: 'consult' }],
    },
    { kind: 'field', id: 'contract', text: 'Номер договора?', fieldKey: 'contract_no', next: 'amount' },
    { kind: 'field', id: 'amount', text: 'Сумма платежа?', fieldKey: 'amount', next: 'done' },
    { kind: 'end', id: 'done', text: 'Заявка оформлена', outcome: 'Заявка оформлена' },
    { kind: 'end', id: 'consult', text: 'Спасибо!', outcome: 'Консультация' },
  ],
};

describe(`conversation scripts (${dbKind})`, () => {
  let t: TestApp;
  let senior: string;
  let op: string;
  let other: string;
  let hotlineId: string;
  const call = (method: Method, url: string, payload?: object, cookie = senior) => t.call(method, url, payload, cookie);

  beforeAll(async () => {
    t = await testApp();
    senior = await t.login('senior');
    op = await t.login('operator1');
    other = await t.login(OTHER.admin, OTHER.password);
    const admin = await t.login('admin');
    const clientId = (await call('GET', '/api/v1/clients', undefined, admin)).json().items[0].id;
    const h = await call('POST', '/api/v1/hotlines', {
      clientId, name: 'Сценарии', code: 'scripts-test', timeZone: 'Europe/Moscow', channels: ['voice', 'letter'],
      topics: [{ id: 'tariffs', name: 'Тарифы', children: [{ id: 'change', name: 'Смена тарифа' }] }, { id: 'other', name: 'Прочее' }],
      customFields: [
        { key: 'contract_no', label: 'Номер договора', type: 'text', required: true },
        { key: 'amount', label: 'Сумма', type: 'number' },
      ],
    }, admin);
    expect(h.statusCode).toBe(201);
    hotlineId = h.json().id;
  });
  afterAll(() => t.close());

  it('a senior writes a script bound to a topic; every change of the steps raises the version', async () => {
    const res = await call('POST', '/api/v1/scripts', { hotlineId, topicId: 'tariffs', name: 'Тарифы', definition });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ hotlineId, topicId: 'tariffs', name: 'Тарифы', version: 1, active: true });
    const renamed = (await call('PATCH', `/api/v1/scripts/${s.id}`, { name: 'Тарифы и смена' })).json();
    expect(renamed.version).toBe(1); // a name is not the script
    const changed = { ...definition, steps: definition.steps.map((x) => (x.id === 'greet' ? { ...x, text: 'Добрый день!' } : x)) };
    expect((await call('PATCH', `/api/v1/scripts/${s.id}`, { definition: changed })).json().version).toBe(2);
    // back to the first text: a change again, so version 3
    expect((await call('PATCH', `/api/v1/scripts/${s.id}`, { name: 'Тарифы', definition })).json().version).toBe(3);
  });

  it('refuses a broken script, naming each problem inside the definition', async () => {
    const broken = {
      start: 'greet',
      steps: [
        { kind: 'say', id: 'greet', text: 'Здравствуйте!', next: 'nowhere' },
        { kind: 'field', id: 'f', text: 'ИНН?', fieldKey: 'inn', next: 'greet' },
      ],
    };
    const res = await call('POST', '/api/v1/scripts', { hotlineId, name: 'Сломанный', definition: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body.definition.steps.0.next', message: 'no step "nowhere"' },
      { field: 'body.definition.steps.1.fieldKey', message: 'the hotline has no field "inn"' },
    ]);
    const badTopic = await call('POST', '/api/v1/scripts', { hotlineId, topicId: 'nope', name: 'x', definition });
    expect(badTopic.json().errors[0].field).toBe('body.topicId');
    const badKind = await call('POST', '/api/v1/scripts', { hotlineId, name: 'x', definition: { start: 'a', steps: [{ kind: 'dance', id: 'a', text: 'x' }] } });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0].field).toMatch(/^body\.definition\.steps\.0/);
  });

  it('finds the script for a topic: its own, a parent topic, or the hotline-wide one', async () => {
    const general = (await call('POST', '/api/v1/scripts', { hotlineId, name: 'Общий', definition })).json();
    const match = async (topic?: string) =>
      (await call('GET', `/api/v1/scripts/match?hotlineId=${hotlineId}${topic ? `&topicId=${topic}` : ''}`, undefined, op)).json().script?.name;
    expect(await match('change')).toBe('Тарифы');
    expect(await match('tariffs')).toBe('Тарифы');
    expect(await match('other')).toBe('Общий');
    expect(await match()).toBe('Общий');
    await call('PATCH', `/api/v1/scripts/${general.id}`, { active: false });
    expect(await match('other')).toBeUndefined();
  });

  it('operators walk scripts but do not write them; another tenant sees none of them', async () => {
    const s = (await call('GET', `/api/v1/scripts?hotlineId=${hotlineId}`, undefined, op)).json().items[0];
    expect((await call('POST', '/api/v1/scripts', { hotlineId, name: 'x', definition }, op)).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/scripts/${s.id}`, { name: 'x' }, op)).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/scripts/${s.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/scripts/${s.id}`, { name: 'x' }, other)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/scripts/${s.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/scripts', undefined, other)).json().items).toEqual([]);
    // a script of this tenant named by another one is "no such script", not a leak
    expect((await call('POST', '/api/v1/scripts', { hotlineId, name: 'x', definition }, other)).json().errors[0].field).toBe('body.hotlineId');
  });

  it('stores the walked path with the contact, fills its fields and outcome, and refuses a path the script does not allow', async () => {
    const script = (await call('GET', `/api/v1/scripts/match?hotlineId=${hotlineId}&topicId=change`, undefined, op)).json().script;
    const contact = (await call('POST', '/api/v1/contacts', { hotlineId, channel: 'voice_in', topicId: 'change' }, op)).json();
    const run = (steps: object[]) => call('PUT', `/api/v1/contacts/${contact.id}/script-run`, { scriptId: script.id, steps }, op);

    const skipped = await run([{ stepId: 'greet' }, { stepId: 'contract', value: 'Д-1' }]);
    expect(skipped.statusCode).toBe(400);
    expect(skipped.json().errors).toEqual([{ field: 'body.steps.1', message: 'expected step "what", got "contract"' }]);

    const badNumber = await run([{ stepId: 'greet' }, { stepId: 'what', answerId: 'change' }, { stepId: 'contract', value: 'Д-77' }, { stepId: 'amount', value: 'двенадцать' }]);
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().errors[0].field).toBe('body.steps.3.value');
    expect((await call('GET', `/api/v1/contacts/${contact.id}/script-run`, undefined, op)).json().run).toBeNull();

    const ok = await run([
      { stepId: 'greet' }, { stepId: 'what', answerId: 'change' }, { stepId: 'contract', value: 'Д-77' }, { stepId: 'amount', value: '1 500,50' }, { stepId: 'done' },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ scriptName: 'Тарифы', scriptVersion: 3, finished: true, outcome: 'Заявка оформлена' });
    expect(ok.json().path.map((p: { stepId: string; answerLabel?: string; value?: string }) => p.answerLabel ?? p.value ?? p.stepId)).toEqual([
      'greet', 'Сменить тариф', 'Д-77', '1 500,50', 'done',
    ]);
    const c = (await call('GET', `/api/v1/contacts/${contact.id}`, undefined, op)).json();
    expect(c.customFields).toEqual({ contract_no: 'Д-77', amount: 1500.5 });
    expect(c.outcome).toBe('Заявка оформлена');

    // Walking again replaces the run (one per contact); quality reads it.
    await run([{ stepId: 'greet' }, { stepId: 'what', answerId: 'info' }]);
    const stored = (await call('GET', `/api/v1/contacts/${contact.id}/script-run`, undefined, await t.login('quality'))).json().run;
    expect(stored).toMatchObject({ finished: false, outcome: null });
    expect(stored.path).toHaveLength(2);
    // another tenant can neither read nor write it
    expect((await call('GET', `/api/v1/contacts/${contact.id}/script-run`, undefined, other)).statusCode).toBe(404);
    expect((await call('PUT', `/api/v1/contacts/${contact.id}/script-run`, { scriptId: script.id, steps: [] }, other)).statusCode).toBe(404);
  });

  it('a script of another hotline cannot be walked on the contact', async () => {
    const letterHotline = (await call('GET', '/api/v1/hotlines', undefined, op)).json().items.find((h: { id: string }) => h.id !== hotlineId);
    const contact = (await call('POST', '/api/v1/contacts', { hotlineId: letterHotline.id, channel: 'letter' }, op)).json();
    const script = (await call('GET', `/api/v1/scripts?hotlineId=${hotlineId}`, undefined, op)).json().items[0];
    const res = await call('PUT', `/api/v1/contacts/${contact.id}/script-run`, { scriptId: script.id, steps: [] }, op);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.scriptId');
  });
});
