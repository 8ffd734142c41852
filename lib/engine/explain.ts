import { DIRECT_GROUPS, GROUPS, OPPORTUNITY_GROUPS, groupOf, type Group } from './categories';
import { computeScenario, YEAR_FIELDS, type Result, type YearResult } from './compute';
import { formatDecimal, showDecimal, type Dec } from './decimal';
import { message, type Message } from './problem';
import type { CostItem, LabelledItem, Scenario } from './schema';
import { entryFor, formatRange } from './years';

/**
 * Where a number came from: the formula, the formula with this year's numbers
 * put in, and the inputs it used. `value` is always the engine's own
 * full-precision output (the same string as in pes-result/1); the numbers in
 * `substituted` are for reading and are shown to 15 significant digits.
 * Every word is a catalogue code (engine.trace.*) with the paper's notation
 * (A_PES, C_f, α, i_s) kept as written, so a reader gets it in their language.
 */

export const EXPLAIN_FIELDS = [...YEAR_FIELDS, 'backPayAnnuity'] as const;
export type ExplainField = (typeof EXPLAIN_FIELDS)[number];

/** What an input's value is, so a page can show an amount in its own unit. */
export type ExplainInputKind = 'amount' | 'share' | 'rate' | 'count' | 'year' | 'volume';

export interface ExplainInput {
  /** The paper's notation for the input ("i_s", "C_ED(2011)", "α_C_f(2011)"), shown beside its label. */
  notation: string;
  /** What the input is, as a catalogue code. */
  label: Message;
  value: string;
  /** amount: in the scenario's unit; share, rate: fractions; count, year: whole numbers; volume: m³. */
  kind: ExplainInputKind;
}

export interface Explanation {
  field: ExplainField;
  year: number;
  formula: Message;
  substituted: Message;
  value: string;
  inputs: ExplainInput[];
}

export type ExplainResult = ({ ok: true } & Explanation) | { ok: false; field: string; year: number; error: Message };

/** Formula text that is only notation and numbers, the same in every language. */
const math = (text: string): Message => message('engine.trace.math', { math: text });
const withEquation = (formula: string, eq: string): Message => message('engine.trace.withEquation', { formula, eq });
const input = (notation: string, label: Message, value: string, kind: ExplainInputKind): ExplainInput => ({ notation, label, value, kind });

const show = showDecimal;
const showOrNull = (v: Dec | null) => (v === null ? 'null' : formatDecimal(v));

function isField(field: string): field is ExplainField {
  return (EXPLAIN_FIELDS as readonly string[]).includes(field);
}

/** The line items of a list that give a value for `year`, as explain inputs. */
function itemInputs(
  list: 'costs' | 'subsidies' | 'benefits' | 'downstreamCosts',
  items: readonly (CostItem | LabelledItem)[] | undefined,
  year: number,
  keep: (item: CostItem | LabelledItem) => boolean = () => true,
): ExplainInput[] {
  const out: ExplainInput[] = [];
  for (const item of items ?? []) {
    if (!keep(item)) continue;
    const entry = entryFor(item.values, year);
    if (!entry) continue;
    const label = message('engine.trace.item', { list: message(`engine.trace.list.${list}`), label: item.label, years: formatRange(entry) });
    out.push(input('code' in item ? item.code : '', label, formatDecimal(entry.value), 'amount'));
  }
  return out;
}

const inGroups = (groups: readonly Group[]) => (item: CostItem | LabelledItem) => 'code' in item && groups.includes(groupOf(item.code));

/** "a + b − c" with the sign of each term folded into the operator. */
function signedSum(terms: readonly { sign: 1 | -1; value: Dec }[]): string {
  return terms
    .map((t, i) => {
      const neg = t.value.isNeg() !== (t.sign === -1);
      const abs = show(t.value.abs());
      if (i === 0) return neg ? `−${abs}` : abs;
      return `${neg ? '−' : '+'} ${abs}`;
    })
    .join(' ');
}

