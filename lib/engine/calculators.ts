import * as z from 'zod/mini';
import { D, ONE, ZERO, formatDecimal, showDecimal, type Dec } from './decimal';
import { issueText, message, problemAt, type CodedProblem, type Message } from './problem';
import { ZAmount, ZText, ZUnit, ZValuesMap, toCodedProblems, type ValuesMap } from './schema';
import { compressedEntries, toYearMap, yearKey } from './years';

/**
 * The calculators of pes-model.md §2: small models a user can run instead of
 * typing an amount. Each turns its stored inputs into yearly amounts, returned
 * both as Decimals and as a scenario `values` map, with one readable step per
 * year so a reader can see where each number came from. Inputs are in whole
 * currency (CNY/ha, CNY/person, …); `unit` divides the result so it can go
 * straight into a scenario with the same unit.
 */

export interface CalculatorStep {
  year: number;
  /** The formula with the year's numbers (notation and numbers; a catalogue code for the words). */
  substituted: Message;
  value: string;
}

export interface CalculatorResult<I> {
  calculator: string;
  formula: string;
  /** The validated inputs, kept with the result. */
  inputs: I;
  yearly: Record<number, Dec>;
  /** The yearly amounts as a scenario values map (equal consecutive years merged into ranges). */
  values: ValuesMap;
  steps: CalculatorStep[];
}

export type CalculatorOutcome<I> = { ok: true; result: CalculatorResult<I> } | { ok: false; problems: CodedProblem[] };

const label = ZText;
/** Results are divided by `unit` so they fit a scenario with the same unit (default 1). */
const unit = z._default(ZUnit, 1);

export const ZAreaTimesUnitCostInput = z.strictObject({
  unit,
  /** area (ha) · unit cost (currency/ha), per year. */
  lines: z.array(z.strictObject({ label, area: ZValuesMap, unitCost: ZValuesMap })),
  /** Fixed amounts (currency per year), e.g. management or monitoring cost. */
  fixedItems: z._default(z.array(z.strictObject({ label, values: ZValuesMap })), []),
});
export type AreaTimesUnitCostInput = z.input<typeof ZAreaTimesUnitCostInput>;

export const ZPeopleTimesCompensationInput = z.strictObject({
  unit,
  persons: ZValuesMap,
  compensationPerPerson: ZValuesMap,
});
export type PeopleTimesCompensationInput = z.input<typeof ZPeopleTimesCompensationInput>;

export const ZAgriculturalOpportunityCostInput = z.strictObject({
  unit,
  /** area_it (ha) of each parcel i converted to conservation use. */
  parcels: z.array(z.strictObject({ label, area: ZValuesMap })),
  /** net benefit_t (currency/ha) of farming lost per year. */
  netBenefitPerHa: ZValuesMap,
});
export type AgriculturalOpportunityCostInput = z.input<typeof ZAgriculturalOpportunityCostInput>;

export const ZIndustrialOpportunityCostInput = z.strictObject({
  unit,
  /** The year before protection began; GDP_0 is its value. Year n = baseYear + n. */
  baseYear: z.int({ error: issueText(message('engine.notAWholeYear')) }),
  /** GDP_0: per-capita secondary-industry GDP in baseYear. */
  gdp0: ZAmount,
  /** GDP_n: actual per-capita secondary-industry GDP. The years given here are the years computed. */
  gdpActual: ZValuesMap,
  /** N(n): population. */
  population: ZValuesMap,
  /** m(n): ratio of state revenue to GDP. */
  revenueRatio: ZValuesMap,
  /** a_t: the growth *factor* of year t (1 + rate), pes-model.md Choice. */
  growthFactor: ZValuesMap,
  /** a, a′, b, b′ of eq. 5 (annual growth rates). */
  sourceGrowthBefore: ZAmount,
  sourceGrowthAfter: ZAmount,
  referenceGrowthBefore: ZAmount,
  referenceGrowthAfter: ZAmount,
  /** Report a negative loss as 0 (off by default: a negative loss is reported). */
  floorAtZero: z._default(z.boolean(), false),
});
export type IndustrialOpportunityCostInput = z.input<typeof ZIndustrialOpportunityCostInput>;

