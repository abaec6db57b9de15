// Scenario helpers for tests: the default scenario (resolved and validated) with overrides applied as a patch.
import { resolveScenario, formatError, type Scenario } from '../../src/model/scenario';

/** Resolve a scenario patch over the default; throws with the first validation error. */
export function scenario(patch: unknown = {}): Scenario {
  const r = resolveScenario(patch);
  if (!r.ok) throw new Error(r.errors.map(formatError).join('; '));
  return r.scenario;
}

export const FIXTURE: Scenario = scenario({ run: { paths: 2000 } });