const groupInput = (part: 'cost' | 'subsidy', g: Group, y: YearResult) =>
  input(
    `${part === 'cost' ? 'C' : 'I'}_${g}(${y.year})`,
    message(part === 'cost' ? 'engine.trace.groupCost' : 'engine.trace.groupSubsidy', { group: message(`group.${g}`) }),
    formatDecimal(y.byGroup[g][part]),
    'amount',
  );

function groupSum(symbol: string, y: YearResult, groups: readonly Group[], part: 'cost' | 'subsidy', total: Dec) {
  return {
    formula: `${symbol}(t) = ${groups.map((g) => `${part === 'cost' ? 'C' : 'I'}_${g}(t)`).join(' + ')}`,
    substituted: math(`${symbol}(${y.year}) = ${signedSum(groups.map((g) => ({ sign: 1, value: y.byGroup[g][part] })))} = ${show(total)}`),
    groupInputs: groups.map((g) => groupInput(part, g, y)),
  };
}

function explainInternalEffect(s: Scenario, y: YearResult): Omit<Explanation, 'field' | 'year' | 'value'> {
  // Terms of one group that share an α are merged, so the common case reads
  // like the paper: (C_ED − I_ED)·α_ED; an override splits its category out.
  const terms = new Map<string, { cost: Dec; subsidy: Dec; alpha: Dec; label: string }>();
  const inputs: ExplainInput[] = [];
  for (const [code, c] of Object.entries(y.byCategory)) {
    if (!c) continue;
    const g = groupOf(code as keyof typeof y.byCategory);
    const key = `${g}|${c.alphaSource === 'override' ? code : ''}|${c.alpha.toString()}`;
    const t = terms.get(key);
    if (t) {
      t.cost = t.cost.plus(c.cost);
      t.subsidy = t.subsidy.plus(c.subsidy);
    } else terms.set(key, { cost: c.cost, subsidy: c.subsidy, alpha: c.alpha, label: c.alphaSource === 'override' ? code : g });
    const source = c.alphaSource === 'override' ? message('engine.trace.alphaOverride') : message('engine.trace.alphaGroup', { group: message(`group.${g}`) });
    inputs.push(input(`α_${code}(${y.year})`, source, formatDecimal(c.alpha), 'share'));
  }
  const parts = [...terms.values()]
    .filter((t) => !t.cost.isZero() || !t.subsidy.isZero())
    .map((t) => (t.subsidy.isZero() ? `${show(t.cost)}·${show(t.alpha)}` : `(${show(t.cost)} − ${show(t.subsidy)})·${show(t.alpha)}`));
  for (const g of GROUPS) inputs.push(groupInput('cost', g, y), groupInput('subsidy', g, y));
  return {
    formula: message('engine.trace.internalEffect'),
    substituted: math(`E_E(${y.year}) = ${parts.length ? parts.join(' + ') : '0'} = ${show(y.internalEffect)}`),
    inputs: [...inputs, ...itemInputs('costs', s.costs, y.year), ...itemInputs('subsidies', s.subsidies, y.year)],
  };
}

function explainBackPay(r: Result, y: YearResult): Omit<Explanation, 'field' | 'year' | 'value'> {
  const b = r.backPay;
  const formula = message('engine.trace.backPay');
  const scenarioInputs: ExplainInput[] = [
    input('i_s', message('engine.trace.discountRate'), formatDecimal(b.rate), 'rate'),
    input('T', message('engine.trace.backPayYears'), String(b.T), 'count'),
    input('T0', message('engine.trace.catchUpYears'), String(b.T0), 'count'),
    input('', message('engine.trace.annuity'), formatDecimal(b.annuity), 'amount'),
  ];
  if (!b.backPayYears || !b.catchUpYears) {
    return { formula, substituted: message('engine.trace.noBackPay', { start: r.paymentStartYear }), inputs: scenarioInputs };
  }
  const inCatchUp = y.year >= b.catchUpYears.from && y.year <= b.catchUpYears.to;
  const lowerBounds = r.years.slice(0, b.T);
  const q = show(b.rate.plus(1));
  const sumText = lowerBounds.map((c, t) => `${show(c.lowerBound)}·${q}^${b.T - t}`).join(' + ');
  const factorText = b.rate.isZero() ? `1/${b.T0}` : `${show(b.rate)}·${q}^${b.T0} / (${q}^${b.T0} − 1)`;
  const whole = `[${factorText}] · (${sumText}) = ${show(b.annuityFactor)} · ${show(b.carriedForward)} = ${show(b.annuity)}`;
  const substituted = inCatchUp ? math(whole) : message('engine.trace.outsideCatchUp', { year: y.year, years: formatRange(b.catchUpYears), whole });
  return {
    formula,
    substituted,
    inputs: [...scenarioInputs, ...lowerBounds.map((c, t) => input(`C_${t + 1} = A_PES(${c.year})`, message('engine.trace.lowerBoundOf', { year: c.year }), formatDecimal(c.lowerBound), 'amount'))],
  };
}

