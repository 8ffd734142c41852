import { DIRECT_GROUPS, GROUPS, OPPORTUNITY_GROUPS, groupOf, type Group } from './categories';
import { computeScenario, YEAR_FIELDS, type Result, type YearResult } from './compute';
import { formatDecimal, showDecimal, type Dec } from './decimal';
import type { CostItem, LabelledItem, Scenario } from './schema';
import { entryFor, formatRange } from './years';

/**
 * Where a number came from: the formula, the formula with this year's numbers
 * put in, and the inputs it used. `value` is always the engine's own
 * full-precision output (the same string as in pes-result/1); the numbers in
 * `substituted` are for reading and are shown to 15 significant digits.
 */

export const EXPLAIN_FIELDS = [...YEAR_FIELDS, 'backPayAnnuity'] as const;
export type ExplainField = (typeof EXPLAIN_FIELDS)[number];

export interface ExplainInput {
  name: string;
  value: string;
}

export interface Explanation {
  field: ExplainField;
  year: number;
  formula: string;
  substituted: string;
  value: string;
  inputs: ExplainInput[];
}

export type ExplainResult = ({ ok: true } & Explanation) | { ok: false; field: string; year: number; error: string };

const show = showDecimal;
const showOrNull = (v: Dec | null) => (v === null ? 'null' : formatDecimal(v));

function isField(field: string): field is ExplainField {
  return (EXPLAIN_FIELDS as readonly string[]).includes(field);
}

