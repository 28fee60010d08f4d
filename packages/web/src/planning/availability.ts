// Availability as the planner types it: "2026-12-01..2026-12-05, 2026-12-09" (a day or a span of days).

export const spansText = (spans: ReadonlyArray<{ from: string; to: string }>) => spans.map((s) => (s.from === s.to ? s.from : `${s.from}..${s.to}`)).join(', ');

export function spansOf(text: string): Array<{ from: string; to: string }> {
  return text.split(',').map((x) => x.trim()).filter(Boolean).map((item) => {
    const [from, to] = item.split('..').map((x) => x.trim());
    return { from: from!, to: to || from! };
  });
}

/** The first field error under a prefix (an array's elements report as `prefix.N…`). */
export function firstError(errors: Record<string, string>, prefix: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === prefix || k.startsWith(`${prefix}.`));
  return key ? errors[key] : undefined;
}
