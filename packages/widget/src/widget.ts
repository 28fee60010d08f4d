import { ApiError, ChatApi, type ChatMessage, type ChatState, type WidgetInfo } from './api.ts';
import { field, form, h } from './dom.ts';
import type { Texts } from './i18n.ts';
import { ChatSocket, type ServerFrame } from './socket.ts';
import { styles } from './styles.ts';

/** A message the customer sent that the server has not confirmed yet (kept across reloads, resent with its id). */
interface Pending {
  clientId: string;
  body: string;
  failed: boolean;
}

/** A v4 UUID also on plain-http pages, where crypto.randomUUID is missing. */
function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} МБ`;

/**
 * The widget on a host page: a launcher button and a panel in a shadow root. Views: the pre-chat
 * form (or, out of hours, the request form), then the chat — place in line while waiting, the
 * agent's name once accepted, messages both ways with delivered/read marks, typing, files — and
 * after the end the hotline's survey. The chat token stays in sessionStorage, so a reload of the
 * page returns to the same chat; unconfirmed messages too, resent with the same id (stored once).
 */
export class ChatWidget {
  private readonly api: ChatApi;
  private readonly shadow: ShadowRoot;
  private readonly panel: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly body: HTMLElement;
  private info: WidgetInfo | null = null;
  private state: ChatState | null = null;
  private readonly messages = new Map<number, ChatMessage>();
  private pending: Pending[] = [];
  private socket: ChatSocket | null = null;
  private chat: { status: HTMLElement; log: HTMLElement; typing: HTMLElement; error: HTMLElement; composer: HTMLElement; input: HTMLTextAreaElement; survey: HTMLElement } | null = null;
  private surveyDone = false;
  private online = true;
  private typingSentAt = 0;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(host: HTMLElement, base: string, private readonly key: string, private readonly t: Texts) {
    this.api = new ChatApi(base, key);
    this.shadow = host.attachShadow({ mode: 'open' });
    this.shadow.append(h('style', {}, styles));
    this.launcher = h('button', { class: 'launcher', type: 'button', 'aria-label': t.open, 'aria-expanded': 'false', onclick: () => this.toggle() }, '💬');
    this.body = h('div', { class: 'body' });
    this.panel = h('section', { class: 'panel', role: 'dialog', 'aria-label': t.title, hidden: true },
      h('header', {}, h('h2', {}, t.title), h('button', { type: 'button', 'aria-label': t.close, onclick: () => this.toggle(false) }, '×')),
      this.body,
    );
    this.shadow.append(this.launcher, this.panel);
  }

  private store(name: string, value: string | null): void {
    try {
      if (value === null) sessionStorage.removeItem(`linia-chat:${this.key}:${name}`);
      else sessionStorage.setItem(`linia-chat:${this.key}:${name}`, value);
    } catch {
      // Storage may be off (privacy settings): the chat still works, only not across a reload.
    }
  }
  private stored(name: string): string | null {
    try {
      return sessionStorage.getItem(`linia-chat:${this.key}:${name}`);
    } catch {
      return null;
    }
  }

  async boot(): Promise<void> {
    try {
      this.info = await this.api.widget();
    } catch {
      // Unknown or switched-off widget: show nothing at all on the host page.
      this.shadow.host.remove();
      return;
    }
    this.panel.setAttribute('aria-label', this.info.name || this.t.title);
    this.panel.querySelector('h2')!.textContent = this.info.name || this.t.title;
    const token = this.stored('token');
    if (token) {
      this.api.token = token;
      try {
        this.pending = JSON.parse(this.stored('pending') ?? '[]') as Pending[];
        const s = await this.api.session(0);
        this.enterChat(s.state, s.messages);
      } catch {
        this.forget();
        this.showStart();
      }
    } else {
      this.showStart();
    }
    if (this.stored('open') === '1') this.toggle(true);
  }

  private toggle(open = this.panel.hidden): void {
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? this.t.close : this.t.open);
    this.store('open', open ? '1' : null);
    if (open) {
      this.markRead();
      (this.panel.querySelector('input, textarea') as HTMLElement | null)?.focus();
    }
  }

  private forget(): void {
    this.socket?.stop();
    this.socket = null;
    this.api.token = null;
    this.state = null;
    this.messages.clear();
    this.pending = [];
    this.chat = null;
    this.surveyDone = false;
    this.store('token', null);
    this.store('pending', null);
  }

  // ── before the chat ──

  private showStart(): void {
    const info = this.info!;
    if (!info.open) return this.showClosed();
    const t = this.t;
    const name = h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: 200 });
    const contact = h('input', { name: 'contact', autocomplete: 'tel', required: true, maxlength: 200 });
    const topic = h('select', { name: 'topic' }, h('option', { value: '' }, t.topicNone), ...info.topics.map((x) => h('option', { value: x.id }, x.path.join(' / '))));
    const question = h('textarea', { name: 'question', maxlength: info.limits.messageChars });
    const start = async () => {
      const r = await this.api.start({ name: name.value.trim(), contact: contact.value.trim(), ...(topic.value ? { topicId: topic.value } : {}), ...(question.value.trim() ? { message: question.value.trim() } : {}) });
      this.api.token = r.token;
      this.store('token', r.token);
      this.enterChat(r.state, []);
    };
    // 409: the hours changed under the form (closed meanwhile): show what the widget says now.
    const refreshIfClosed = (err: unknown) => {
      if (err instanceof ApiError && err.status === 409) void this.api.widget().then((i) => ((this.info = i), this.showStart()));
    };
    const fields = [field(t.name, name), field(t.contact, contact), info.topics.length > 0 ? field(t.topic, topic) : null, field(t.question, question)];
    const startForm = form(t.start, start, fields, refreshIfClosed);
    this.body.replaceChildren(h('div', { class: 'scroll' }, info.greeting ? h('p', { class: 'greeting' }, info.greeting) : null, startForm));
  }

  /** Out of hours: say so and offer the request form (it opens a case; nothing queues). */
  private showClosed(): void {
    const t = this.t;
    const name = h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: 200 });
    const contact = h('input', { name: 'contact', required: true, maxlength: 200 });
    const message = h('textarea', { name: 'message', required: true, maxlength: this.info!.limits.messageChars });
    const send = async () => {
      const r = await this.api.request({ name: name.value.trim(), contact: contact.value.trim(), message: message.value.trim() });
      this.body.replaceChildren(h('div', { class: 'scroll' }, h('p', { role: 'status' }, t.requestDone(r.caseNumber))));
    };
    const requestForm = form(t.sendRequest, send, [field(t.name, name), field(t.contact, contact), field(t.message, message)]);
    this.body.replaceChildren(h('div', { class: 'scroll' }, h('h3', {}, t.closedTitle), h('p', {}, t.closedText), requestForm));
  }

  // ── the chat ──

  private enterChat(state: ChatState, messages: ChatMessage[]): void {
    const t = this.t;
    const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const log = h('div', { class: 'log', role: 'log', 'aria-label': t.messages, 'aria-live': 'polite' });
    const typing = h('div', { class: 'typing', 'aria-live': 'polite' });
    const error = h('p', { class: 'error', role: 'alert' });
    const input = h('textarea', { name: 'message', 'aria-label': t.message, placeholder: t.message, rows: 2 });
    input.addEventListener('input', () => this.typingChanged(input.value !== ''));
    input.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        this.sendText();
      }
    });
    const file = h('input', { type: 'file', class: 'hidden', 'aria-label': t.attach, tabindex: -1 });
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      file.value = '';
      if (f) void this.sendFile(f);
    });
    const composer = h('div', { class: 'composer' },
      input,
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', onclick: () => file.click() }, t.attach),
        h('button', { type: 'button', class: 'secondary', onclick: () => void this.end() }, t.end),
        h('button', { type: 'button', class: 'primary', onclick: () => this.sendText() }, t.send),
      ),
      file,
    );
    const survey = h('div', {});
    this.chat = { status, log, typing, error, composer, input, survey };
    this.body.replaceChildren(status, h('div', { class: 'scroll' }, log, survey), typing, error, composer);
    this.state = state;
    for (const m of messages) this.messages.set(m.seq, m);
    this.render();
    if (state.status !== 'ended') {
      this.socket = new ChatSocket(this.api, () => this.lastSeq(), (f) => this.frame(f), (on) => this.connectivity(on));
      this.socket.open();
    }
  }

  private lastSeq(): number {
    let max = 0;
    for (const s of this.messages.keys()) max = Math.max(max, s);
    return max;
  }

  private frame(f: ServerFrame): void {
    switch (f.type) {
      case 'hello':
        this.state = f.state;
        for (const m of f.messages) this.messages.set(m.seq, m);
        void this.flushPending();
        break;
      case 'state':
        this.state = f.state;
        break;
      case 'message':
        this.messages.set(f.message.seq, f.message);
        break;
      case 'typing':
        if (this.state) this.state.agentTyping = f.typing;
        break;
      case 'read':
        if (this.state) this.state.agentReadSeq = Math.max(this.state.agentReadSeq, f.seq);
        break;
      case 'queue':
        if (this.state) Object.assign(this.state, { position: f.position, ewtSeconds: f.ewtSeconds });
        break;
      case 'error':
        if (f.status === 404) {
          this.forget();
          this.showStart();
          return;
        }
        break;
      default:
        return;
    }
    if (this.state?.status === 'ended') this.socket?.stop();
    this.render();
    this.markRead();
  }

  private connectivity(online: boolean): void {
    this.online = online;
    this.renderStatus();
  }

  /** The agent's messages on screen are read: tell the agent (while the panel is open). */
  private markRead(): void {
    if (this.panel.hidden || !this.socket?.connected) return;
    let seq = 0;
    for (const m of this.messages.values()) if (m.author !== 'customer') seq = Math.max(seq, m.seq);
    if (seq > 0) this.socket.send({ type: 'read', seq });
  }

  private typingChanged(typing: boolean): void {
    const now = Date.now();
    if (typing && now - this.typingSentAt > 2000) {
      this.typingSentAt = now;
      this.socket?.send({ type: 'typing', typing: true });
    }
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.typingSentAt = 0;
      this.socket?.send({ type: 'typing', typing: false });
    }, typing ? 3000 : 0);
  }

  private savePending(): void {
    this.store('pending', this.pending.length ? JSON.stringify(this.pending) : null);
  }

  private sendText(): void {
    const c = this.chat!;
    const body = c.input.value.trim();
    if (!body) return;
    const max = this.info?.limits.messageChars ?? 4000;
    if (body.length > max) {
      c.error.textContent = this.t.tooLong(max);
      return;
    }
    c.error.textContent = '';
    c.input.value = '';
    this.typingChanged(false);
    this.pending.push({ clientId: uuid(), body, failed: false });
    this.savePending();
    this.renderLog();
    void this.flushPending();
  }

  /** Sends every unconfirmed message, oldest first, each with its own id (a resend is stored once). */
  private flushing = false;
  private async flushPending(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const p = this.pending[0]!;
        try {
          const m = await this.api.send(p.body, p.clientId);
          this.messages.set(m.seq, m);
          this.pending = this.pending.filter((q) => q.clientId !== p.clientId);
        } catch (err) {
          if (err instanceof ApiError && err.status < 500) {
            // Refused for good (too long, ended, flood): drop it and say why.
            this.pending.shift();
            this.chat!.error.textContent = err.message;
          } else {
            p.failed = true;
            break;
          }
        } finally {
          this.savePending();
          this.renderLog();
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async sendFile(f: File): Promise<void> {
    const c = this.chat!;
    const limit = this.info?.limits.attachmentBytes ?? Infinity;
    if (f.size > limit) {
      c.error.textContent = this.t.tooBig(mb(limit));
      return;
    }
    c.error.textContent = '';
    try {
      const m = await this.api.attach(f, uuid());
      this.messages.set(m.seq, m);
      this.renderLog();
    } catch (err) {
      c.error.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  private async end(): Promise<void> {
    try {
      this.state = await this.api.end();
      this.socket?.stop();
      this.render();
    } catch (err) {
      this.chat!.error.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  // ── rendering ──

  private render(): void {
    this.renderStatus();
    this.renderLog();
    this.renderSurvey();
  }

  private renderStatus(): void {
    const c = this.chat;
    const s = this.state;
    if (!c || !s) return;
    const t = this.t;
    let text: string;
    if (s.status === 'ended') text = t.ended;
    else if (!this.online) text = t.reconnecting;
    else if (s.status === 'active') text = t.agent(s.agentName ?? '');
    else text = s.position ? `${t.position(s.position)} ${s.ewtSeconds !== null ? t.ewt(s.ewtSeconds) : ''}`.trim() : t.waiting;
    c.status.textContent = text;
    c.typing.textContent = s.status === 'active' && s.agentTyping ? t.typing : '';
    c.composer.classList.toggle('hidden', s.status === 'ended');
  }

  private renderLog(): void {
    const c = this.chat;
    if (!c) return;
    const t = this.t;
    const readSeq = this.state?.agentReadSeq ?? 0;
    const rows = [...this.messages.values()].sort((a, b) => a.seq - b.seq).map((m) => {
      const time = new Date(m.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      // A system line is stored as its kind (and the agent's name): worded here, centred and grey.
      if (m.author === 'system') {
        const word = t.systemLine[m.body];
        return h('div', { class: 'msg system', 'data-seq': m.seq, 'data-kind': m.body }, word ? word(m.authorName ?? '') : m.body, h('span', { class: 'meta' }, time));
      }
      const who = m.author === 'customer' ? t.you : m.author === 'agent' ? (m.authorName ?? '') : t.system;
      const mark = m.author === 'customer' ? ` · ${m.seq <= readSeq ? t.read : t.delivered}` : '';
      const content: (Node | string)[] = m.attachment
        ? [h('button', { type: 'button', class: 'secondary', onclick: () => void this.open(m.attachment!.id, m.attachment!.fileName) }, `📎 ${m.attachment.fileName} (${mb(m.attachment.size)})`)]
        : [m.body];
      return h('div', { class: `msg ${m.author}`, 'data-seq': m.seq }, ...content, h('span', { class: 'meta' }, `${who} · ${time}${mark}`));
    });
    // A message the server already has (its echo may come over the socket before the answer to the send) is shown once.
    const known = new Set([...this.messages.values()].map((m) => m.clientId).filter(Boolean));
    const waiting = this.pending.filter((p) => !known.has(p.clientId)).map((p) => h('div', { class: `msg customer${p.failed ? ' failed' : ''}` }, p.body, h('span', { class: 'meta' }, `${t.you} · ${p.failed ? t.failed : t.sending}`)));
    c.log.replaceChildren(...rows, ...waiting);
    const scroller = c.log.parentElement!;
    scroller.scrollTop = scroller.scrollHeight;
  }

  private async open(id: string, fileName: string): Promise<void> {
    const blob = await this.api.download(id);
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: fileName });
    this.shadow.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private renderSurvey(): void {
    const c = this.chat;
    const s = this.state;
    if (!c || !s) return;
    const t = this.t;
    if (s.status !== 'ended') return void c.survey.replaceChildren();
    const again = h('button', { type: 'button', class: 'secondary', onclick: () => (this.forget(), this.showStart()) }, t.newChat);
    if (this.surveyDone) return void c.survey.replaceChildren(h('p', { role: 'status' }, t.thanks), again);
    if (!s.survey) return void c.survey.replaceChildren(again);
    if (c.survey.querySelector('fieldset')) return;
    const survey = s.survey;
    const scores = survey.kind === 'csat' ? [1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const comment = h('textarea', { name: 'comment', maxlength: 2000 });
    const error = h('p', { class: 'error', role: 'alert' });
    const submit = h('button', { class: 'primary', type: 'submit' }, t.sendScore);
    const form = h('form', {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const picked = form.querySelector<HTMLInputElement>('input[name="score"]:checked');
        if (!picked) return;
        submit.disabled = true;
        try {
          await this.api.answer(survey.token, Number(picked.value), comment.value.trim() || undefined);
          this.surveyDone = true;
          this.renderSurvey();
        } catch (err) {
          error.textContent = err instanceof Error ? err.message : String(err);
          submit.disabled = false;
        }
      },
    },
      h('fieldset', {},
        h('legend', {}, survey.question),
        h('div', { class: 'scores', role: 'radiogroup', 'aria-label': t.score }, ...scores.map((n) => h('label', {}, h('input', { type: 'radio', name: 'score', value: n, required: true }), String(n)))),
        survey.allowComment ? field(t.comment, comment) : null,
        error,
        submit,
      ),
    );
    c.survey.replaceChildren(form, again);
  }
}
