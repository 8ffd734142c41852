import type { PaymentTerms } from './schema';
import type { Monitoring } from './settle';
import type { ScheduledMap } from './scheduled';
import { TD } from './decimal';

/**
 * Ready-made `payment-terms/1` documents for the shapes real watershed
 * agreements take (pes-model.md §5, payment-terms-format.md). Numbers are
 * illustrative: a starting point the parties edit, not a recommendation.
 * Each carries sample data so the UI can back-test it before anyone edits it
 * (and so the tests can prove every template settles).
 */

export type TemplateId = 'fixed-schedule' | 'price-per-m3' | 'two-way-quality-index' | 'score-based' | 'stepped-class';
export type Locale = 'zh' | 'en';

export interface TermsTemplate {
  id: TemplateId;
  name: Record<Locale, string>;
  summary: Record<Locale, string>;
  terms: PaymentTerms;
  sample: { monitoring: Monitoring; scheduled?: ScheduledMap };
  /** Constants that are sums of money in whole currency: counted in the terms' unit when it changes. */
  money?: readonly string[];
  /** A constant that holds the currency per unit (a formula computing in whole currency divides by it). */
  unitConstant?: string;
  /** A constant that holds the first year of the terms. */
  yearConstant?: string;
}

/** What terms take from where they are used (a deal, an offer's schedule) unless the user changes it. */
export interface TermsDefaults {
  from: number;
  to: number;
  unit: number;
  currency: string;
}

const base = { format: 'payment-terms/1', currency: 'CNY', unit: 1 } as const;

const fixedSchedule: TermsTemplate = {
  id: 'fixed-schedule',
  name: { zh: '固定支付计划', en: 'Fixed payment schedule' },
  summary: {
    zh: '每年支付情景测算的计划金额，与监测结果无关；也可在公式中把计划金额换成一个固定常数。',
    en: 'Pays the scenario’s scheduled amount each year, whatever is measured; replace "scheduled" by a constant for a flat sum.',
  },
  terms: {
    ...base,
    name: 'Fixed payment schedule',
    from: 2021,
    to: 2025,
    constants: {},
    indicators: {},
    formulas: [{ name: 'payment', expr: 'scheduled' }],
  },
  sample: {
    monitoring: {},
    scheduled: { '2021': '120000000', '2022': '125000000', '2023': '130000000' },
  },
};

const pricePerM3: TermsTemplate = {
  id: 'price-per-m3',
  name: { zh: '按供水量计价', en: 'Price per m³ of water delivered' },
  summary: {
    zh: '按实测供水量乘以单价支付，单价自基准年起每年按约定比例上调，结果四舍五入到分。',
    en: 'Pays the measured volume times a price per m³ that rises by an agreed rate each year from the base year, rounded to the cent.',
  },
  terms: {
    ...base,
    name: 'Price per m³ of water delivered',
    from: 2021,
    to: 2025,
    constants: { base_price: '0.16', escalation: '0.03', base_year: '2021', currency_per_unit: '1' },
    indicators: { volume: 'm³' },
    formulas: [
      { name: 'price', expr: 'base_price * (1 + escalation) ^ (year - base_year)' },
      { name: 'payment', expr: 'round(price * volume / currency_per_unit, 2)' },
    ],
  },
  sample: { monitoring: { '2021': { volume: '950000000' }, '2022': { volume: '1020000000' } } },
  unitConstant: 'currency_per_unit',
  yearConstant: 'base_year',
};

