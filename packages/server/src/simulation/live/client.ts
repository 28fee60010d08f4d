// A small client of Linia's public API for the live simulator: JSON over HTTP with an API token
// or a session cookie, and the desk WebSocket. Nothing here reaches into the server's insides.
import WebSocket from 'ws';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${status} ${detail}`);
  }
}

export interface Credentials {
  token?: string;
  cookie?: string;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly auth: Credentials,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.auth.token) headers.authorization = `Bearer ${this.auth.token}`;
    if (this.auth.cookie) headers.cookie = this.auth.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }).catch((e: Error) => {
      throw new Error(`cannot reach ${this.baseUrl}: ${(e.cause as Error | undefined)?.message ?? e.message}`);
    });
    const text = await res.text();
    if (!res.ok) {
      let detail = text;
      try {
        detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
      } catch {
        // not problem+json: keep the text
      }
      throw new ApiError(res.status, detail);
    }
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Signs a user in; a client carrying that user's session cookie. */
  async signIn(login: string, password: string): Promise<ApiClient> {
    const res = await fetch(`${this.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
    if (!res.ok) throw new ApiError(res.status, `sign-in of ${login} refused`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('linia_session='));
    if (!cookie) throw new ApiError(res.status, `no session for ${login}`);
    return new ApiClient(this.baseUrl, { cookie: cookie.split(';')[0]! });
  }

  /** The WebSocket of this session (the desk's live channel), open. */
  openSocket(): Promise<WebSocket> {
    const ws = new WebSocket(`${this.baseUrl.replace(/^http/, 'ws')}/api/v1/ws`, {
      headers: { ...(this.auth.cookie ? { cookie: this.auth.cookie } : {}), ...(this.auth.token ? { authorization: `Bearer ${this.auth.token}` } : {}) },
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
  }
}

/** Every page of a list endpoint (`{ items, nextCursor }`). */
export async function listAll<T>(api: ApiClient, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { items: T[]; nextCursor?: string | null } = await api.call('GET', `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return out;
}
