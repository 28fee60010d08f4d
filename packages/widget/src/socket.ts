import type { ChatApi, ChatMessage, ChatState } from './api.ts';

export type ServerFrame =
  | { type: 'hello'; state: ChatState; messages: ChatMessage[] }
  | { type: 'state'; state: ChatState }
  | { type: 'message'; message: ChatMessage }
  | { type: 'typing'; typing: boolean }
  | { type: 'read'; seq: number }
  | { type: 'queue'; position: number | null; ewtSeconds: number | null }
  | { type: 'error'; status?: number; detail: string }
  | { type: 'pong' };

/**
 * The customer's live connection. Reconnects with a growing pause (1 s … 15 s) and, each time,
 * asks for the messages after the last seq it has (`lastSeq()`): nothing said meanwhile is lost.
 * A 404 (the chat is gone) stops it.
 */
export class ChatSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly api: ChatApi,
    private readonly lastSeq: () => number,
    private readonly onFrame: (f: ServerFrame) => void,
    private readonly onOnline: (online: boolean) => void,
  ) {}

  open(): void {
    this.stopped = false;
    const ws = new WebSocket(this.api.socketUrl(this.lastSeq()));
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.onOnline(true);
    };
    ws.onmessage = (e) => {
      let f: ServerFrame;
      try {
        f = JSON.parse(String(e.data)) as ServerFrame;
      } catch {
        return;
      }
      if (f.type === 'error' && f.status === 404) this.stop();
      this.onFrame(f);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped) return;
      this.onOnline(false);
      const wait = Math.min(15_000, 1000 * 2 ** this.attempt++);
      this.timer = setTimeout(() => this.open(), wait);
    };
  }

  send(frame: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const ws = this.ws;
    this.ws = null;
    ws?.close();
  }
}
