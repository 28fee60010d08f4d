// The desk at scale (issue 3): the contact journal, customer identification and knowledge
// search over a seeded database. Embedded PGlite by default (100,000 contacts / 20,000
// customers); PostgreSQL when LINIA_BENCH_DATABASE_URL names a server (a throw-away database is
// created on it; the issue's full size, 1,000,000 / 200,000). Sizes can be set with
// LINIA_BENCH_CONTACTS / LINIA_BENCH_CUSTOMERS. Every measured call goes through the same
// service functions and tenant transaction (withTenant: settings, SET ROLE, row security) as
// an API request, without HTTP. Seeding uses set-based SQL in batches with the audit trigger
// switched off for the bulk load (a million audit rows would measure the trigger, not the desk).
// Run: `npm run bench -- journal-desk` (PGlite); `node scripts/bench-postgres.mjs journal-desk` (PostgreSQL).
import { eq, sql } from 'drizzle-orm';
import type { Benchmark, Metric } from './benchmark.ts';
import { asSystem, migrate, withTenant, type Database, type Scope } from '../packages/server/src/db/index.ts';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
import { hotlines } from '../packages/server/src/tenants/schema.ts';
import { users } from '../packages/server/src/people/schema.ts';
import { journalFilters, journalPage } from '../packages/server/src/contacts/service.ts';
import { findByIdentifiers } from '../packages/server/src/customers/service.ts';
import { listArticles } from '../packages/server/src/knowledge/service.ts';
import { openBenchDatabase } from './benchDatabase.ts';

const serverUrl = process.env.LINIA_BENCH_DATABASE_URL;
const CONTACTS = Number(process.env.LINIA_BENCH_CONTACTS ?? (serverUrl ? 1_000_000 : 100_000));
const CUSTOMERS = Number(process.env.LINIA_BENCH_CUSTOMERS ?? (serverUrl ? 200_000 : 20_000));
const ARTICLES = 10_000;
const BATCH = 50_000;
const RUNS = Number(process.env.LINIA_BENCH_RUNS ?? 200);

const SUBJECTS = [
  'нет интернета', 'смена тарифа', 'блокировка карты', 'перевод не дошёл', 'настройка роутера', 'двойное списание',
  'заявка на подключение', 'низкая скорость', 'перевыпуск карты', 'претензия по списанию', 'замена оборудования', 'лимиты по карте',
];
const NOTES = ['консультация оказана', 'оформлена заявка', 'передано на вторую линию', 'абонент перезвонит', 'решено с первого обращения'];
const OUTCOMES = ['Консультация', 'Решено', 'Заявка оформлена', 'Передано на 2-ю линию'];
const CHANNELS = ['voice_in', 'voice_in', 'voice_in', 'chat', 'email', 'webform', 'messenger', 'letter', 'voice_out'];
// About 150 words: a query word then matches a few per cent of the articles, as in a real base.
const WORDS = [
  'тариф', 'интернет', 'роутер', 'карта', 'перевод', 'оплата', 'баланс', 'договор', 'подключение', 'скорость',
  'телевидение', 'кабель', 'лимит', 'кэшбэк', 'вклад', 'кредит', 'ипотека', 'страховка', 'доставка', 'возврат',
  'жалоба', 'авария', 'адрес', 'пароль', 'приложение', 'уведомление', 'рассылка', 'абонент', 'номер', 'роуминг',
  'пакет', 'минуты', 'сообщение', 'счёт', 'модем', 'антенна', 'приставка', 'пульт', 'канал', 'каталог', 'заказ',
  'курьер', 'склад', 'гарантия', 'ремонт', 'мастер', 'выезд', 'заявка', 'график', 'смена', 'отпуск', 'офис', 'филиал',
  'касса', 'банкомат', 'терминал', 'платёж', 'комиссия', 'процент', 'выписка', 'справка', 'документ', 'паспорт',
  'подпись', 'доверенность', 'наследство', 'опека', 'пенсия', 'пособие', 'налог', 'вычет', 'штраф', 'пеня', 'долг',
  'рассрочка', 'кешбек', 'бонус', 'баллы', 'акция', 'скидка', 'промокод', 'подарок', 'сертификат', 'абонемент',
  'подписка', 'продление', 'отключение', 'блокировка', 'разблокировка', 'восстановление', 'перенос', 'переоформление',
  'расторжение', 'жалобщик', 'оператор', 'менеджер', 'специалист', 'консультация', 'инструкция', 'настройка',
  'обновление', 'прошивка', 'сервер', 'сайт', 'личный', 'кабинет', 'логин', 'почта', 'сигнал', 'покрытие', 'вышка',
  'станция', 'оптика', 'волокно', 'сплиттер', 'розетка', 'провод', 'коммутатор', 'порт', 'маршрутизатор', 'адаптер',
  'зарядка', 'батарея', 'экран', 'камера', 'микрофон', 'динамик', 'наушники', 'чехол', 'стекло', 'сим-карта',
  'тарификация',
];

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! * 100) / 100;
};
const lit = (xs: string[]) => sql.raw(`ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`);

