/**
 * TanStack Query keys in one place: the realtime module invalidates by these prefixes,
 * so a screen and the invalidation can never drift apart.
 */
export const keys = {
  me: ['me'] as const,
  roles: ['roles'] as const,
  users: ['users'] as const,
  clients: ['clients'] as const,
  hotlines: ['hotlines'] as const,
  apiTokens: ['api-tokens'] as const,
  audit: ['audit'] as const,
  contacts: ['contacts'] as const,
  customers: ['customers'] as const,
  knowledge: ['knowledge'] as const,
};
