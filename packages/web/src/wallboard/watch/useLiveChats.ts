import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { chatKeys, type ChatSummary } from '../../desk/chats/types.ts';
import { useAcdEvents } from '../acd/queries.ts';

export type LiveChat = ChatSummary & { agentId: string };

/**
 * Every chat agents hold now, for the lead's "watch" links on the wallboard; re-read whenever
 * the ACD announces a change on the floor (a chat offered, accepted, ended).
 */
export function useLiveChats(enabled: boolean) {
  const qc = useQueryClient();
  useAcdEvents(
    useCallback(
      (type: string) => {
        if (enabled && type === 'acd.changed') void qc.invalidateQueries({ queryKey: chatKeys.live });
      },
      [qc, enabled],
    ),
  );
  return useQuery({
    queryKey: chatKeys.live,
    queryFn: () => api.get<{ items: LiveChat[] }>('/chats/live').then((r) => r.items),
    enabled,
    // Without the chat module the wallboard simply shows no links.
    retry: false,
  });
}
