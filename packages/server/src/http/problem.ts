/**
 * RFC 9457 problem details: the one shape every API error has.
 * `errors` names the failing fields as dotted paths (`body.login`, `query.limit`).
 */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

/** Thrown anywhere below a route; the error handler turns it into problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toBody(): ProblemBody {
    return problemBody(this.status, this.message, this.errors);
  }
}

export function problemBody(status: number, detail: string, errors?: FieldError[]): ProblemBody {
  const title = TITLES[status] ?? 'Error';
  return {
    type: `https://linia.dev/problems/${title.toLowerCase().replace(/ /g, '-')}`,
    title,
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export const notFound = (what: string) => new HttpProblem(404, `${what} not found`);
export const badField = (field: string, message: string) =>
  new HttpProblem(400, `${field}: ${message}`, [{ field, message }]);
export const conflict = (field: string, message: string) =>
  new HttpProblem(409, `${field}: ${message}`, [{ field, message }]);
