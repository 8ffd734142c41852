import { computeScenario } from '../engine/compute';
import { SCENARIO_FORMAT, parseScenario, type Scenario, type ScenarioProblem } from '../engine/schema';
import { TD, formatTermsDecimal, parseDecimalString } from './decimal';
import { message, problemAt } from '../engine/problem';
import { DOCUMENT, readJson, type PaymentTerms, type Problem } from './schema';

/**
 * Where `scheduled` comes from: the payment schedule of a `pes-scenario/1`
 * computed by the engine, or a plain map year → amount. Either way the values
 * are converted into the unit of the terms, so that a scenario kept in
 * thousand CNY can back terms written in CNY.
 */

/** Year → canonical decimal string, in the terms' unit and currency. */
export type ScheduledMap = Record<string, string>;
/** A scenario's problems are the engine's own (lib/engine/schema.ts). */
export type ScheduledOutcome = { ok: true; scheduled: ScheduledMap } | { ok: false; problems: (Problem | ScenarioProblem)[] };

const YEAR = /^\d{4}$/;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A plain `{ "2018": "120000000", … }` map, already in the terms' unit. Never throws for bad input. */
export function parseScheduled(json: unknown): ScheduledOutcome {
  if (!isRecord(json)) return { ok: false, problems: [problemAt(DOCUMENT, message('engine.amountsMapping'))] };
  const problems: Problem[] = [];
  const scheduled: ScheduledMap = {};
  for (const [key, raw] of Object.entries(json)) {
    const path = YEAR.test(key) ? key : JSON.stringify(key);
    if (!YEAR.test(key)) {
      problems.push(problemAt(path, message('engine.notAFourDigitYear')));
      continue;
    }
    const parsed = parseDecimalString(raw, 'engine.notANumber', '120000000');
    if (parsed.ok) scheduled[key] = parsed.text;
    else problems.push(problemAt(path, parsed.reason));
  }
  return problems.length ? { ok: false, problems } : { ok: true, scheduled };
}

/** The engine's payment for each year of the scenario within from..to of the terms, converted to the terms' unit. */
export function scheduledFromScenario(scenario: Scenario, terms: PaymentTerms): ScheduledOutcome {
  if (scenario.currency !== terms.currency) {
    return { ok: false, problems: [problemAt('currency', message('engine.currencyMismatch', { scenario: scenario.currency, terms: terms.currency }))] };
  }
  const factor = new TD(scenario.unit).div(terms.unit);
  const scheduled: ScheduledMap = {};
  for (const y of computeScenario(scenario).years) {
    if (y.year >= terms.from && y.year <= terms.to) scheduled[String(y.year)] = formatTermsDecimal(new TD(y.payment).times(factor));
  }
  return { ok: true, scheduled };
}

/** Raw text of either form; a document with `"format": "pes-scenario/1"` is computed as a scenario. */
export function parseScheduledText(text: string, terms: PaymentTerms): ScheduledOutcome {
  const json = readJson(text);
  if (!json.ok) return json;
  if (isRecord(json.json) && json.json.format === SCENARIO_FORMAT) {
    const scenario = parseScenario(json.json);
    return scenario.ok ? scheduledFromScenario(scenario.scenario, terms) : scenario;
  }
  return parseScheduled(json.json);
}
