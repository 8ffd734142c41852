import miyun from './fixtures/miyun-illustrative.json';
import shiyan from './fixtures/shiyan-2003-2050.json';
import { parseScenario, type Scenario } from './schema';

/**
 * The reference scenarios shipped with the engine: the paper's Shiyan case
 * (pes-model.md §6) and an illustrative Miyun case (§7; its numbers are made up
 * and its name says so). Usable as demo data and in tests.
 */

function load(name: string, json: unknown): Scenario {
  const parsed = parseScenario(json);
  // A broken fixture is a bug in this repository, not bad user input.
  if (!parsed.ok) throw new Error(`fixture ${name} is invalid: ${parsed.problems.map((p) => `${p.path}: ${p.code} ${JSON.stringify(p.params)}`).join('; ')}`);
  return parsed.scenario;
}

export const shiyanScenario = (): Scenario => load('shiyan-2003-2050', shiyan);
export const miyunScenario = (): Scenario => load('miyun-illustrative', miyun);
/** The raw documents, as a user would upload them. */
export const shiyanDocument = (): unknown => structuredClone(shiyan);
export const miyunDocument = (): unknown => structuredClone(miyun);
