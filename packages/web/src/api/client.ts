import { ApiProblem, type FieldProblem } from './problem.ts';

/** All endpoints live under one prefix; the dev server proxies it, production serves it same-origin. */
export const API_BASE = '/api/v1';

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=2`, dropping empty values so filters left blank do not reach the server. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as Idempotency-Key: a retried registration must not create a second record. */
  idempotencyKey?: string;
  /** A file sent as the raw body (attachments), instead of JSON. */
  file?: Blob;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  let body: string | Blob | undefined;
  if (options.file) {
    headers['Content-Type'] = options.file.type || 'application/octet-stream';
    body = options.file;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(API_BASE + path + queryString(options.query), {
      method,
      headers,
      body,
      // The session lives in an http-only cookie; same-origin sends it and nothing else.
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    // status 0 marks "the server could not be reached", distinct from any HTTP answer.
    throw new ApiProblem({ status: 0, title: 'Network error', detail: '' });
  }
  if (!response.ok) throw await toProblem(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const retryHeader = response.headers.get('Retry-After');
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader.trim()) ? Number(retryHeader) : null;
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // A proxy or crash may answer with HTML or nothing; the status alone still says enough.
  }
  const errors = Array.isArray(data.errors)
    ? (data.errors as unknown[]).filter(
        (e): e is FieldProblem =>
          !!e && typeof (e as FieldProblem).field === 'string' && typeof (e as FieldProblem).message === 'string',
      )
    : [];
  return new ApiProblem({
    status: response.status,
    title: typeof data.title === 'string' ? data.title : response.statusText,
    detail: typeof data.detail === 'string' ? data.detail : '',
    type: typeof data.type === 'string' ? data.type : undefined,
    errors,
    retryAfter,
  });
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) => request<T>('POST', path, { body: body ?? {}, idempotencyKey }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  upload: <T>(path: string, file: Blob, query?: Query) => request<T>('POST', path, { file, query }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
