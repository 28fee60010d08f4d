import type { ReactNode } from 'react';

/** Small status label: `ok` for active things, `muted` for switched-off ones, `warn` for revoked. */
export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'ok' | 'muted' | 'warn' | 'accent'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
