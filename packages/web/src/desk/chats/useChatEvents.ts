import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { onRealtimeEvent, onRealtimeOpen, subscribeTopic } from '../../realtime/socket.ts';
import { applyToDetail, applyToSummaries, asChatEvent } from './chatState.ts';
import { visibleChat } from './visibleChat.ts';
import { chatKeys, type ChatDetail, type ChatSummary } from './types.ts';

/**
 * Keeps the chat caches live. Events patch the cached list and transcripts in place (no request
 * per message); a (re)connected socket re-reads everything, because events sent while it was
 * down are gone — the server's transcript is the truth, the socket only the fast path.
 * `topic` is an extra topic to hear (a lead watching hears `chat:<id>`; the agent's own
 * `user:<id>` topic is always heard). Mounted once per screen tree, so each event is applied once.
 */
export function useChatEvents(topic?: string): void {
  const qc = useQueryClient();
  useEffect(() => (topic ? subscribeTopic(topic) : undefined), [topic]);
  useEffect(() => onRealtimeOpen(() => void qc.invalidateQueries({ queryKey: chatKeys.all })), [qc]);
  useEffect(
    () =>
      onRealtimeEvent(({ event }) => {
        const e = asChatEvent(event.type, event.data);
        if (!e) return;
        qc.setQueryData<ChatDetail>(chatKeys.one(e.data.contactId), (d) => (d ? applyToDetail(d, e) : d));
        const list = qc.getQueryData<ChatSummary[]>(chatKeys.mine);
        if (!list) return;
        const next = applyToSummaries(list, e, visibleChat());
        if (next) qc.setQueryData(chatKeys.mine, next);
        else void qc.invalidateQueries({ queryKey: chatKeys.mine });
      }),
    [qc],
  );
}
