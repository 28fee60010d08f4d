import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAcdEvents } from '../../wallboard/acd/queries.ts';
import { useMyChats } from './queries.ts';
import { chatKeys } from './types.ts';
import { useChatEvents } from './useChatEvents.ts';

/**
 * Mounted once by the desk for an agent: keeps the list of the agent's chats live on every desk
 * screen (an accepted offer appears at once; messages, typing and presence patch it) and returns
 * how many customer messages are unread in all of them, for the «Чаты» tab.
 */
export function useChatsBadge(enabled: boolean): number {
  const qc = useQueryClient();
  const chats = useMyChats(enabled);
  useChatEvents();
  useAcdEvents(
    useCallback(
      (_type: string, topic: string) => {
        // Offers accepted, chats ended, wrap-ups over: the ACD changed what the agent holds and
        // the status of those chats (an accepted offer becomes active: its reply box opens).
        if (enabled && topic.startsWith('user:')) void qc.invalidateQueries({ queryKey: chatKeys.all });
      },
      [qc, enabled],
    ),
  );
  return (chats.data ?? []).reduce((n, c) => n + c.unread, 0);
}
