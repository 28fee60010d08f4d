import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { EditDialogFooter } from '../ui/EditDialogFooter.tsx';
import { Checkbox } from '../ui/Field.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { acdKeys, useAcdAgents, useAcdQueues, useAcdSkills } from './acd/queries.ts';
import type { Wallboard } from './acd/types.ts';

/** Live control (M4): an agent's skills with proficiency and the queues the agent serves. */
export function AgentEditDialog({ agent, onClose }: { agent: Wallboard['agents'][number]; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const skills = useAcdSkills();
  const queues = useAcdQueues();
  const configs = useAcdAgents();
  const row = configs.data?.find((c) => c.userId === agent.agentId);
  const [levels, setLevels] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(agent.skills).map(([k, v]) => [k, String(v)])));
  const [member, setMember] = useState<Set<string>>(() => new Set(agent.queueIds));
  const save = useMutation({
    mutationFn: () =>
      api.patch(`/acd/agents/${row!.id}`, {
        skills: Object.fromEntries(Object.entries(levels).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)])),
        queueIds: [...member],
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: acdKeys.all });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog title={t('wallboard.editTitle', { name: agent.name })} onClose={onClose} footer={<EditDialogFooter form="agent-form" onCancel={onClose} saving={save.isPending} />}>
      <form id="agent-form" className="form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('wallboard.skills')}</legend>
          {(skills.data ?? []).map((s) => (
            <label key={s.id} className="field">
              <span>{s.name}</span>
              <select value={levels[s.id] ?? ''} onChange={(e) => setLevels((l) => ({ ...l, [s.id]: e.target.value }))}>
                <option value="">—</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={String(n)}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('wallboard.memberOf')}</legend>
          {(queues.data ?? []).map((q) => (
            <Checkbox
              key={q.id}
              label={q.name}
              checked={member.has(q.id)}
              onChange={(on) =>
                setMember((m) => {
                  const next = new Set(m);
                  if (on) next.add(q.id);
                  else next.delete(q.id);
                  return next;
                })
              }
            />
          ))}
        </fieldset>
        <ProblemAlert error={save.error} />
      </form>
    </Dialog>
  );
}
