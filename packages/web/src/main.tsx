import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isProblem } from './api/problem.ts';
import { keys } from './api/keys.ts';
import { App } from './App.tsx';
import './i18n/index.ts';
import './ui/styles.css';

/**
 * A 401 from any call means the session ended (expired, revoked, server restarted with a
 * fresh database): forget the user so the guards send them to the login page.
 */
function onApiError(error: unknown): void {
  if (isProblem(error) && error.status === 401) queryClient.setQueryData(keys.me, null);
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      // A wrong password (login or password change) is a 401 too, but the form's to show, not a session end.
      if (mutation.options.mutationKey?.[0] === 'credentials') return;
      onApiError(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors will not fix themselves by retrying; network blips might.
      retry: (count, error) => count < 2 && !(isProblem(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
