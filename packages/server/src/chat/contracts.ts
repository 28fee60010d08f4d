import { z } from 'zod';

/**
 * Request and response shapes of the web chat: the operator API (docs/CHAT.md, the contract with
 * the desk's chat screens), the customer's widget API (public, reached with the chat token) and
 * the widgets' administration.
 */

/** The longest message either side may send (characters). */
export const MAX_MESSAGE_CHARS = 4000;

export const CHAT_AUTHORS = ['customer', 'agent', 'system'] as const;
export type ChatAuthor = (typeof CHAT_AUTHORS)[number];

export const chatAttachment = z.object({ id: z.uuid(), fileName: z.string(), size: z.number().int(), contentType: z.string() });

export const chatMessage = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  author: z.enum(CHAT_AUTHORS),
  authorName: z.string().nullable(),
  body: z.string(),
  /** The sender's own id for the message (de-duplication): a sender matches its unconfirmed messages by it. */
  clientId: z.string().nullable(),
  createdAt: z.string(),
  attachment: chatAttachment.nullable(),
});
export type ChatMessage = z.infer<typeof chatMessage>;

export const chatStatus = z.enum(['waiting', 'active', 'ended']);
export type ChatStatus = z.infer<typeof chatStatus>;

export const chatSummary = z.object({
  contactId: z.uuid(),
  status: chatStatus,
  customerName: z.string().nullable(),
  topic: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: z.enum(CHAT_AUTHORS).nullable(),
  customerOnline: z.boolean(),
  customerTyping: z.boolean(),
  unread: z.number().int(),
  lastMessage: chatMessage.nullable(),
});
export type ChatSummary = z.infer<typeof chatSummary>;

export const chatDetail = chatSummary.extend({
  messages: z.array(chatMessage),
  customerReadSeq: z.number().int(),
  agentReadSeq: z.number().int(),
});

export const chatParams = z.object({ contactId: z.uuid() });
export const messageBody = z.string().trim().min(1).max(MAX_MESSAGE_CHARS, `at most ${MAX_MESSAGE_CHARS} characters`);
export const messageSend = z.strictObject({ body: messageBody, clientId: z.uuid().optional() });
export const typingSend = z.strictObject({ typing: z.boolean() });
export const readSend = z.strictObject({ seq: z.number().int().min(0) });
export const fileQuery = z.object({ fileName: z.string().trim().min(1).max(255), clientId: z.uuid().optional() });

// ── the customer's side (public; the chat token in the `x-chat-token` header) ──

export const widgetKeyParams = z.object({ key: z.string().min(8).max(100) });

export const publicWidget = z.object({
  name: z.string(),
  hotlineName: z.string(),
  greeting: z.string(),
  /** Within the chat's opening hours: a chat may start; otherwise the widget offers the request form. */
  open: z.boolean(),
  topics: z.array(z.object({ id: z.string(), path: z.array(z.string()) })),
  limits: z.object({ messageChars: z.number().int(), attachmentBytes: z.number().int(), messagesPerMinute: z.number().int() }),
});

const customerName = z.string().trim().min(1).max(200);
/** A phone number or an e-mail address; which one is decided by the "@". */
const customerContact = z.string().trim().min(3).max(200);

export const chatStart = z.strictObject({
  name: customerName,
  contact: customerContact,
  topicId: z.string().min(1).max(64).optional(),
  /** The question, if the customer typed one in the form: the chat's first message. */
  message: messageBody.optional(),
});

export const offHoursRequest = z.strictObject({
  name: customerName,
  contact: customerContact,
  message: messageBody,
});
export const offHoursCreated = z.object({ caseNumber: z.number().int(), contactId: z.uuid() });

export const customerSurvey = z.object({
  token: z.string(),
  kind: z.enum(['csat', 'nps']),
  question: z.string(),
  allowComment: z.boolean(),
});

/** What the customer's widget shows: the chat's state, its place in line, the agent, the survey. */
export const customerState = z.object({
  contactId: z.uuid(),
  status: chatStatus,
  customerName: z.string().nullable(),
  agentName: z.string().nullable(),
  position: z.number().int().nullable(),
  ewtSeconds: z.number().int().nullable(),
  endedBy: z.enum(CHAT_AUTHORS).nullable(),
  agentTyping: z.boolean(),
  agentReadSeq: z.number().int(),
  survey: customerSurvey.nullable(),
});
export type CustomerState = z.infer<typeof customerState>;

export const chatStarted = z.object({ token: z.string(), state: customerState });
export const afterQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });
export const customerSession = z.object({ state: customerState, messages: z.array(chatMessage) });
export const attachmentParams = z.object({ attachmentId: z.uuid() });

// ── administration ──

export const widgetOut = z.object({
  id: z.uuid(),
  hotlineId: z.uuid(),
  clientId: z.uuid(),
  queueId: z.uuid(),
  publicKey: z.string(),
  name: z.string(),
  greeting: z.string(),
  active: z.boolean(),
  calendarId: z.uuid().nullable(),
  messagesPerMinute: z.number().int(),
  createdAt: z.string(),
});

const widgetFields = {
  hotlineId: z.uuid(),
  queueId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  greeting: z.string().trim().max(1000),
  active: z.boolean(),
  calendarId: z.uuid().nullable(),
  messagesPerMinute: z.number().int().min(1).max(600),
};
export const widgetCreate = z.strictObject({
  ...widgetFields,
  greeting: widgetFields.greeting.default(''),
  active: widgetFields.active.default(true),
  calendarId: widgetFields.calendarId.default(null),
  messagesPerMinute: widgetFields.messagesPerMinute.default(30),
});
export const widgetPatch = z.strictObject(widgetFields).partial();
export const widgetQuery = z.object({ hotlineId: z.uuid().optional() });
