import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { SelectField } from '../ui/Field.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { planningKeys, type ImportReport } from './api.ts';

/** `body.csv[line 3].offered` → line 3, column offered (the server's naming of CSV problems). */
function csvProblems(error: unknown): Array<{ line: string; column: string; problem: string }> | null {
  if (!(error instanceof ApiProblem)) return null;
  const rows = error.errors.flatMap((e) => {
    const m = /^body\.csv\[line (\d+)\]\.(\w+)$/.exec(e.field);
    return m ? [{ line: m[1]!, column: m[2]!, problem: e.message }] : [];
  });
  return rows.length ? rows : null;
}

/** History import: choose a CSV, check it (the full report), then import — all or nothing. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [interval, setInterval] = useState('30');
  const send = useMutation({
    mutationFn: (dryRun: boolean) => api.post<ImportReport>('/planning/history/import', { csv, intervalMinutes: Number(interval), dryRun }),
    onSuccess: (r) => {
      if (r.stored) void queryClient.invalidateQueries({ queryKey: planningKeys.all });
    },
  });
  const problems = csvProblems(send.error);
  const report = send.data;
  return (
    <Dialog
      title={t('planning.import.title')}
      onClose={onClose}
      wide
      footer={
        <>
          <Button onClick={onClose}>{report?.stored ? t('common.close') : t('common.cancel')}</Button>
          <Button disabled={!csv || send.isPending} onClick={() => send.mutate(true)}>{t('planning.import.check')}</Button>
          <Button variant="primary" disabled={!csv || send.isPending || report?.stored} busy={send.isPending} onClick={() => send.mutate(false)}>
            {t('planning.import.run')}
          </Button>
        </>
      }
    >
      <p className="muted">{t('planning.import.format')}</p>
      <div className="form-row">
        <label className="file-input">
          <span>{t('planning.import.file')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            name="file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              setFileName(f.name);
              send.reset();
              void f.text().then(setCsv);
            }}
          />
        </label>
        <SelectField label={t('planning.interval')} name="interval" value={interval} onChange={setInterval} options={['15', '30', '60'].map((v) => ({ value: v, label: `${v} ${t('planning.min')}` }))} />
      </div>
      {fileName ? <p>{t('planning.import.chosen', { name: fileName, lines: csv.split('\n').filter((l) => l.trim()).length - 1 })}</p> : null}
      {problems ? (
        <div className="import-report is-bad" role="alert">
          <p><strong>{t('planning.import.problems', { count: problems.length })}</strong></p>
          <table className="table">
            <thead><tr><th>{t('planning.import.line')}</th><th>{t('planning.import.column')}</th><th>{t('planning.import.problem')}</th></tr></thead>
            <tbody>{problems.map((p, i) => <tr key={i}><td className="num">{p.line}</td><td><code>{p.column}</code></td><td>{p.problem}</td></tr>)}</tbody>
          </table>
        </div>
      ) : send.error ? <ProblemAlert error={send.error} /> : null}
      {report ? (
        <div className="import-report is-ok" role="status">
          <p><strong>{report.stored ? t('planning.import.done', { count: report.rows }) : t('planning.import.ok', { count: report.rows })}</strong></p>
          <ul>
            {report.queues.map((q) => (
              <li key={q.code}>{q.code}: {q.rows} ({q.from} — {q.to}){q.created ? ` · ${t('planning.import.newQueue')}` : ''}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Dialog>
  );
}