const twoWay: TermsTemplate = {
  id: 'two-way-quality-index',
  name: { zh: '水质指数双向补偿', en: 'Two-way water-quality index rule' },
  summary: {
    zh: '按四项指标相对基准浓度加权得出水质指数 P；P ≤ 1 下游向上游支付，否则上游向下游支付同等金额。',
    en: 'A weighted index P of four indicators against their base concentrations; P ≤ 1 and downstream pays upstream, otherwise upstream pays downstream the same sum.',
  },
  terms: {
    ...base,
    name: 'Two-way water-quality rule, 2018–2020',
    from: 2018,
    to: 2020,
    constants: {
      k: '0.9',
      amount: '200000000',
      w_codmn: '0.25',
      w_nh3n: '0.25',
      w_tn: '0.25',
      w_tp: '0.25',
      c0_codmn: '2.6',
      c0_nh3n: '0.12',
      c0_tn: '1.2',
      c0_tp: '0.03',
    },
    indicators: { codmn: 'mg/L', nh3n: 'mg/L', tn: 'mg/L', tp: 'mg/L' },
    formulas: [
      { name: 'P', expr: 'k * (w_codmn*codmn/c0_codmn + w_nh3n*nh3n/c0_nh3n + w_tn*tn/c0_tn + w_tp*tp/c0_tp)' },
      { name: 'payment', expr: 'P <= 1 ? amount : -amount' },
    ],
  },
  sample: {
    monitoring: {
      '2018': { codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' },
      '2019': { codmn: '2.80', nh3n: '0.15', tn: '1.40', tp: '0.035' },
    },
  },
  money: ['amount'],
};

/** Lower is better for a concentration, higher for a volume: the score runs 0 at the baseline to 1 at the target either way. */
const clampedScore = (measured: string, baseline: string, target: string, lowerIsBetter: boolean) =>
  lowerIsBetter ? `max(0, min(1, (${baseline} - ${measured}) / (${baseline} - ${target})))` : `max(0, min(1, (${measured} - ${baseline}) / (${target} - ${baseline})))`;

const scoreBased: TermsTemplate = {
  id: 'score-based',
  name: { zh: '考核评分与预拨清算', en: 'Score-based rule with advance and balance' },
  summary: {
    zh: '每项指标在基准值与目标值之间线性计分（0–1），加权得总分；资金池乘总分再乘本出资方份额为应付额。年初按比例预拨，年末结算差额（可为负，即退回）。',
    en: 'Each indicator scores 0–1 linearly between its baseline and its target; the weighted score times the pot times this funder’s share is due. An advance is paid at the start of the year and the balance (possibly negative: a refund) after it.',
  },
  terms: {
    ...base,
    name: 'Score-based rule with advance and balance',
    from: 2021,
    to: 2025,
    constants: {
      pot: '300000000',
      share: '0.5',
      advance_rate: '0.6',
      w_codmn: '0.3',
      w_nh3n: '0.3',
      w_tp: '0.2',
      w_volume: '0.2',
      base_codmn: '4',
      target_codmn: '3',
      base_nh3n: '0.5',
      target_nh3n: '0.3',
      base_tp: '0.1',
      target_tp: '0.05',
      base_volume: '80',
      target_volume: '95',
    },
    indicators: { codmn: 'mg/L', nh3n: 'mg/L', tp: 'mg/L', volume: '10⁸ m³' },
    formulas: [
      { name: 's_codmn', expr: clampedScore('codmn', 'base_codmn', 'target_codmn', true) },
      { name: 's_nh3n', expr: clampedScore('nh3n', 'base_nh3n', 'target_nh3n', true) },
      { name: 's_tp', expr: clampedScore('tp', 'base_tp', 'target_tp', true) },
      { name: 's_volume', expr: clampedScore('volume', 'base_volume', 'target_volume', false) },
      { name: 'score', expr: 'w_codmn*s_codmn + w_nh3n*s_nh3n + w_tp*s_tp + w_volume*s_volume' },
      { name: 'due', expr: 'round(pot * share * score, 2)' },
      { name: 'advance', expr: 'round(pot * share * advance_rate, 2)' },
      { name: 'balance', expr: 'due - advance' },
      { name: 'payment', expr: 'advance + balance' },
    ],
  },
  sample: {
    monitoring: {
      '2021': { codmn: '3.2', nh3n: '0.35', tp: '0.06', volume: '92' },
      '2022': { codmn: '4.4', nh3n: '0.52', tp: '0.11', volume: '78' },
      '2023': { codmn: '2.9', nh3n: '0.28', tp: '0.04', volume: '96.5' },
    },
  },
  money: ['pot'],
};

const steppedClass: TermsTemplate = {
  id: 'stepped-class',
  name: { zh: '水质类别阶梯扣缴', en: 'Stepped rule per water-quality class' },
  summary: {
    zh: '出境断面水质每比入境断面差一个类别，上游向下游支付固定金额；入境水质已劣于目标类别时减半。',
    en: 'For each water-quality class the water leaves worse than it came in, upstream pays downstream a fixed sum; halved where the incoming water was already worse than the target class.',
  },
  terms: {
    ...base,
    name: 'Stepped rule per water-quality class',
    from: 2021,
    to: 2025,
    constants: { per_class: '5000000', target_class: '3', polluted_factor: '0.5' },
    indicators: { class_in: 'class 1–6 (6 = worse than V)', class_out: 'class 1–6 (6 = worse than V)' },
    formulas: [
      { name: 'worsened', expr: 'max(0, class_out - class_in)' },
      { name: 'polluted_in', expr: 'class_in > target_class ? 1 : 0' },
      { name: 'penalty', expr: 'per_class * worsened * (polluted_in == 1 ? polluted_factor : 1)' },
      { name: 'payment', expr: '-penalty' },
    ],
  },
  sample: {
    monitoring: {
      '2021': { class_in: '2', class_out: '2' },
      '2022': { class_in: '2', class_out: '4' },
      '2023': { class_in: '4', class_out: '5' },
    },
  },
  money: ['per_class'],
};

export const TERMS_TEMPLATES: readonly TermsTemplate[] = [fixedSchedule, pricePerM3, twoWay, scoreBased, steppedClass];

export function findTemplate(id: string): TermsTemplate | undefined {
  return TERMS_TEMPLATES.find((t) => t.id === id);
}

/**
 * A fresh copy of a template's terms, named in the reader's language, ready to edit; with defaults
 * it covers their years in their unit and currency (sums of money recounted in that unit).
 */
export function templateTerms(id: TemplateId, locale: Locale = 'en', defaults?: TermsDefaults): PaymentTerms {
  const template = findTemplate(id);
  if (!template) throw new Error(`unknown template "${id}"`);
  const terms = { ...structuredClone(template.terms), name: template.name[locale] };
  if (!defaults) return terms;
  const constants = { ...terms.constants };
  for (const name of template.money ?? []) constants[name] = new TD(constants[name]!).times(template.terms.unit).div(defaults.unit).toFixed();
  if (template.unitConstant) constants[template.unitConstant] = String(defaults.unit);
  if (template.yearConstant) constants[template.yearConstant] = String(defaults.from);
  return { ...terms, from: defaults.from, to: defaults.to, unit: defaults.unit, currency: defaults.currency, constants };
}

/** A template's sample monitoring data moved to the first years of the defaults, so the back-test reads years the terms cover. */
export function templateSample(id: TemplateId, defaults?: Pick<TermsDefaults, 'from' | 'to'>): Monitoring {
  const template = findTemplate(id);
  if (!template) throw new Error(`unknown template "${id}"`);
  const shift = defaults ? defaults.from - template.terms.from : 0;
  return Object.fromEntries(
    Object.entries(structuredClone(template.sample.monitoring))
      .map(([year, values]) => [Number(year) + shift, values] as const)
      .filter(([year]) => !defaults || year <= defaults.to)
      .map(([year, values]) => [String(year), values]),
  );
}
