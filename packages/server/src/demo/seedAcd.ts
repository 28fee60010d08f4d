import type { Tx } from '../db/index.ts';
import { acdAgents, acdNotReadyReasons, acdQueues, acdSkills } from '../acd/schema.ts';
import { users } from '../people/schema.ts';
import { hotlines } from '../tenants/schema.ts';

/** The demo ACD as data: skills, the tenant's own not-ready reasons, queues per hotline, agents. */
export const DEMO_SKILLS = [
  { code: 'internet', name: 'Интернет и связь' },
  { code: 'billing', name: 'Тарифы и оплата' },
  { code: 'sales', name: 'Продажи' },
  { code: 'cards', name: 'Банковские карты' },
  { code: 'english', name: 'Английский язык' },
] as const;

type SkillCode = (typeof DEMO_SKILLS)[number]['code'];

export const DEMO_REASONS = [
  { code: 'coaching', name: 'Коучинг с руководителем' },
  { code: 'backoffice', name: 'Обработка писем' },
];

export const DEMO_QUEUES: {
  name: string;
  hotline: string;
  channel: 'voice' | 'chat' | 'email';
  skills: [SkillCode, number][];
  strategy?: 'longestIdle' | 'bestProficiency' | 'leastOccupied';
  priority?: number;
  autoAccept?: boolean;
  wrapUpSeconds?: number;
  lowerAfterSeconds?: number;
}[] = [
  { name: 'Поддержка — звонки', hotline: 'telecom-support', channel: 'voice', skills: [['internet', 2]], priority: 10, lowerAfterSeconds: 60 },
  { name: 'Поддержка — чат', hotline: 'telecom-support', channel: 'chat', skills: [['internet', 1]], strategy: 'leastOccupied' },
  { name: 'Продажи — звонки', hotline: 'telecom-sales', channel: 'voice', skills: [['sales', 1]], strategy: 'bestProficiency', priority: 20 },
  { name: 'Карты — звонки', hotline: 'bank-cards', channel: 'voice', skills: [['cards', 2]], priority: 10, lowerAfterSeconds: 90 },
  { name: 'Карты — письма', hotline: 'bank-cards', channel: 'email', skills: [['cards', 1]], autoAccept: true, wrapUpSeconds: 0 },
];

/** login → skills (proficiency 1–5) and the queues (by name) the agent serves. */
export const DEMO_AGENTS: Record<string, { skills: Partial<Record<SkillCode, number>>; queues: string[] }> = {
  operator1: { skills: { internet: 4, billing: 3 }, queues: ['Поддержка — звонки', 'Поддержка — чат'] },
  operator2: { skills: { internet: 3, sales: 4 }, queues: ['Поддержка — звонки', 'Продажи — звонки'] },
  operator3: { skills: { cards: 4, english: 3 }, queues: ['Карты — звонки', 'Карты — письма'] },
  operator4: { skills: { cards: 2, internet: 2 }, queues: ['Карты — звонки', 'Поддержка — чат'] },
  senior: { skills: { internet: 5, billing: 5, sales: 5, cards: 5 }, queues: DEMO_QUEUES.map((q) => q.name) },
};

/** Seeds the demo ACD inside the demo tenant's transaction (after hotlines and users exist). */
export async function seedAcd(tx: Tx): Promise<void> {
  const skillRows = await tx.insert(acdSkills).values(DEMO_SKILLS.map((s) => ({ ...s }))).returning();
  const skillId = new Map(skillRows.map((s) => [s.code, s.id]));
  await tx.insert(acdNotReadyReasons).values(DEMO_REASONS);
  const lines = new Map((await tx.select().from(hotlines)).map((h) => [h.code, h]));
  const queueRows = await tx
    .insert(acdQueues)
    .values(
      DEMO_QUEUES.map((q) => {
        const h = lines.get(q.hotline)!;
        return {
          name: q.name,
          hotlineId: h.id,
          clientId: h.clientId,
          channel: q.channel,
          priority: q.priority ?? 0,
          skills: q.skills.map(([code, min]) => ({ skillId: skillId.get(code)!, min })),
          strategy: q.strategy ?? 'longestIdle',
          autoAccept: q.autoAccept ?? false,
          wrapUpSeconds: q.wrapUpSeconds ?? 30,
          overflow: q.lowerAfterSeconds ? [{ afterSeconds: q.lowerAfterSeconds, action: { kind: 'lowerMinimum' as const, to: 1 } }] : [],
        };
      }),
    )
    .returning();
  const queueId = new Map(queueRows.map((q) => [q.name, q.id]));
  const people = new Map((await tx.select().from(users)).map((u) => [u.login, u.id]));
  await tx.insert(acdAgents).values(
    Object.entries(DEMO_AGENTS)
      .filter(([login]) => people.has(login))
      .map(([login, a]) => ({
        userId: people.get(login)!,
        skills: Object.fromEntries(Object.entries(a.skills).map(([code, p]) => [skillId.get(code)!, p])),
        queueIds: a.queues.map((n) => queueId.get(n)!),
      })),
  );
}