/** The line items of a list that give a value for `year`, as explain inputs. */
function itemInputs(list: string, items: readonly (CostItem | LabelledItem)[] | undefined, year: number, keep: (item: CostItem | LabelledItem) => boolean = () => true): ExplainInput[] {
  const out: ExplainInput[] = [];
  (items ?? []).forEach((item, i) => {
    if (!keep(item)) return;
    const entry = entryFor(item.values, year);
    if (!entry) return;
    const code = 'code' in item ? `${item.code} ` : '';
    out.push({ name: `${list}[${i}] ${code}"${item.label}" (${entry.key})`, value: formatDecimal(entry.value) });
  });
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

function groupSum(symbol: string, y: YearResult, groups: readonly Group[], part: 'cost' | 'subsidy', total: Dec) {
  return {
    formula: `${symbol}(t) = ${groups.map((g) => `${part === 'cost' ? 'C' : 'I'}_${g}(t)`).join(' + ')}`,
    substituted: `${symbol}(${y.year}) = ${signedSum(groups.map((g) => ({ sign: 1, value: y.byGroup[g][part] })))} = ${show(total)}`,
    groupInputs: groups.map((g) => ({ name: `${part === 'cost' ? 'C' : 'I'}_${g}(${y.year})`, value: formatDecimal(y.byGroup[g][part]) })),
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
    inputs.push({
      name: `α_${code}(${y.year}) (${c.alphaSource === 'override' ? 'alphaOverrides' : `alpha.${g}`})`,
      value: formatDecimal(c.alpha),
    });
  }
  const parts = [...terms.values()]
    .filter((t) => !t.cost.isZero() || !t.subsidy.isZero())
    .map((t) => (t.subsidy.isZero() ? `${show(t.cost)}·${show(t.alpha)}` : `(${show(t.cost)} − ${show(t.subsidy)})·${show(t.alpha)}`));
  for (const g of GROUPS) {
    inputs.push({ name: `C_${g}(${y.year})`, value: formatDecimal(y.byGroup[g].cost) });
    inputs.push({ name: `I_${g}(${y.year})`, value: formatDecimal(y.byGroup[g].subsidy) });
  }
  return {
    formula: 'E_E(t) = Σ_c ( C_c(t) − I_c(t) ) · α_c(t),  α_c = alphaOverrides[c] ?? alpha[group of c]  (eq. 7)',
    substituted: `E_E(${y.year}) = ${parts.length ? parts.join(' + ') : '0'} = ${show(y.internalEffect)}`,
    inputs: [...inputs, ...itemInputs('costs', s.costs, y.year), ...itemInputs('subsidies', s.subsidies, y.year)],
  };
}

function explainBackPay(r: Result, y: YearResult): Omit<Explanation, 'field' | 'year' | 'value'> {
  const b = r.backPay;
  const formula = 'back-pay annuity = [ i_s (1+i_s)^T0 / ((1+i_s)^T0 − 1) ] · Σ_{t=1..T} C_t (1+i_s)^(T−t+1)  (eq. 8; i_s = 0: Σ C_t / T0)';
  const scenarioInputs: ExplainInput[] = [
    { name: 'i_s (discountRate)', value: formatDecimal(b.rate) },
    { name: 'T (back-pay years)', value: String(b.T) },
    { name: 'T0 (catchUpYears)', value: String(b.T0) },
    { name: 'back-pay annuity', value: formatDecimal(b.annuity) },
  ];
  if (!b.backPayYears || !b.catchUpYears) {
    return { formula, substituted: `no back-pay: payments start in the first year (${r.paymentStartYear})`, inputs: scenarioInputs };
  }
  const inCatchUp = y.year >= b.catchUpYears.from && y.year <= b.catchUpYears.to;
  const lowerBounds = r.years.slice(0, b.T);
  const q = show(b.rate.plus(1));
  const sumText = lowerBounds.map((c, t) => `${show(c.lowerBound)}·${q}^${b.T - t}`).join(' + ');
  const factorText = b.rate.isZero() ? `1/${b.T0}` : `${show(b.rate)}·${q}^${b.T0} / (${q}^${b.T0} − 1)`;
  const whole = `[${factorText}] · (${sumText}) = ${show(b.annuityFactor)} · ${show(b.carriedForward)} = ${show(b.annuity)}`;
  const substituted = inCatchUp
    ? whole
    : `${y.year} is outside the catch-up years ${formatRange(b.catchUpYears)}, so its payment carries no annuity (0); the annuity itself: ${whole}`;
  return {
    formula,
    substituted,
    inputs: [...scenarioInputs, ...lowerBounds.map((c, t) => ({ name: `C_${t + 1} = A_PES(${c.year})`, value: formatDecimal(c.lowerBound) }))],
  };
}

export function explainResult(s: Scenario, r: Result, year: number, field: string): ExplainResult {
  if (!isField(field)) return { ok: false, field, year, error: `unknown field "${field}" (one of ${EXPLAIN_FIELDS.join(', ')})` };
  if (!Number.isInteger(year) || year < r.startYear || year > r.endYear) {
    return { ok: false, field, year, error: `year ${year} is outside the scenario's years ${r.startYear}..${r.endYear}` };
  }
  const y = r.years[year - r.startYear]!;
  const t = year;
  const lb = (name = `A_PES(${t})`) => ({ name, value: formatDecimal(y.lowerBound) });
  let e: Omit<Explanation, 'field' | 'year' | 'value'>;
  let value: string;
  switch (field) {
    case 'directCost': {
      const g = groupSum('C_D', y, DIRECT_GROUPS, 'cost', y.directCost);
      e = { formula: `${g.formula}  (eq. 2)`, substituted: g.substituted, inputs: [...g.groupInputs, ...itemInputs('costs', s.costs, t, inGroups(DIRECT_GROUPS))] };
      value = formatDecimal(y.directCost);
      break;
    }
    case 'opportunityCost': {
      const g = groupSum('C_O', y, OPPORTUNITY_GROUPS, 'cost', y.opportunityCost);
      e = { formula: g.formula, substituted: g.substituted, inputs: [...g.groupInputs, ...itemInputs('costs', s.costs, t, inGroups(OPPORTUNITY_GROUPS))] };
      value = formatDecimal(y.opportunityCost);
      break;
    }
    case 'subsidies': {
      const g = groupSum('I_N', y, GROUPS, 'subsidy', y.subsidies);
      e = { formula: g.formula, substituted: g.substituted, inputs: [...g.groupInputs, ...itemInputs('subsidies', s.subsidies, t)] };
      value = formatDecimal(y.subsidies);
      break;
    }
    case 'internalEffect':
      e = explainInternalEffect(s, y);
      value = formatDecimal(y.internalEffect);
      break;
    case 'lowerBound':
      e = {
        formula: 'A_PES(t) = C_D(t) + C_O(t) − I_N(t) − E_E(t)  (eq. 1)',
        substituted: `A_PES(${t}) = ${signedSum([
          { sign: 1, value: y.directCost },
          { sign: 1, value: y.opportunityCost },
          { sign: -1, value: y.subsidies },
          { sign: -1, value: y.internalEffect },
        ])} = ${show(y.lowerBound)}`,
        inputs: [
          { name: `C_D(${t})`, value: formatDecimal(y.directCost) },
          { name: `C_O(${t})`, value: formatDecimal(y.opportunityCost) },
          { name: `I_N(${t})`, value: formatDecimal(y.subsidies) },
          { name: `E_E(${t})`, value: formatDecimal(y.internalEffect) },
        ],
      };
      value = formatDecimal(y.lowerBound);
      break;
    case 'upperBound':
      e = {
        formula: 'U(t) = Σ benefits(t) − Σ downstreamCosts(t)  (null where no benefit is given)',
        substituted:
          y.benefits === null
            ? `U(${t}) = null: no benefit is given for ${t}`
            : `U(${t}) = ${show(y.benefits)} − ${show(y.downstreamCosts)} = ${show(y.upperBound!)}`,
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
      const formula = `payment(t) = 0 before paymentStartYear ${r.paymentStartYear}; A_PES(t) + annuity in the catch-up years${catchUp ? ` ${formatRange(catchUp)}` : ''}; A_PES(t) afterwards`;
      const substituted =
        t < r.paymentStartYear
          ? `payment(${t}) = 0 (before paymentStartYear ${r.paymentStartYear})`
          : y.backPay.isZero() && !(catchUp && t <= catchUp.to)
            ? `payment(${t}) = A_PES(${t}) = ${show(y.lowerBound)}`
            : `payment(${t}) = A_PES(${t}) + annuity = ${show(y.lowerBound)} + ${show(y.backPay)} = ${show(y.payment)}`;
      e = { formula, substituted, inputs: [lb(), { name: `annuity in ${t}`, value: formatDecimal(y.backPay) }, { name: 'paymentStartYear', value: String(r.paymentStartYear) }] };
      value = formatDecimal(y.payment);
      break;
    }
    case 'pricePerM3':
      e = {
        formula: 'price per m³(t) = payment(t) · unit / water volume(t)  (whole currency per m³; null without a volume)',
        substituted:
          y.waterVolume === null
            ? `price(${t}) = null: no water volume is given for ${t}`
            : `price(${t}) = ${show(y.payment)} · ${r.unit} / ${show(y.waterVolume)} = ${show(y.pricePerM3!)}`,
        inputs: [
          { name: `payment(${t})`, value: formatDecimal(y.payment) },
          { name: 'unit', value: String(r.unit) },
          { name: `waterVolume(${t}) m³`, value: showOrNull(y.waterVolume) },
        ],
      };
      value = showOrNull(y.pricePerM3);
      break;
    case 'suggestedPayment':
      e = {
        formula: 'S(t) = A_PES(t) + w · ( U(t) − A_PES(t) )  (generalised Nash split, w = bargainingWeight)',
        substituted:
          y.upperBound === null
            ? `S(${t}) = null: no upper bound (no benefit is given for ${t})`
            : `S(${t}) = ${show(y.lowerBound)} + ${show(r.bargainingWeight)}·(${show(y.upperBound)} − ${show(y.lowerBound)}) = ${show(y.suggestedPayment!)}`,
        inputs: [lb(), { name: `U(${t})`, value: showOrNull(y.upperBound) }, { name: 'w (bargainingWeight)', value: formatDecimal(r.bargainingWeight) }],
      };
      value = showOrNull(y.suggestedPayment);
      break;
    case 'feasible':
      e = {
        formula: 'feasible(t) = A_PES(t) ≤ U(t)  (null without an upper bound)',
        substituted:
          y.upperBound === null
            ? `feasible(${t}) = null: no upper bound (no benefit is given for ${t})`
            : `feasible(${t}) = ${show(y.lowerBound)} ≤ ${show(y.upperBound)} = ${String(y.feasible)}`,
        inputs: [lb(), { name: `U(${t})`, value: showOrNull(y.upperBound) }],
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
