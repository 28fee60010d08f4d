import type { AttemptOutcome, CallbackStatus } from '@linia/engine';

/** A callback task as the API returns it (packages/server/src/callbacks/contracts.ts). */
export interface Callback {
  id: string;
  hotlineId: string;
  contactId: string | null;
  customerId: string | null;
  customerName: string | null;
  phone: string;
  reason: string | null;
  dueAt: string;
  overdue: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  status: CallbackStatus;
  attempts: number;
  lastOutcome: AttemptOutcome | null;
  resultContactId: string | null;
  createdAt: string;
  closedAt: string | null;
}

export const callbackKeys = {
  all: ['callbacks'] as const,
  list: (filter: string) => ['callbacks', 'list', filter] as const,
  missed: ['callbacks', 'missed'] as const,
};
