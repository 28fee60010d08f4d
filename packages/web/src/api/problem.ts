/**
 * An RFC 9457 problem returned by the API. Every non-2xx response becomes one of these,
 * so screens handle errors in one way: show `detail`, mark the fields listed in `errors`.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly errors: FieldProblem[];
  /** Seconds from a Retry-After header (429), when the server sent one. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    title?: string;
    detail?: string;
    type?: string;
    errors?: FieldProblem[];
    retryAfter?: number | null;
  }) {
    super(init.detail || init.title || `HTTP ${init.status}`);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.title = init.title ?? '';
    this.detail = init.detail ?? '';
    this.type = init.type ?? 'about:blank';
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  /** Field messages keyed by form field name; the server names them `body.x.y`, forms use `x.y`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const field = e.field.replace(/^body\./, '');
      if (!(field in out)) out[field] = e.message;
    }
    return out;
  }
}

export function isProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}
