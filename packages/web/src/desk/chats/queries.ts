import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { chatKeys, type ChatDetail, type ChatSummary } from './types.ts';
import { readsSettled } from './pendingReads.ts';

/** The chats the agent holds now (offered, in progress, in wrap-up). */
export const useMyChats = (enabled = true) =>
  useQuery({ queryKey: chatKeys.mine, queryFn: () => readsSettled().then(() => api.get<{ items: ChatSummary[] }>('/chats/mine')).then((r) => r.items), enabled });

/** One chat with its whole transcript; the operator's own, or any for a lead watching the floor. */
export const useChat = (contactId: string) =>
  useQuery({ queryKey: chatKeys.one(contactId), queryFn: () => api.get<ChatDetail>(`/chats/${contactId}`), enabled: contactId !== '' });
