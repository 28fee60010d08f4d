// The history CSV of issue 5 (W1): `interval_start, queue, offered, aht_seconds[, handled, abandoned]`.
// Parsing collects every problem (line, column, what) instead of stopping at the first, so a planner
// fixes a file in one round; a file with any problem imports nothing (the caller's transaction).

export interface HistoryCsvRow {
  /** CSV line number (1 = header). */
  line: number;
  /** Local wall-clock start, 'YYYY-MM-DDTHH:MM'. */
  start: string;
  queue: string;
  offered: number;
  ahtSeconds: number;
  /** Absent columns: handled = offered − abandoned (or offered), abandoned = 0. */
  handled: number;
  abandoned: number;
}

export interface CsvProblem {
  line: number;
  column: string;
  problem: string;
}

export interface HistoryCsv {
  rows: HistoryCsvRow[];
  problems: CsvProblem[];
}

const REQUIRED = ['interval_start', 'queue', 'offered', 'aht_seconds'] as const;
const OPTIONAL = ['handled', 'abandoned'] as const;

/** Splits on `,` or `;` (whichever the header uses: Excel in a Russian locale writes `;`), honouring "quotes". */
function cells(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) (out.push(cur.trim()), (cur = ''));
    else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** 'YYYY-MM-DDTHH:MM' when `text` is a real local date-time on an interval boundary, else the reason. */
function intervalStart(text: string, intervalMinutes: number): { start: string } | { problem: string } {
  const m = DATE_TIME.exec(text);
  if (!m) return { problem: `not a date-time (YYYY-MM-DD HH:MM): "${text}"` };
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return { problem: `no such date-time: "${text}"` };
  const minute = Number(h) * 60 + Number(mi);
  if (minute % intervalMinutes !== 0 || (s !== undefined && s !== '00')) return { problem: `not the start of a ${intervalMinutes}-minute interval: "${text}"` };
  return { start: `${y}-${mo}-${d}T${h}:${mi}` };
}

function count(text: string, what: string, problems: CsvProblem[], line: number, column: string, integer: boolean): number | null {
  const n = Number(text.replace(',', '.'));
  if (text === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    problems.push({ line, column, problem: `${what}: "${text}"` });
    return null;
  }
  return n;
}

export function parseHistoryCsv(text: string, intervalMinutes: number, maxProblems = 200): HistoryCsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: CsvProblem[] = [];
  const head = lines[0] ?? '';
  const sep = head.includes(';') && !head.includes(',') ? ';' : ',';
  const header = cells(head, sep).map((h) => h.toLowerCase());
  for (const name of REQUIRED) if (!header.includes(name)) problems.push({ line: 1, column: name, problem: 'missing column' });
  if (problems.length) return { rows: [], problems };
  const at = Object.fromEntries([...REQUIRED, ...OPTIONAL].map((n) => [n, header.indexOf(n)])) as Record<(typeof REQUIRED)[number] | (typeof OPTIONAL)[number], number>;
  const rows: HistoryCsvRow[] = [];
  const seen = new Map<string, number>();
  for (let k = 1; k < lines.length && problems.length < maxProblems; k++) {
    const raw = lines[k]!;
    if (raw.trim() === '') continue;
    const line = k + 1;
    const c = cells(raw, sep);
    const get = (i: number) => (i >= 0 ? (c[i] ?? '') : '');
    const before = problems.length;
    const when = intervalStart(get(at.interval_start), intervalMinutes);
    if ('problem' in when) problems.push({ line, column: 'interval_start', problem: when.problem });
    const queue = get(at.queue);
    if (queue === '' || queue.length > 64) problems.push({ line, column: 'queue', problem: queue === '' ? 'empty' : 'longer than 64 characters' });
    const offered = count(get(at.offered), 'not a whole number ≥ 0', problems, line, 'offered', true);
    const aht = count(get(at.aht_seconds), 'not a number of seconds ≥ 0', problems, line, 'aht_seconds', false);
    const abandoned = at.abandoned >= 0 && get(at.abandoned) !== '' ? count(get(at.abandoned), 'not a whole number ≥ 0', problems, line, 'abandoned', true) : 0;
    const handledText = at.handled >= 0 ? get(at.handled) : '';
    const handled = handledText !== '' ? count(handledText, 'not a whole number ≥ 0', problems, line, 'handled', true) : offered !== null && abandoned !== null ? Math.max(0, offered - abandoned) : null;
    if (problems.length > before || !('start' in when) || offered === null || aht === null || handled === null || abandoned === null) continue;
    if (handled + abandoned > offered) {
      problems.push({ line, column: handledText !== '' ? 'handled' : 'abandoned', problem: `handled ${handled} + abandoned ${abandoned} exceed offered ${offered}` });
      continue;
    }
    const key = `${queue}\u0000${when.start}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      problems.push({ line, column: 'interval_start', problem: `queue ${queue} already has ${when.start} on line ${dup}` });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, start: when.start, queue, offered, ahtSeconds: aht, handled, abandoned });
  }
  if (problems.length === 0 && rows.length === 0) problems.push({ line: 2, column: 'interval_start', problem: 'the file has no rows' });
  return { rows, problems };
}
