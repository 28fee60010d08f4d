import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { keys } from '../api/keys.ts';
import { connectRealtime, disconnectRealtime, onRealtimeEvent } from './socket.ts';

/** Which cached lists an entity change on the `tenant` topic makes stale (every change is also an audit entry). */
const INVALIDATES: Record<string, readonly (readonly string[])[]> = {
  'hotline.changed': [keys.hotlines, keys.audit],
  'client.changed': [keys.clients, keys.hotlines, keys.audit],
  'user.changed': [keys.users, keys.audit],
  'api_token.changed': [keys.apiTokens, keys.audit],
  'customer.changed': [keys.customers],
  'knowledge_article.changed': [keys.knowledge],
  'contact.created': [keys.contacts],
  'contact.closed': [keys.contacts],
  'script.changed': [['scripts']],
  'callback.changed': [['callbacks']],
  'webhook.changed': [['webhooks']],
};

/** Families whose every entity lives under one cache prefix: `planning_schedule.changed` → ['planning']. */
const FAMILY_PREFIXES: Record<string, readonly string[]> = { planning_: ['planning'], quality_: ['quality'], survey_: ['quality'] };

function staleKeys(type: string): readonly (readonly string[])[] {
  const exact = INVALIDATES[type];
  if (exact) return exact;
  if (!type.endsWith('.changed')) return [];
  const family = Object.keys(FAMILY_PREFIXES).find((prefix) => type.startsWith(prefix));
  return family ? [FAMILY_PREFIXES[family]!] : [];
}

/** Mounted once by the signed-in shell: opens the socket and keeps caches fresh. */
export function useRealtime(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    connectRealtime();
    const off = onRealtimeEvent(({ topic, event }) => {
      if (topic !== 'tenant' && topic !== 'contacts') return;
      for (const key of staleKeys(event.type)) void queryClient.invalidateQueries({ queryKey: key });
    });
    return () => {
      off();
      disconnectRealtime();
    };
  }, [queryClient]);
}
