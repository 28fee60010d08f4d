import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Button } from '../ui/Button.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../ui/ProblemAlert.tsx';
import { percent } from './api.ts';

type Kind = 'chat' | 'email' | 'lines';
interface ChannelResult { agents: number | null; scheduledAgents: number | null; slots: number | null; workloadHours: number | null; lines: number | null; blocking: number | null }

/** The fields of each channel's model (server contracts.ts channelRequest), with starting values. */
const FIELDS: Record<Kind, Array<[string, string]>> = {
  chat: [['chatsPerInterval', '100'], ['intervalSeconds', '1800'], ['chatDurationSeconds', '400'], ['concurrency', '2'], ['serviceLevel', '0.8'], ['thresholdSeconds', '60'], ['shrinkage', '0.3']],
  email: [['backlog', '200'], ['ahtSeconds', '300'], ['dueSeconds', '14400'], ['shrinkage', '0.3']],
  lines: [['callsPerInterval', '500'], ['intervalSeconds', '1800'], ['holdSeconds', '200'], ['maxBlocking', '0.01']],
};

/** W3 beyond voice: chat with concurrency, e-mail by backlog and due time, lines (Erlang B). */
export function ChannelsPanel() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('chat');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.values(FIELDS).flat()));
  const ask = useMutation({
    mutationFn: () => api.post<ChannelResult>('/planning/channels', { kind, ...Object.fromEntries(FIELDS[kind].map(([k]) => [k, Number(values[k]!.replace(',', '.'))])) }),
  });
  const errors = fieldErrors(ask.error);
  const r = ask.data;
  return (
    <details className="planning-whatif">
      <summary>{t('planning.channels.title')}</summary>
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); ask.mutate(); }}>
        <SelectField label={t('planning.channels.kind')} name="channelKind" value={kind} onChange={(k) => { setKind(k as Kind); ask.reset(); }}
          options={(['chat', 'email', 'lines'] as const).map((k) => ({ value: k, label: t(`planning.channels.kinds.${k}`) }))} />
        {FIELDS[kind].map(([k]) => (
          <TextField key={k} label={t(`planning.channels.fields.${k}`)} name={k} inputMode="decimal" value={values[k]!} error={errors[k]} onChange={(v) => setValues((x) => ({ ...x, [k]: v }))} />
        ))}
        <div className="page-actions"><Button type="submit" busy={ask.isPending}>{t('planning.channels.run')}</Button></div>
      </form>
      <ProblemAlert error={ask.error} />
      {r ? (
        <p role="status" className="planning-channel-result">
          {r.lines !== null
            ? t('planning.channels.linesResult', { lines: r.lines, blocking: percent(r.blocking, 2) })
            : t('planning.channels.agentsResult', { agents: r.agents, heads: r.scheduledAgents })}
          {r.slots !== null ? ` ${t('planning.channels.slots', { slots: r.slots })}` : ''}
          {r.workloadHours !== null ? ` ${t('planning.channels.workload', { hours: r.workloadHours.toFixed(1) })}` : ''}
        </p>
      ) : null}
    </details>
  );
}
