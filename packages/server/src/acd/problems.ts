import type { RoutingError } from '@linia/engine';
import { HttpProblem } from '../http/problem.ts';

/**
 * The engine's refusal as problem+json: an illegal state change is a 409 that lists the changes
 * allowed now (issue 4 "illegal state changes rejected (409) with the allowed ones"); unknown ids
 * are 404; the rest are conflicts with the current routing state.
 */
export function routingProblem(e: RoutingError, field = 'body.state'): HttpProblem {
  if (e.code === 'illegalTransition') {
    // The engine's message already names the allowed changes.
    return new HttpProblem(409, e.message, [{ field, message: `allowed: ${e.allowed.join(', ') || 'none'}` }]);
  }
  if (e.code === 'unknownAgent') return new HttpProblem(404, 'Not an ACD agent: configure the user as an agent first');
  if (e.code === 'unknownContact') return new HttpProblem(404, 'Contact not found in routing (not queued, or already finished)');
  if (e.code === 'unknownQueue') return new HttpProblem(404, 'Queue not found');
  if (e.code === 'invalid') return new HttpProblem(400, e.message);
  return new HttpProblem(409, e.message);
}