type Parsed<S extends z.ZodMiniType> = z.output<S>;

function validate<S extends z.ZodMiniType>(schema: S, input: unknown): { ok: true; data: Parsed<S> } | { ok: false; problems: CodedProblem[] } {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, problems: toCodedProblems(r.error.issues) };
}

interface Step {
  year: number;
  value: Dec;
  substituted: string;
  /** A negative loss reported as 0 (floorAtZero). */
  floored?: boolean;
}

function finish<I>(calculator: string, formula: string, inputs: I, unitCount: number, steps: Step[]): CalculatorResult<I> {
  const yearly: Record<number, Dec> = {};
  const out: CalculatorStep[] = [];
  for (const s of steps.sort((a, b) => a.year - b.year)) {
    const value = unitCount === 1 ? s.value : s.value.div(unitCount);
    yearly[s.year] = value;
    const math = unitCount === 1 ? s.substituted : `(${s.substituted}) / ${unitCount} = ${showDecimal(value)}`;
    out.push({ year: s.year, value: formatDecimal(value), substituted: message(s.floored ? 'engine.trace.flooredAtZero' : 'engine.trace.math', { math }) });
  }
  const values: ValuesMap = {};
  for (const run of compressedEntries(Object.entries(yearly).map(([y, v]) => [Number(y), v] as const))) values[yearKey(run.range)] = formatDecimal(run.value);
  return { calculator, formula, inputs, yearly, values, steps: out };
}

interface ProductTerm {
  factors: [Map<number, Dec>, Map<number, Dec>];
}

/** Σ_i a_i(t)·b_i(t) + Σ_j fixed_j(t) for every year any series gives. A missing factor counts as 0. */
function sumOfProducts(products: ProductTerm[], fixed: Map<number, Dec>[]): Step[] {
  const years = new Set<number>();
  for (const p of products) for (const m of p.factors) for (const y of m.keys()) years.add(y);
  for (const m of fixed) for (const y of m.keys()) years.add(y);
  return [...years].map((year) => {
    let value = ZERO;
    const parts: string[] = [];
    for (const { factors } of products) {
      const a = factors[0].get(year) ?? ZERO;
      const b = factors[1].get(year) ?? ZERO;
      value = value.plus(a.times(b));
      parts.push(`${showDecimal(a)}·${showDecimal(b)}`);
    }
    for (const m of fixed) {
      const v = m.get(year) ?? ZERO;
      value = value.plus(v);
      parts.push(showDecimal(v));
    }
    return { year, value, substituted: `${parts.join(' + ') || '0'} = ${showDecimal(value)}` };
  });
}

/** Σ area(ha) · unit cost(currency/ha) + Σ fixed items (C_f, C_s, C_sa, C_AO). */
export function areaTimesUnitCost(input: unknown): CalculatorOutcome<Parsed<typeof ZAreaTimesUnitCostInput>> {
  const v = validate(ZAreaTimesUnitCostInput, input);
  if (!v.ok) return v;
  const d = v.data;
  const steps = sumOfProducts(
    d.lines.map((l) => ({ factors: [toYearMap(l.area), toYearMap(l.unitCost)] })),
    d.fixedItems.map((f) => toYearMap(f.values)),
  );
  return { ok: true, result: finish('areaTimesUnitCost', 'Σ area(ha) · unit cost(currency/ha) + Σ fixed items', d, d.unit, steps) };
}

/** persons · compensation per person (C_m). */
export function peopleTimesCompensation(input: unknown): CalculatorOutcome<Parsed<typeof ZPeopleTimesCompensationInput>> {
  const v = validate(ZPeopleTimesCompensationInput, input);
  if (!v.ok) return v;
  const d = v.data;
  const steps = sumOfProducts([{ factors: [toYearMap(d.persons), toYearMap(d.compensationPerPerson)] }], []);
  return { ok: true, result: finish('peopleTimesCompensation', 'persons · compensation per person', d, d.unit, steps) };
}

