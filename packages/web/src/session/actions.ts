import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import type { Me } from '../api/types.ts';
import { disconnectRealtime } from '../realtime/socket.ts';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['credentials', 'login'],
    mutationFn: (input: { login: string; password: string }) => api.post<Me>('/auth/login', input),
    onSuccess: (me) => {
      // Another user may have used this tab before: drop their cached data first.
      queryClient.clear();
      queryClient.setQueryData(keys.me, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      // Even if the call failed the user asked to leave: forget everything locally.
      disconnectRealtime();
      queryClient.clear();
      queryClient.setQueryData(keys.me, null);
      void navigate('/login', { replace: true });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    // The server may answer a wrong current password with 401; that must not end the session.
    mutationKey: ['credentials', 'password'],
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/auth/password', input),
  });
}
