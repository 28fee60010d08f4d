/** The widget's calls to the Linia server (public routes; the chat token in a header). */
export interface ChatMessage {
  id: string;
  seq: number;
  author: 'customer' | 'agent' | 'system';
  authorName: string | null;
  body: string;
  clientId: string | null;
  createdAt: string;
  attachment: { id: string; fileName: string; size: number; contentType: string } | null;
}
export interface Survey { token: string; kind: 'csat' | 'nps'; question: string; allowComment: boolean }
export interface ChatState {
  contactId: string;
  status: 'waiting' | 'active' | 'ended';
  customerName: string | null;
  agentName: string | null;
  position: number | null;
  ewtSeconds: number | null;
  endedBy: 'customer' | 'agent' | 'system' | null;
  agentTyping: boolean;
  agentReadSeq: number;
  survey: Survey | null;
}
export interface WidgetInfo {
  name: string;
  hotlineName: string;
  greeting: string;
  open: boolean;
  topics: { id: string; path: string[] }[];
  limits: { messageChars: number; attachmentBytes: number; messagesPerMinute: number };
}

/** A refusal from the server: its status and the problem's detail (shown to the customer as is). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly retryAfter: number | null = null) {
    super(message);
  }
}

export class ChatApi {
  token: string | null = null;
  constructor(readonly base: string, readonly key: string) {}

  /** A 503 with Retry-After (the routing node changing hands) is retried a few times before it is shown. */
  private async call<T>(method: string, path: string, body?: unknown, raw?: { data: Blob; type: string }): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.callOnce<T>(method, path, body, raw);
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 503 || attempt >= 4) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5, err.retryAfter ?? 1) * 1000));
      }
    }
  }

  private async callOnce<T>(method: string, path: string, body?: unknown, raw?: { data: Blob; type: string }): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token) headers['x-chat-token'] = this.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = raw.type || 'application/octet-stream';
    const res = await fetch(`${this.base}${path}`, { method, headers, body: raw ? raw.data : body !== undefined ? JSON.stringify(body) : null });
    if (res.status === 204) return undefined as T;
    const json = await res.json().catch(() => null);
    if (!res.ok) {
      const retry = res.headers.get('retry-after');
      throw new ApiError(res.status, (json && (json.detail as string)) || res.statusText, retry ? Number(retry) : null);
    }
    return json as T;
  }

  widget = () => this.call<WidgetInfo>('GET', `/api/v1/chat/widgets/${encodeURIComponent(this.key)}`);
  start = (body: { name: string; contact: string; topicId?: string; message?: string }) =>
    this.call<{ token: string; state: ChatState }>('POST', `/api/v1/chat/widgets/${encodeURIComponent(this.key)}/chats`, body);
  request = (body: { name: string; contact: string; message: string }) =>
    this.call<{ caseNumber: number; contactId: string }>('POST', `/api/v1/chat/widgets/${encodeURIComponent(this.key)}/requests`, body);
  session = (after: number) => this.call<{ state: ChatState; messages: ChatMessage[] }>('GET', `/api/v1/chat/session?after=${after}`);
  send = (body: string, clientId: string) => this.call<ChatMessage>('POST', '/api/v1/chat/session/messages', { body, clientId });
  attach = (file: File, clientId: string) =>
    this.call<ChatMessage>('POST', `/api/v1/chat/session/attachments?fileName=${encodeURIComponent(file.name)}&clientId=${clientId}`, undefined, { data: file, type: file.type });
  end = () => this.call<ChatState>('POST', '/api/v1/chat/session/end');
  answer = (surveyToken: string, score: number, comment?: string) =>
    this.call<unknown>('POST', `/api/v1/surveys/public/${encodeURIComponent(surveyToken)}`, { score, ...(comment ? { comment } : {}) });
  attachmentUrl = (id: string) => `${this.base}/api/v1/chat/session/attachments/${id}`;
  async download(id: string): Promise<Blob> {
    const res = await fetch(this.attachmentUrl(id), { headers: this.token ? { 'x-chat-token': this.token } : {} });
    if (!res.ok) throw new ApiError(res.status, res.statusText);
    return res.blob();
  }
  socketUrl = (after: number) => `${this.base.replace(/^http/, 'ws')}/api/v1/chat/ws?token=${encodeURIComponent(this.token ?? '')}&after=${after}`;
}
