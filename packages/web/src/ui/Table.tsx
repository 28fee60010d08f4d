import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert.tsx';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** e.g. 'num' right-aligns numbers, 'nowrap' keeps dates on one line, 'actions' hugs the right edge. */
  className?: string;
}

interface Props<T> {
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  empty?: ReactNode;
  onRowClick?: (row: T) => void;
  rowClassName?: (row: T) => string | undefined;
  /** Extra content under a row (e.g. an expanded audit entry), spanning all columns. */
  renderDetail?: (row: T) => ReactNode;
  caption?: string;
}

/**
 * The list table of every admin screen. It scrolls sideways on narrow screens instead of
 * squeezing columns, and shows loading / error / empty states so no screen forgets them.
 */
export function Table<T>({
  columns,
  rows,
  rowKey,
  loading,
  error,
  empty,
  onRowClick,
  rowClassName,
  renderDetail,
  caption,
}: Props<T>) {
  const { t } = useTranslation();
  if (error) return <ProblemAlert error={error} />;
  return (
    <div className="table-wrap">
      <table className="table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.className} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {loading && !rows ? (
            <tr>
              <td colSpan={columns.length} className="table-state">
                {t('common.loading')}
              </td>
            </tr>
          ) : rows && rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-state">
                {empty ?? t('common.empty')}
              </td>
            </tr>
          ) : (
            rows?.map((row) => {
              const detail = renderDetail?.(row);
              const key = rowKey(row);
              return (
                <RowGroup key={key}>
                  <tr
                    className={[onRowClick ? 'is-clickable' : '', rowClassName?.(row) ?? ''].join(' ').trim() || undefined}
                    onClick={onRowClick ? () => onRowClick(row) : undefined}
                    // Clickable rows are reachable and opened from the keyboard too.
                    tabIndex={onRowClick ? 0 : undefined}
                    onKeyDown={
                      onRowClick
                        ? (e) => {
                            if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
                              e.preventDefault();
                              onRowClick(row);
                            }
                          }
                        : undefined
                    }
                  >
                    {columns.map((c) => (
                      <td key={c.key} className={c.className} data-label={typeof c.header === 'string' && c.header ? c.header : undefined}>
                        {c.render(row)}
                      </td>
                    ))}
                  </tr>
                  {detail ? (
                    <tr className="table-detail">
                      <td colSpan={columns.length}>{detail}</td>
                    </tr>
                  ) : null}
                </RowGroup>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}

function RowGroup({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
