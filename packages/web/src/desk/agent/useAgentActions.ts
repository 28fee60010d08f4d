import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { acdKeys } from '../../wallboard/acd/queries.ts';

/** The agent's own actions; each refreshes the agent's view (the server's answer is the new state). */
export function useAgentActions() {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: acdKeys.me });
  const setState = useMutation({
    mutationFn: (body: { state: 'ready' | 'notReady' | 'offline'; reason?: string }) => api.post('/acd/me/state', body),
    onSettled: refresh,
  });
  const onContact = useMutation({
    mutationFn: ({ contactId, action }: { contactId: string; action: 'accept' | 'decline' | 'end' | 'wrap-up-end' }) =>
      api.post(action === 'accept' || action === 'decline' ? `/acd/offers/${contactId}/${action}` : `/acd/contacts/${contactId}/${action}`),
    onSettled: refresh,
  });
  return { setState, onContact };
}