async function open(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const { db, close } = await openBenchDatabase();
  return { db, drop: close };
}

async function seed(db: Database, tenantId: string, hotlineIds: string[], agentIds: string[], clientOf: Map<string, string>) {
  const tables = ['customers', 'customer_identifiers', 'contacts', 'knowledge_articles'];
  await asSystem(db, async (tx) => {
    for (const t of tables) await tx.execute(sql.raw(`ALTER TABLE ${t} DISABLE TRIGGER linia_audit`));
  });
  for (let from = 1; from <= CUSTOMERS; from += BATCH) {
    const to = Math.min(CUSTOMERS, from + BATCH - 1);
    await asSystem(db, (tx) => tx.execute(sql`
      WITH c AS (
        INSERT INTO customers (tenant_id, name, name_key)
        SELECT ${tenantId}, 'Клиент ' || g, 'клиент ' || g FROM generate_series(${from}::int, ${to}::int) g
        RETURNING id, name)
      INSERT INTO customer_identifiers (tenant_id, customer_id, kind, value)
      SELECT ${tenantId}, id, 'phone', '+7900' || lpad(split_part(name, ' ', 2), 7, '0') FROM c`));
  }
  await asSystem(db, (tx) => tx.execute(sql`
    CREATE TABLE bench_customers AS SELECT id, split_part(name, ' ', 2)::int AS n FROM customers WHERE tenant_id = ${tenantId} AND name LIKE 'Клиент %'`));
  await asSystem(db, (tx) => tx.execute(sql`CREATE UNIQUE INDEX ON bench_customers (n)`));
  const year = 365 * 86_400;
  for (let from = 1; from <= CONTACTS; from += BATCH) {
    const to = Math.min(CONTACTS, from + BATCH - 1);
    await asSystem(db, (tx) => tx.execute(sql`
      INSERT INTO contacts (tenant_id, client_id, hotline_id, channel, status, customer_id, agent_id, agent_ids, subject, topic_id,
                            outcome, fcr, notes, created_at, ended_at, search)
      SELECT ${tenantId}, (${lit(hotlineIds.map((h) => clientOf.get(h)!))})[1 + g % ${hotlineIds.length}]::uuid,
             (${lit(hotlineIds)})[1 + g % ${hotlineIds.length}]::uuid,
             (${lit(CHANNELS)})[1 + abs(hashtext('c' || g)) % ${CHANNELS.length}], 'closed',
             (SELECT id FROM bench_customers WHERE n = (1 + (g::bigint * 7919) % ${CUSTOMERS})::int),
             a.agent, ARRAY[a.agent],
             -- topic and outcome independent of the hotline and of each other (integer division)
             s.subject, 't' || (1 + abs(hashtext('t' || g)) % 3) || '.' || (1 + abs(hashtext('u' || g)) % 2),
             (${lit(OUTCOMES)})[1 + abs(hashtext('o' || g)) % ${OUTCOMES.length}], g % 3 = 0, s.notes,
             now() - make_interval(secs => (g::double precision / ${CONTACTS}) * ${year}),
             now() - make_interval(secs => (g::double precision / ${CONTACTS}) * ${year}) + interval '5 minutes',
             to_tsvector('russian', s.subject || ' ' || s.notes)
      FROM generate_series(${from}::int, ${to}::int) g
      CROSS JOIN LATERAL (SELECT (${lit(agentIds)})[1 + abs(hashtext('a' || g)) % ${agentIds.length}]::uuid AS agent) a
      CROSS JOIN LATERAL (SELECT (${lit(SUBJECTS)})[1 + abs(hashtext('s' || g)) % ${SUBJECTS.length}] AS subject,
                                 (${lit(NOTES)})[1 + abs(hashtext('n' || g)) % ${NOTES.length}] AS notes) s`));
  }
  // Articles: titles of three words, text of twelve, from a small vocabulary; half per hotline, half shared.
  await asSystem(db, (tx) => tx.execute(sql`
    INSERT INTO knowledge_articles (tenant_id, hotline_id, title, body, answer, search)
    SELECT ${tenantId}, CASE WHEN g % 2 = 0 THEN (${lit(hotlineIds)})[1 + g % ${hotlineIds.length}]::uuid END, t.title, t.body, t.body,
           setweight(to_tsvector('russian', t.title), 'A') || setweight(to_tsvector('russian', t.body), 'B')
    FROM generate_series(1, ${ARTICLES}) g
    CROSS JOIN LATERAL (SELECT
      (SELECT string_agg(w, ' ') FROM (SELECT (${lit(WORDS)})[1 + (g * k * 7 + k) % ${WORDS.length}] w FROM generate_series(1, 3) k) x) AS title,
      (SELECT string_agg(w, ' ') FROM (SELECT (${lit(WORDS)})[1 + (g * k * 11 + k * 3) % ${WORDS.length}] w FROM generate_series(1, 12) k) y) AS body) t`));
  await asSystem(db, async (tx) => {
    for (const t of tables) await tx.execute(sql.raw(`ALTER TABLE ${t} ENABLE TRIGGER linia_audit`));
    await tx.execute(sql`DROP TABLE bench_customers`);
    for (const t of tables) await tx.execute(sql.raw(`ANALYZE ${t}`));
  });
}