export function explainResult(s: Scenario, r: Result, year: number, field: string): ExplainResult {
  if (!isField(field)) return { ok: false, field, year, error: message('engine.trace.unknownField', { field, fields: [...EXPLAIN_FIELDS] }) };
  if (!Number.isInteger(year) || year < r.startYear || year > r.endYear) {
    return { ok: false, field, year, error: message('engine.trace.yearOutside', { year, first: r.startYear, last: r.endYear }) };
  }
  const y = r.years[year - r.startYear]!;
  const t = year;
  const lb = () => input(`A_PES(${t})`, message('engine.trace.lowerBound'), formatDecimal(y.lowerBound), 'amount');
  const ub = () => input(`U(${t})`, message('engine.trace.upperBound'), showOrNull(y.upperBound), 'amount');
  const noUpper = (symbol: string | Message) => message('engine.trace.noUpperBound', { symbol, year: t });
  let e: Omit<Explanation, 'field' | 'year' | 'value'>;
  let value: string;
  switch (field) {
    case 'directCost': {
      const g = groupSum('C_D', y, DIRECT_GROUPS, 'cost', y.directCost);
      e = { formula: withEquation(g.formula, '2'), substituted: g.substituted, inputs: [...g.groupInputs, ...itemInputs('costs', s.costs, t, inGroups(DIRECT_GROUPS))] };
      value = formatDecimal(y.directCost);
      break;
    }
    case 'opportunityCost': {
      const g = groupSum('C_O', y, OPPORTUNITY_GROUPS, 'cost', y.opportunityCost);
      e = { formula: math(g.formula), substituted: g.substituted, inputs: [...g.groupInputs, ...itemInputs('costs', s.costs, t, inGroups(OPPORTUNITY_GROUPS))] };
      value = formatDecimal(y.opportunityCost);
      break;
    }
    case 'subsidies': {
      const g = groupSum('I_N', y, GROUPS, 'subsidy', y.subsidies);
      e = { formula: math(g.formula), substituted: g.substituted, inputs: [...g.groupInputs, ...itemInputs('subsidies', s.subsidies, t)] };
      value = formatDecimal(y.subsidies);
      break;
    }
    case 'internalEffect':
      e = explainInternalEffect(s, y);
      value = formatDecimal(y.internalEffect);
      break;
    case 'lowerBound':
      e = {
        formula: withEquation('A_PES(t) = C_D(t) + C_O(t) − I_N(t) − E_E(t)', '1'),
        substituted: math(
          `A_PES(${t}) = ${signedSum([
            { sign: 1, value: y.directCost },
            { sign: 1, value: y.opportunityCost },
            { sign: -1, value: y.subsidies },
            { sign: -1, value: y.internalEffect },
          ])} = ${show(y.lowerBound)}`,
        ),
        inputs: [
          input(`C_D(${t})`, message('engine.trace.directCost'), formatDecimal(y.directCost), 'amount'),
          input(`C_O(${t})`, message('engine.trace.opportunityCost'), formatDecimal(y.opportunityCost), 'amount'),
          input(`I_N(${t})`, message('engine.trace.subsidies'), formatDecimal(y.subsidies), 'amount'),
          input(`E_E(${t})`, message('engine.trace.internalEffectOf'), formatDecimal(y.internalEffect), 'amount'),
        ],
      };
      value = formatDecimal(y.lowerBound);
      break;
    case 'upperBound':
      e = {
        formula: message('engine.trace.upperBoundFormula'),
        substituted: y.benefits === null ? message('engine.trace.noBenefit', { year: t }) : math(`U(${t}) = ${show(y.benefits)} − ${show(y.downstreamCosts)} = ${show(y.upperBound!)}`),
        inputs: [...itemInputs('benefits', s.benefits, t), ...itemInputs('downstreamCosts', s.downstreamCosts, t)],
      };
      value = showOrNull(y.upperBound);
      break;
    case 'backPayAnnuity':
      e = explainBackPay(r, y);
      value = formatDecimal(y.backPay);
      break;
    case 'payment': {
      const catchUp = r.backPay.catchUpYears;
      const formula = catchUp
        ? message('engine.trace.paymentFormula', { start: r.paymentStartYear, years: formatRange(catchUp) })
        : message('engine.trace.paymentFormulaNoCatchUp', { start: r.paymentStartYear });
      const substituted =
        t < r.paymentStartYear
          ? message('engine.trace.paymentBefore', { year: t, start: r.paymentStartYear })
          : y.backPay.isZero() && !(catchUp && t <= catchUp.to)
            ? message('engine.trace.paymentIsLower', { year: t, lower: show(y.lowerBound) })
            : message('engine.trace.paymentWithAnnuity', { year: t, lower: show(y.lowerBound), annuity: show(y.backPay), payment: show(y.payment) });
      e = {
        formula,
        substituted,
        inputs: [
          lb(),
          input('', message('engine.trace.annuityIn', { year: t }), formatDecimal(y.backPay), 'amount'),
          input('', message('engine.trace.paymentStartYear'), String(r.paymentStartYear), 'year'),
        ],
      };
      value = formatDecimal(y.payment);
      break;
    }
    case 'pricePerM3':
      e = {
        formula: message('engine.trace.priceFormula'),
        substituted:
          y.waterVolume === null
            ? message('engine.trace.noVolume', { year: t })
            : message('engine.trace.priceIs', { year: t, math: `${show(y.payment)} · ${r.unit} / ${show(y.waterVolume)} = ${show(y.pricePerM3!)}` }),
        inputs: [
          input('', message('engine.trace.paymentIn', { year: t }), formatDecimal(y.payment), 'amount'),
          input('', message('engine.trace.unit'), String(r.unit), 'count'),
          input('', message('engine.trace.waterVolumeIn', { year: t }), showOrNull(y.waterVolume), 'volume'),
        ],
      };
      value = showOrNull(y.pricePerM3);
      break;
    case 'suggestedPayment':
      e = {
        formula: message('engine.trace.nashFormula'),
        substituted:
          y.upperBound === null ? noUpper('S') : math(`S(${t}) = ${show(y.lowerBound)} + ${show(r.bargainingWeight)}·(${show(y.upperBound)} − ${show(y.lowerBound)}) = ${show(y.suggestedPayment!)}`),
        inputs: [lb(), ub(), input('w', message('engine.trace.bargainingWeight'), formatDecimal(r.bargainingWeight), 'share')],
      };
      value = showOrNull(y.suggestedPayment);
      break;
    case 'feasible':
      e = {
        formula: message('engine.trace.feasibleFormula'),
        substituted:
          y.upperBound === null
            ? noUpper(message('engine.trace.feasible'))
            : message('engine.trace.feasibleIs', { year: t, lower: show(y.lowerBound), upper: show(y.upperBound), answer: message(y.feasible ? 'engine.trace.yes' : 'engine.trace.no') }),
        inputs: [lb(), ub()],
      };
      value = String(y.feasible);
      break;
  }
  return { ok: true, field, year, value, ...e };
}

/** Explains one output number of one year. Never throws for an unknown field or year. */
export function explain(s: Scenario, year: number, field: string): ExplainResult {
  return explainResult(s, computeScenario(s), year, field);
}
