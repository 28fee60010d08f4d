import { scenarioProblems, type Scenario } from '@linia/engine';
import { parseScenario } from './scenarioSchema.ts';

/**
 * A scenario as the CLI and the API take it: each field checked by the schema (problems named
 * by path), then the cross-references the schema cannot see (an arrival naming a queue the file
 * does not define). One function, so `linia simulate` and the Simulation screen refuse alike.
 */
export function checkScenario(raw: unknown): { scenario: Scenario } | { problems: string[] } {
  const parsed = parseScenario(raw);
  if ('problems' in parsed) return parsed;
  const problems = scenarioProblems(parsed.scenario);
  return problems.length > 0 ? { problems } : parsed;
}