/** Paper eq. 6: C_AO(t) = Σ_i area_it · net benefit_t. */
export function agriculturalOpportunityCost(input: unknown): CalculatorOutcome<Parsed<typeof ZAgriculturalOpportunityCostInput>> {
  const v = validate(ZAgriculturalOpportunityCostInput, input);
  if (!v.ok) return v;
  const d = v.data;
  const netBenefit = toYearMap(d.netBenefitPerHa);
  const steps = sumOfProducts(
    d.parcels.map((p) => ({ factors: [toYearMap(p.area), netBenefit] })),
    [],
  );
  return { ok: true, result: finish('agriculturalOpportunityCost', 'C_AO(t) = Σ_i area_it · net benefit_t  (eq. 6)', d, d.unit, steps) };
}

/**
 * Paper eqs. 3–5 for each year given in gdpActual:
 *   C_IO(n) = GDPloss(n) · N(n) · m(n),  GDPloss(n) = GDP_0 · Π_{t=1..n} (a_t + i) − GDP_n,  i = |(a′ − b′) − (a − b)|.
 */
export function industrialOpportunityCost(input: unknown): CalculatorOutcome<Parsed<typeof ZIndustrialOpportunityCostInput>> {
  const v = validate(ZIndustrialOpportunityCostInput, input);
  if (!v.ok) return v;
  const d = v.data;
  const a = new D(d.sourceGrowthBefore);
  const a2 = new D(d.sourceGrowthAfter);
  const b = new D(d.referenceGrowthBefore);
  const b2 = new D(d.referenceGrowthAfter);
  const i = a2.minus(b2).minus(a.minus(b)).abs();
  const gdp0 = new D(d.gdp0);
  const gdpActual = toYearMap(d.gdpActual);
  const population = toYearMap(d.population);
  const revenueRatio = toYearMap(d.revenueRatio);
  const growth = toYearMap(d.growthFactor);

  const problems: CodedProblem[] = [];
  const years = [...gdpActual.keys()].sort((x, y) => x - y);
  for (const y of years) {
    if (y <= d.baseYear) problems.push(problemAt(`gdpActual["${y}"]`, message('engine.notAfterBaseYear', { year: y, base: d.baseYear })));
    if (!population.has(y)) problems.push(problemAt('population', message('engine.noValueFor', { year: y })));
    if (!revenueRatio.has(y)) problems.push(problemAt('revenueRatio', message('engine.noValueFor', { year: y })));
  }
  const lastYear = years[years.length - 1] ?? d.baseYear;
  for (let t = d.baseYear + 1; t <= lastYear; t++) {
    if (!growth.has(t)) problems.push(problemAt('growthFactor', message('engine.noValueForGrowth', { year: t, from: d.baseYear + 1 })));
  }
  if (problems.length) return { ok: false, problems };

  // The cumulative product is built once along the years, not once per year.
  const steps: Step[] = [];
  let product = ONE;
  let t = d.baseYear;
  for (const y of years) {
    for (; t < y;) {
      t++;
      product = product.times((growth.get(t) as Dec).plus(i));
    }
    const gdpN = gdpActual.get(y) as Dec;
    const loss = gdp0.times(product).minus(gdpN);
    const raw = loss.times(population.get(y) as Dec).times(revenueRatio.get(y) as Dec);
    const floored = d.floorAtZero && raw.isNeg();
    const value = floored ? ZERO : raw;
    const n = y - d.baseYear;
    steps.push({
      year: y,
      value,
      substituted:
        `i = |(${showDecimal(a2)} − ${showDecimal(b2)}) − (${showDecimal(a)} − ${showDecimal(b)})| = ${showDecimal(i)}; ` +
        `GDPloss(${n}) = ${showDecimal(gdp0)}·Π_{t=${d.baseYear + 1}..${y}}(a_t + ${showDecimal(i)}) − ${showDecimal(gdpN)} = ${showDecimal(gdp0)}·${showDecimal(product)} − ${showDecimal(gdpN)} = ${showDecimal(loss)}; ` +
        `C_IO(${n}) = ${showDecimal(loss)}·${showDecimal(population.get(y) as Dec)}·${showDecimal(revenueRatio.get(y) as Dec)} = ${showDecimal(raw)}`,
      floored,
    });
  }
  return {
    ok: true,
    result: finish('industrialOpportunityCost', 'C_IO(n) = [GDP_0 · Π_{t=1..n}(a_t + i) − GDP_n] · N(n) · m(n),  i = |(a′ − b′) − (a − b)|  (eqs. 3–5)', d, d.unit, steps),
  };
}

