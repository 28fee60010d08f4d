import type { ContactChannel, Criticality, CustomFieldDef, CustomFieldValue } from '@linia/engine';

/** Shapes of the desk's API answers (see the server's contacts/customers/knowledge contracts). */
export interface Contact {
  id: string;
  hotlineId: string;
  clientId: string;
  queueId: string | null;
  channel: ContactChannel;
  status: 'open' | 'closed';
  customerId: string | null;
  customerName: string | null;
  agentId: string | null;
  agentName: string | null;
  subject: string | null;
  topicId: string | null;
  criticality: Criticality;
  customFields: Record<string, CustomFieldValue>;
  outcome: string | null;
  fcr: boolean | null;
  notes: string | null;
  createdAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  wrapUpEndedAt: string | null;
  /** The customer gave up before an answer: a missed contact. */
  abandonedAt: string | null;
}

export type IdentifierKind = 'phone' | 'email' | 'chat' | 'messenger';

export interface Customer {
  id: string;
  name: string;
  organization: string | null;
  notes: string | null;
  consents: { kind: string; granted: boolean; at: string }[];
  identifiers: { kind: IdentifierKind; value: string }[];
  createdAt: string;
}

export interface TimelineEntry {
  kind: 'contact';
  at: string;
  contact: Contact;
}

export interface Article {
  id: string;
  hotlineId: string | null;
  categoryId: string | null;
  kind: 'article' | 'qa';
  title: string;
  body: string;
  answer: string;
  typical: boolean;
  version: number;
  updatedAt: string;
  createdAt: string;
  rank?: number;
}

export interface ArticleVersion {
  version: number;
  title: string;
  body: string;
  answer: string;
  authorName: string | null;
  createdAt: string;
}

export interface DiffLine {
  op: 'same' | 'add' | 'del';
  text: string;
}

export interface Reads {
  version: number;
  confirmed: { userId: string; name: string; confirmedAt: string }[];
  pending: { userId: string; name: string }[];
}

export interface Category {
  id: string;
  hotlineId: string | null;
  name: string;
}

export type { CustomFieldDef, CustomFieldValue };
