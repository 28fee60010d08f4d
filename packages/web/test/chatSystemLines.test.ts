import { describe, expect, it } from 'vitest';
import en from '../src/desk/chats/locales/en.json' with { type: 'json' };
import ru from '../src/desk/chats/locales/ru.json' with { type: 'json' };
import { SYSTEM_LINE_KINDS, wordSystemLine } from '../src/desk/chats/systemLines.ts';

/** A minimal i18next `t` over one locale file (`{{name}}` interpolation only). */
const tOf = (locale: { chats: { systemLine: Record<string, string> } }) => (key: string, o: { name: string }) =>
  (locale.chats.systemLine[key.replace('chats.systemLine.', '')] ?? key).replace('{{name}}', o.name);

const line = (body: string, authorName: string | null = null) => ({ author: 'system' as const, authorName, body, id: 'x', seq: 2 });

describe('chat system lines', () => {
  it('words a stored kind with the agent\'s name in the UI language', () => {
    expect(wordSystemLine(line('agentJoined', 'Иван Петров'), tOf(ru))).toMatchObject({ body: 'Оператор Иван Петров подключился к чату', authorName: null, seq: 2 });
    expect(wordSystemLine(line('agentJoined', 'Ivan Petrov'), tOf(en)).body).toBe('Ivan Petrov joined the chat');
    expect(wordSystemLine(line('endedByCustomer'), tOf(ru)).body).toBe('Чат завершён клиентом');
  });

  it('has a wording for every kind the server stores, in both languages', () => {
    for (const kind of SYSTEM_LINE_KINDS) {
      expect(ru.chats.systemLine).toHaveProperty(kind);
      expect(en.chats.systemLine).toHaveProperty(kind);
    }
  });

  it('leaves other messages and unknown system notes as stored', () => {
    const said = { author: 'customer' as const, authorName: 'Анна', body: 'agentJoined' };
    expect(wordSystemLine(said, tOf(ru))).toBe(said);
    const note = line('Контакт переведён из телефонии');
    expect(wordSystemLine(note, tOf(ru))).toBe(note);
  });
});
