/** Shapes of the web-chat API (packages/server/src/chat; the contract in .tmp/notes/chat-contract.md). */
export type ChatAuthor = 'customer' | 'agent' | 'system';

export interface ChatAttachment {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
}

export interface ChatMessage {
  id: string;
  seq: number;
  author: ChatAuthor;
  authorName: string | null;
  body: string;
  createdAt: string;
  attachment: ChatAttachment | null;
}

export interface ChatSummary {
  contactId: string;
  status: 'waiting' | 'active' | 'ended';
  customerName: string | null;
  topic: string | null;
  startedAt: string;
  endedAt: string | null;
  endedBy: ChatAuthor | null;
  customerOnline: boolean;
  customerTyping: boolean;
  unread: number;
  lastMessage: ChatMessage | null;
}

export interface ChatDetail extends ChatSummary {
  messages: ChatMessage[];
  customerReadSeq: number;
  agentReadSeq: number;
  /** Set only in the browser: the agent is typing (seen by a lead watching). */
  agentTyping?: boolean;
}

/** The `data` of the live events (topics `user:<agent>` and `chat:<contactId>`). */
export type ChatEvent =
  | { type: 'chat.message'; data: { contactId: string; message: ChatMessage } }
  | { type: 'chat.typing'; data: { contactId: string; who: 'customer' | 'agent'; typing: boolean } }
  | { type: 'chat.read'; data: { contactId: string; by: 'customer' | 'agent'; seq: number } }
  | { type: 'chat.presence'; data: { contactId: string; customerOnline: boolean } }
  | { type: 'chat.ended'; data: { contactId: string; by: ChatAuthor } };

export const chatKeys = {
  all: ['chats'] as const,
  mine: ['chats', 'mine'] as const,
  one: (contactId: string) => ['chats', 'one', contactId] as const,
  live: ['chats', 'live'] as const,
};