// ------------------------------------------------- upper-bound calculators (pes-model.md §4)

/** price (currency/m³) · volume (m³), per year: willingness to pay or the next-best supply's price. */
export const ZPriceTimesVolumeInput = z.strictObject({ unit, pricePerM3: ZValuesMap, volume: ZValuesMap });
export type PriceTimesVolumeInput = z.input<typeof ZPriceTimesVolumeInput>;

/** avoided cost (currency/m³) · volume (m³), per year: e.g. the treatment a cleaner inflow saves. */
export const ZAvoidedCostTimesVolumeInput = z.strictObject({ unit, avoidedCostPerM3: ZValuesMap, volume: ZValuesMap });
export type AvoidedCostTimesVolumeInput = z.input<typeof ZAvoidedCostTimesVolumeInput>;

/**
 * What a per-m³ calculator computed, for the item's source note: each run of years with the same
 * rate and volume as `years: rate × volume`, so the note names the inputs, not only the result.
 */
function perM3Runs(rate: Map<number, Dec>, volume: Map<number, Dec>): string {
  const years = [...new Set([...rate.keys(), ...volume.keys()])].sort((a, b) => a - b);
  const runs: { from: number; to: number; rate: Dec; volume: Dec }[] = [];
  for (const year of years) {
    const r = rate.get(year) ?? ZERO;
    const v = volume.get(year) ?? ZERO;
    const last = runs[runs.length - 1];
    if (last && last.to === year - 1 && last.rate.eq(r) && last.volume.eq(v)) last.to = year;
    else runs.push({ from: year, to: year, rate: r, volume: v });
  }
  return runs.map((run) => `${yearKey(run)}: ${showDecimal(run.rate)} × ${showDecimal(run.volume)}`).join('; ');
}

/** A per-m³ result with the note its source note takes over. */
export interface PerM3Result<I> extends CalculatorResult<I> {
  /** "Computed as price per m³ × volume (m³): 2014-2030: 0.9 × 9500000000; …" as a catalogue code. */
  note: Message;
}

export type PerM3Outcome<I> = { ok: true; result: PerM3Result<I> } | { ok: false; problems: CodedProblem[] };

function perM3<I extends { unit: number }>(calculator: string, formula: string, noteCode: string, inputs: I, rateValues: ValuesMap, volumeValues: ValuesMap): PerM3Result<I> {
  const rate = toYearMap(rateValues);
  const volume = toYearMap(volumeValues);
  const steps = sumOfProducts([{ factors: [rate, volume] }], []);
  const result = finish(calculator, formula, inputs, inputs.unit, steps);
  return { ...result, note: message(noteCode, { runs: perM3Runs(rate, volume), unit: inputs.unit }) };
}

/** price per m³ · volume (m³): willingness to pay, or the cost of the next-best supply (pes-model.md §4). */
export function priceTimesVolume(input: unknown): PerM3Outcome<Parsed<typeof ZPriceTimesVolumeInput>> {
  const v = validate(ZPriceTimesVolumeInput, input);
  if (!v.ok) return v;
  const d = v.data;
  return { ok: true, result: perM3('priceTimesVolume', 'price(currency/m³) · volume(m³)', 'engine.calc.priceTimesVolumeNote', d, d.pricePerM3, d.volume) };
}

/** avoided cost per m³ · volume (m³): avoided treatment cost (pes-model.md §4). */
export function avoidedCostTimesVolume(input: unknown): PerM3Outcome<Parsed<typeof ZAvoidedCostTimesVolumeInput>> {
  const v = validate(ZAvoidedCostTimesVolumeInput, input);
  if (!v.ok) return v;
  const d = v.data;
  return { ok: true, result: perM3('avoidedCostTimesVolume', 'avoided cost(currency/m³) · volume(m³)', 'engine.calc.avoidedCostTimesVolumeNote', d, d.avoidedCostPerM3, d.volume) };
}
