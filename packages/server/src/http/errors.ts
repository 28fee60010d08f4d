import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { HttpProblem, problemBody, type FieldError } from './problem.ts';
import { problemFromDatabase } from './dbErrors.ts';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** Every error leaves the API as problem+json; only our own faults are 500 and logged as errors. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const problem = toProblem(err);
    if (problem.status >= 500) req.log.error({ err }, 'request failed');
    // A refused WebSocket upgrade must not leave its connection open (it would hold shutdown).
    if (req.headers.upgrade) reply.header('connection', 'close');
    reply.code(problem.status).headers(problem.headers).type(PROBLEM_JSON).send(problem.toBody());
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).type(PROBLEM_JSON).send(problemBody(404, `No route ${req.method} ${req.url.split('?')[0]}`));
  });
}

function toProblem(err: FastifyError): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    // Fields are named as the client sees them: body.x, query.x, params.x, headers.x.
    const context = err.validationContext === 'querystring' ? 'query' : (err.validationContext ?? 'body');
    const errors: FieldError[] = err.validation.flatMap((issue) => {
      // instancePath is "/a/b"; an unknown key is named itself, not its parent object.
      const path = [context, ...issue.instancePath.split('/').filter(Boolean)];
      const keys = (issue.params as { keys?: string[] }).keys;
      if (issue.keyword === 'unrecognized_keys' && keys?.length) {
        return keys.map((k) => ({ field: [...path, k].join('.'), message: 'unknown field' }));
      }
      return [{ field: path.join('.'), message: issue.message ?? 'invalid' }];
    });
    return new HttpProblem(400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  if (isResponseSerializationError(err)) return new HttpProblem(500, 'The server built a response it may not send');
  const db = problemFromDatabase(err);
  if (db) return db;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, `The request body is larger than this endpoint accepts (${err.message})`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(415, 'Send JSON (Content-Type: application/json)');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(400, 'The JSON body is empty', [{ field: 'body', message: 'empty' }]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpProblem(400, `The body is not valid JSON: ${err.message}`, [{ field: 'body', message: 'invalid JSON' }]);
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
    return new HttpProblem(400, `The body is not valid JSON: ${err.message}`, [{ field: 'body', message: 'invalid JSON' }]);
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new HttpProblem(err.statusCode, err.message);
  return new HttpProblem(500, 'Something went wrong on our side; the request id is in the x-request-id header');
}
