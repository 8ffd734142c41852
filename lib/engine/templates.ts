import { CATEGORIES, type Category } from './categories';
import { SCENARIO_FORMAT, type ScenarioInput } from './schema';

/**
 * The documents a scenario can start from without a file (decision 0041): blank, or the paper's
 * Table 2 (every cost category of pes-model.md §2 as a line of its own). Both carry the deal's
 * settings and nothing a user did not type: no amount, no α, no payment start, no rate. What the
 * template leaves open stays absent from the document (the format's "not given"), so the first
 * version computes to zero and the editor shows those fields empty for the user to fill in.
 */
export const SCENARIO_TEMPLATES = ['blank', 'paper-table-2'] as const;
export type ScenarioTemplate = (typeof SCENARIO_TEMPLATES)[number];

export function isScenarioTemplate(value: unknown): value is ScenarioTemplate {
  return typeof value === 'string' && (SCENARIO_TEMPLATES as readonly string[]).includes(value);
}

/** The settings a deal gives every scenario started on it. */
export interface TemplateSettings {
  name: string;
  currency: string;
  unit: number;
  priceBase: string;
  startYear: number;
  endYear: number;
  periods: readonly { label: string; from: number; to: number }[];
}

/** The assumptions of pes-model.md §3 a template leaves for the user, in the order a reader fills them. */
export const TEMPLATE_OPEN_FIELDS = {
  blank: [],
  'paper-table-2': ['paymentStartYear', 'catchUpYears', 'discountRate'],
} as const satisfies Record<ScenarioTemplate, readonly string[]>;

/** The document of `template` for a deal; `labels` name each category in the reader's language. */
export function scenarioFromTemplate(template: ScenarioTemplate, settings: TemplateSettings, labels: Readonly<Record<Category, string>>): ScenarioInput {
  const { name, currency, unit, priceBase, startYear, endYear, periods } = settings;
  return {
    format: SCENARIO_FORMAT,
    name,
    currency,
    unit,
    priceBase,
    startYear,
    endYear,
    ...(periods.length > 0 ? { periods: periods.map(({ label, from, to }) => ({ label, from, to })) } : {}),
    costs: template === 'paper-table-2' ? CATEGORIES.map((code) => ({ code, label: labels[code], values: {} })) : [],
    alpha: {},
  };
}
