import { Readable } from 'node:stream';
import { csvRow, CSV_BOM, flattenTopics } from '@linia/engine';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { inTenant, type AppContext } from '../http/context.ts';
import { hotlines } from '../tenants/schema.ts';
import type { journalQuery } from './contracts.ts';
import { journalFilters, journalPage, type ContactOut } from './service.ts';

const HEADERS = {
  ru: ['Номер', 'Дата и время', 'Канал', 'Горячая линия', 'Клиент (абонент)', 'Оператор', 'Тема', 'Тематика', 'Критичность', 'Результат', 'Решено с первого обращения', 'Статус', 'Завершено', 'Примечание'],
  en: ['ID', 'Date and time', 'Channel', 'Hotline', 'Customer', 'Agent', 'Subject', 'Topic', 'Criticality', 'Outcome', 'First-contact resolution', 'Status', 'Ended', 'Notes'],
};
const BATCH = 1000;

/** `2026-11-23 18:05:00` in the hotline's time zone: what Excel recognises as a date and time. */
function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString('sv-SE', { timeZone }).replace('T', ' ');
}

/**
 * The journal as CSV, streamed: batches of a thousand rows, each read in its own short
 * transaction by keyset, so a million-row export neither holds a transaction open for minutes
 * nor builds the file in memory. Format: see engine/contacts/csv.ts (`;`, BOM, CRLF).
 * When one hotline is chosen its custom fields get a column each.
 */
export function exportJournal(ctx: AppContext, req: FastifyRequest, query: z.infer<typeof journalQuery> & { lang?: 'ru' | 'en' }) {
  const lang = query.lang ?? 'ru';
  async function* lines() {
    const lines = await inTenant(ctx, req, (tx) => tx.select().from(hotlines));
    const byId = new Map(lines.map((h) => [h.id, { ...h, topicNames: new Map(flattenTopics(h.topics).map((t) => [t.id, t.path.join(' / ')])) }]));
    const only = query.hotlineId ? byId.get(query.hotlineId) : undefined;
    const fields = only?.customFields ?? [];
    yield CSV_BOM + csvRow([...HEADERS[lang], ...fields.map((f) => f.label)]);
    let cursor: string | undefined;
    do {
      const page = await inTenant(ctx, req, (tx) => journalPage(tx, journalFilters(query), { limit: BATCH, cursor }, !!query.q));
      let chunk = '';
      for (const c of page.items as ContactOut[]) {
        const h = byId.get(c.hotlineId);
        const tz = h?.timeZone ?? 'Europe/Moscow';
        chunk += csvRow([
          c.id, localTime(c.createdAt, tz), c.channel, h?.name ?? c.hotlineId, c.customerName, c.agentName, c.subject,
          c.topicId ? (h?.topicNames.get(c.topicId) ?? c.topicId) : '', c.criticality, c.outcome,
          c.fcr === null ? '' : c.fcr ? (lang === 'ru' ? 'да' : 'yes') : lang === 'ru' ? 'нет' : 'no',
          c.status, localTime(c.endedAt, tz), c.notes,
          ...fields.map((f) => {
            const v = c.customFields[f.key];
            return Array.isArray(v) ? v.join(', ') : v;
          }),
        ]);
      }
      yield chunk;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return Readable.from(lines());
}
