/**
 * One WebSocket per signed-in tab (R5). It reconnects with exponential backoff because
 * servers restart and laptops sleep; listeners survive reconnects.
 */
export interface RealtimeEvent {
  topic: string;
  event: { id: string; type: string; at: string; data: unknown };
}

type Listener = (event: RealtimeEvent) => void;

// 'contacts' is granted only to roles that see the journal; the server quietly denies it to others.
// 'wallboard' likewise (live queue figures, for roles with wallboard.view).
const TOPICS = ['tenant', 'contacts', 'wallboard'];
const MIN_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

let socket: WebSocket | null = null;
let wanted = false;
let attempt = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<Listener>();
/** Topics screens asked for on top of TOPICS (e.g. `chat:<id>` while a lead watches it), counted per asker. */
const extraTopics = new Map<string, number>();
/** Told after every (re)connect: events sent while the socket was down are lost, so screens re-read. */
const openListeners = new Set<() => void>();

function url(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/v1/ws`;
}

function open(): void {
  if (!wanted || socket) return;
  const ws = new WebSocket(url());
  socket = ws;
  ws.onopen = () => {
    attempt = 0;
    ws.send(JSON.stringify({ type: 'subscribe', topics: [...TOPICS, ...extraTopics.keys()] }));
    for (const listener of openListeners) listener();
  };
  ws.onmessage = (message) => {
    let data: unknown;
    try {
      data = JSON.parse(String(message.data));
    } catch {
      return; // not ours to interpret
    }
    if (!data || typeof data !== 'object' || (data as { type?: unknown }).type !== 'event') return;
    const event = data as RealtimeEvent;
    for (const listener of listeners) listener(event);
  };
  ws.onclose = () => {
    if (socket === ws) socket = null;
    scheduleReconnect();
  };
  // onerror is always followed by onclose, which does the reconnecting.
}

function scheduleReconnect(): void {
  if (!wanted || timer) return;
  // Jitter spreads reconnects of many tabs after a server restart.
  const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);
  attempt++;
  timer = setTimeout(() => {
    timer = null;
    open();
  }, delay);
}

export function connectRealtime(): void {
  wanted = true;
  open();
}

export function disconnectRealtime(): void {
  wanted = false;
  attempt = 0;
  if (timer) clearTimeout(timer);
  timer = null;
  const ws = socket;
  socket = null;
  ws?.close();
}

export function onRealtimeEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onRealtimeOpen(listener: () => void): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}

function sendIfOpen(message: unknown): void {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

/**
 * Asks for a topic while a screen needs it; the returned function gives it back. Kept across
 * reconnects; unsubscribed only when the last screen that asked lets go.
 */
export function subscribeTopic(topic: string): () => void {
  const n = extraTopics.get(topic) ?? 0;
  extraTopics.set(topic, n + 1);
  if (n === 0) sendIfOpen({ type: 'subscribe', topics: [topic] });
  return () => {
    const left = (extraTopics.get(topic) ?? 1) - 1;
    if (left > 0) return void extraTopics.set(topic, left);
    extraTopics.delete(topic);
    sendIfOpen({ type: 'unsubscribe', topics: [topic] });
  };
}