async function measure(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
}

const bench: Benchmark = {
  // One result file per database, so the embedded and the PostgreSQL figures sit side by side.
  name: serverUrl ? 'journal-desk-postgres' : 'journal-desk',
  async run() {
    const { db, drop } = await open();
    try {
      await migrate(db);
      const tenantId = await seedDemo(db);
      const scope: Scope = { tenantId, clientId: null, actor: { kind: 'system', id: null, name: 'bench' } };
      const lines = await withTenant(db, scope, (tx) => tx.select().from(hotlines));
      const agents = await withTenant(db, scope, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.role, 'operator')));
      const started = performance.now();
      await seed(db, tenantId, lines.map((h) => h.id), agents.map((a) => a.id), new Map(lines.map((h) => [h.id, h.clientId])));
      const seedSeconds = Math.round((performance.now() - started) / 100) / 10;

      const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
      // The journal screen's typical filter sets; each is measured alone too, so a slow one shows.
      const filters: Record<string, Parameters<typeof journalFilters>[0]> = {
        noFilter: {},
        hotlineMonth: { hotlineId: lines[0]!.id, from: monthAgo },
        hotlineChat: { hotlineId: lines[1]!.id, channel: 'chat' },
        agentMonth: { agentId: agents[0]!.id, from: monthAgo },
        textHotline: { q: 'роутер', hotlineId: lines[0]!.id },
        textRare: { q: 'двойное списание' },
        hotlineTopicOutcome: { hotlineId: lines[2]!.id, topicId: 't2.1', outcome: 'Решено' },
        letterMonth: { channel: 'letter', from: monthAgo },
      };
      const names = Object.keys(filters);
      const perFilter: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
      const journal = await measure(RUNS * 2, async (i) => {
        const name = names[i % names.length]!;
        const start = performance.now();
        await withTenant(db, scope, (tx) => journalPage(tx, journalFilters(filters[name]!), { limit: 50 }, !!filters[name]!.q));
        perFilter[name]!.push(performance.now() - start);
      });
      // Customer pages: all contacts of one customer (the card's timeline).
      const timeline = await measure(RUNS, (i) =>
        withTenant(db, scope, async (tx) => {
          const id = await findByIdentifiers(tx, [{ kind: 'phone', value: `+7900${String(1 + ((i * 104_729) % CUSTOMERS)).padStart(7, '0')}` }]);
          return journalPage(tx, journalFilters({ customerId: id! }), { limit: 30 });
        }),
      );
      const identify = await measure(RUNS * 5, (i) =>
        withTenant(db, scope, (tx) => findByIdentifiers(tx, [{ kind: 'phone', value: `+7900${String(1 + ((i * 7_919) % CUSTOMERS)).padStart(7, '0')}` }])),
      );
      const knowledge = await measure(RUNS, (i) =>
        withTenant(db, scope, (tx) => listArticles(tx, { q: `${WORDS[i % WORDS.length]} ${WORDS[(i * 5 + 1) % WORDS.length]}`, hotlineId: i % 2 ? lines[0]!.id : undefined }, { limit: 20 })),
      );
      const metric = (value: number, goal?: number): Metric => ({ value, unit: 'ms', goal, better: 'lower' });
      return {
        database: { value: serverUrl ? 1 : 0, unit: serverUrl ? 'PostgreSQL' : 'PGlite (embedded)', better: 'higher' },
        contacts: { value: CONTACTS, unit: 'rows', better: 'higher' },
        customers: { value: CUSTOMERS, unit: 'rows', better: 'higher' },
        articles: { value: ARTICLES, unit: 'rows', better: 'higher' },
        seedSeconds: { value: seedSeconds, unit: 's', better: 'lower' },
        journalPageP95: metric(p95(journal), 200),
        ...Object.fromEntries(names.map((n) => [`journal.${n}.p95`, metric(p95(perFilter[n]!.slice(-RUNS / 4)))])),
        customerTimelineP95: metric(p95(timeline), 200),
        identifyByPhoneP95: metric(p95(identify), 5),
        knowledgeSearchP95: metric(p95(knowledge), 50),
      };
    } finally {
      if (serverUrl) await drop();
      else await db.close();
    }
  },
};

export default bench;
