import type { Formula, PaymentTerms } from './schema';
import type { PartiesSection } from './parties';
import { draftParties } from './draft-parties';
import type { MonitoringRuleInput } from './monitoring-rules';
import type { Monitoring } from './settle';
import type { ScheduledMap } from './scheduled';
import type { Measurement, Sample } from './measurement';
import { isCalendarDate } from './samples';
import { TD } from './decimal';

/**
 * Ready-made `payment-terms/1` documents for the shapes real watershed
 * agreements take (pes-model.md §5, payment-terms-format.md): a starting point the parties
 * edit, not a recommendation. Each carries sample data so the UI can back-test it before anyone
 * edits it (and so the tests can prove every template settles). The summary names the agreements
 * a template follows with round and year (issue 17, item 5) and says which figures are
 * illustrative; decision 0109 records what the published texts confirm.
 */

export type TemplateId = 'fixed-schedule' | 'price-per-m3' | 'two-way-quality-index' | 'xinan-p-index' | 'compliance-rate' | 'score-based' | 'miyun-score' | 'stepped-class' | 'middle-route';
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
  /**
   * The deal's parties as the terms' `parties` section (ids the organisations' ids; decision 0098),
   * null when the deal names none; absent where no deal is known. A draft starts from them, so what
   * is drafted splits as the acceptance checks (`partiesDifferFromDeal`).
   */
  parties?: PartiesSection | null;
}

const base = { format: 'payment-terms/1', currency: 'CNY', unit: 1 } as const;

// ------------------------------------------------------------- builders
// Each template below states only its figures; these write the constants, formulas and samples
// the template kinds share (the documents are those written out by hand before, byte for byte:
// templates-snapshot.test.ts).

type Figures = Readonly<Record<string, string>>;

/** The figures as constants named `prefix` + the indicator, in their order. */
const prefixed = (prefix: string, figures: Figures): Record<string, string> => Object.fromEntries(Object.entries(figures).map(([name, value]) => [prefix + name, value]));

/** Each indicator measured in the same unit. */
const inUnit = (unit: string, names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((name) => [name, unit]));
const mgL = (...names: string[]) => inUnit('mg/L', names);

/** The same monitoring rule for each indicator, some with more. */
const everyIndicator = (rule: MonitoringRuleInput, names: readonly string[], more: Readonly<Record<string, MonitoringRuleInput>> = {}): Record<string, MonitoringRuleInput> =>
  Object.fromEntries(names.map((name) => [name, { ...rule, ...more[name] }]));
const monthlyRule = (...names: string[]) => everyIndicator({ frequency: 'monthly' }, names);

/** A year's samples of one indicator, taken on the same days of the months `months` (1–12). */
const sampled = (year: number, months: readonly number[], day: number, values: readonly string[]): Sample[] =>
  values.map((value, i) => ({ on: `${year}-${String(months[i]).padStart(2, '0')}-${String(day).padStart(2, '0')}`, value }));
const MONTHLY = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const QUARTERLY = [2, 5, 8, 11] as const;

/** A year's samples of each indicator, taken on the 15th of the months `months`. */
const samplesOf =
  (months: readonly number[]) =>
  (year: number, values: Readonly<Record<string, readonly string[]>>): Record<string, Sample[]> =>
    Object.fromEntries(Object.entries(values).map(([name, series]) => [name, sampled(year, months, 15, series)]));
const monthly = samplesOf(MONTHLY);
const quarterly = samplesOf(QUARTERLY);

/** GB 3838-2002 Table 1 limits as constants, mg/L (rivers; docs/terms.md). */
const CLASS_II = { codmn: '4', nh3n: '0.5', tp: '0.1' } as const;
const CLASS_III = { codmn: '6', nh3n: '1.0', tp: '0.2' } as const;

/** An index's constants: each indicator's weight (named `weight` + the indicator), then its base concentration (`c0_` + the indicator). */
const indexConstants = (weight: string, figures: Readonly<Record<string, { weight: string; base: string }>>) => {
  const of = (key: 'weight' | 'base') => Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, f[key]]));
  return { ...prefixed(weight, of('weight')), ...prefixed('c0_', of('base')) };
};

/** `coefficient · Σ weight · C / C0` over the indicators, C being `measured(indicator)`; `spaced` writes blanks round the operators. */
const indexExpr = (coefficient: string, weight: string, names: readonly string[], measured: (name: string) => string, spaced: boolean) => {
  const [times, over] = spaced ? [' * ', ' / '] : ['*', '/'];
  return `${coefficient} * (${names.map((name) => `${weight}${name}${times}${measured(name)}${over}c0_${name}`).join(' + ')})`;
};

/** The two-way rule: downstream pays upstream `amount` when the condition holds, otherwise upstream pays downstream the same. */
const twoWayPayment = (condition: string): Formula => ({ name: 'payment', expr: `${condition} ? amount : -amount` });

/** The share of the year's samples of an indicator meeting the limit in the constant `limit` + the indicator. */
const meets = (limit: string) => (name: string) => `share(${name} <= ${limit}${name})`;

/** Lower is better for a concentration, higher for a volume: the score runs 0 at the baseline to 1 at the target either way. */
const clampedScore = (measured: string, baseline: string, target: string, lowerIsBetter: boolean) =>
  lowerIsBetter ? `max(0, min(1, (${baseline} - ${measured}) / (${baseline} - ${target})))` : `max(0, min(1, (${measured} - ${baseline}) / (${target} - ${baseline})))`;

/** The sum due, an advance of `funded` × the advance rate at the start of the year, and the balance (possibly negative) after it. */
const withAdvance = (due: string, funded: string): Formula[] => [
  { name: 'due', expr: `round(${due}, 2)` },
  { name: 'advance', expr: `round(${funded} * advance_rate, 2)` },
  { name: 'balance', expr: 'due - advance' },
  { name: 'payment', expr: 'advance + balance' },
];

/** The worst class of GB 3838-2002 Table 1 over the indicators' annual means, `column` naming the measured indicator; indicators in `lake` under the lakes' and reservoirs' limits. */
const worstClassOf = (names: readonly string[], column: (name: string) => string = (name) => name, lake: readonly string[] = []) =>
  `worstclass(${names.map((name) => `gbclass("${name}", mean(${column(name)})${lake.includes(name) ? ', "lake"' : ''})`).join(', ')})`;

const THREE = ['codmn', 'nh3n', 'tp'] as const;

// ------------------------------------------------------------- the templates

const fixedSchedule: TermsTemplate = {
  id: 'fixed-schedule',
  name: { zh: '固定支付计划', en: 'Fixed payment schedule' },
  summary: {
    zh: '每年支付情景测算的计划金额，与监测结果无关；也可在公式中把计划金额换成一个固定常数。示例中的计划金额为示例值。',
    en: 'Pays the scenario’s scheduled amount each year, whatever is measured; replace "scheduled" by a constant for a flat sum. The sample’s scheduled amounts are illustrative.',
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
    zh: '按实测供水量乘以单价支付，单价自基准年起每年按约定比例上调，结果四舍五入到分。单价与涨幅为示例值，不取自某一协议。',
    en: 'Pays the measured volume times a price per m³ that rises by an agreed rate each year from the base year, rounded to the cent. Price and rate are illustrative, not taken from an agreement.',
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

const TWO_WAY = ['codmn', 'nh3n', 'tn', 'tp'] as const;
const twoWay: TermsTemplate = {
  id: 'two-way-quality-index',
  name: { zh: '水质指数双向补偿', en: 'Two-way water-quality index rule' },
  summary: {
    zh: '按四项指标相对基准浓度加权得出水质指数 P；P ≤ 1 下游向上游支付，否则上游向下游支付同等金额。每项指标每年一个数值。系数 0.9 与每年 2 亿元为新安江第三轮（2018—2020）的数值；权重与基准浓度为示例值，应以协议所定为准。来源：新安江流域上下游横向生态补偿（皖浙两省协议，第三轮 2018—2020）的 P 值规则，即平台条款格式文档的示例。',
    en: 'A weighted index P of four indicators against their base concentrations; P ≤ 1 and downstream pays upstream, otherwise upstream pays downstream the same sum. One value per indicator and year. The coefficient 0.9 and CNY 200 million a year are those of the Xin’an third round (2018–2020); the weights and base concentrations are illustrative: use those the agreement fixes. Source: the P-index rule of the Xin’an River upstream–downstream compensation (the Anhui–Zhejiang agreements, third round 2018–2020), as in the platform’s terms format document.',
  },
  terms: {
    ...base,
    name: 'Two-way water-quality rule, 2018–2020',
    from: 2018,
    to: 2020,
    constants: {
      k: '0.9',
      amount: '200000000',
      ...indexConstants('w_', {
        codmn: { weight: '0.25', base: '2.6' },
        nh3n: { weight: '0.25', base: '0.12' },
        tn: { weight: '0.25', base: '1.2' },
        tp: { weight: '0.25', base: '0.03' },
      }),
    },
    indicators: mgL(...TWO_WAY),
    formulas: [{ name: 'P', expr: indexExpr('k', 'w_', TWO_WAY, (name) => name, false) }, twoWayPayment('P <= 1')],
  },
  sample: {
    monitoring: {
      '2018': { codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' },
      '2019': { codmn: '2.80', nh3n: '0.15', tn: '1.40', tp: '0.035' },
    },
  },
  money: ['amount'],
};

const SCORED = { codmn: ['4', '3'], nh3n: ['0.5', '0.3'], tp: ['0.1', '0.05'], volume: ['80', '95'] } as const;
const scoreBased: TermsTemplate = {
  id: 'score-based',
  name: { zh: '考核评分与预拨清算', en: 'Score-based rule with advance and balance' },
  summary: {
    zh: '每项指标在基准值与目标值之间线性计分（0–1），加权得总分；资金池乘总分再乘本出资方份额为应付额。年初按比例预拨，年末结算差额（可为负，即退回）。资金池、份额、权重与基准、目标均为示例值，不取自某一协议。来源：省内及跨省生态补偿中常见的考核评分规则（资金池、出资份额、预拨与清算），见平台条款格式文档；密云协议的水量、水质、行为管控三部分见相应模板。',
    en: 'Each indicator scores 0–1 linearly between its baseline and its target; the weighted score times the pot times this funder’s share is due. An advance is paid at the start of the year and the balance (possibly negative: a refund) after it. Pot, share, weights, baselines and targets are illustrative, not taken from one agreement. Source: the shape of the score-based rules of provincial and cross-provincial compensation (pool, funder shares, advance and settlement), as in the platform’s terms format document; for the Miyun agreement’s three parts see the quantity, quality and conduct template.',
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
      ...prefixed('w_', { codmn: '0.3', nh3n: '0.3', tp: '0.2', volume: '0.2' }),
      ...Object.fromEntries(
        Object.entries(SCORED).flatMap(([name, [baseline, target]]) => [
          [`base_${name}`, baseline],
          [`target_${name}`, target],
        ]),
      ),
    },
    indicators: { ...mgL(...THREE), volume: '10⁸ m³' },
    formulas: [
      ...Object.keys(SCORED).map((name) => ({ name: `s_${name}`, expr: clampedScore(name, `base_${name}`, `target_${name}`, name !== 'volume') })),
      {
        name: 'score',
        expr: Object.keys(SCORED)
          .map((name) => `w_${name}*s_${name}`)
          .join(' + '),
      },
      ...withAdvance('pot * share * score', 'pot * share'),
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

/**
 * The Xin'an River P index on monthly samples: P = k0 · Σ k_i · C_i / C_i0, C_i the annual mean
 * of the month's samples at the boundary section. Its rounds differ in k0 and the amount only.
 */
const XINAN = ['codmn', 'nh3n', 'tp', 'tn'] as const;
const xinan: TermsTemplate = {
  id: 'xinan-p-index',
  name: { zh: '新安江 P 值双向补偿（月度监测）', en: 'Xin’an River two-way P index on monthly samples' },
  summary: {
    zh: 'P = k0 × Σ kᵢ × Cᵢ / Cᵢ0：Cᵢ 为高锰酸盐指数、氨氮、总磷、总氮各月样品的年均值，Cᵢ0 为基准浓度，kᵢ 为权重（各 0.25），k0 为水质稳定系数。P ≤ 1 时下游（浙江）向上游（安徽）支付，P > 1 时上游向下游支付同等金额。低于检出限的样品按检出限的一半计。各轮协议在 k0 与金额上不同：第一轮（2012—2014）每年 1 亿元，另有中央财政每年 3 亿元拨给安徽（不随水质双向支付，本模板不含）；第二轮（2015—2017）每年 2 亿元；第三轮（2018—2020）每年 2 亿元。k0 按通常引用的数值，第一轮 0.85、第二轮 0.89、第三轮 0.90，未能对照协议原文核实，签约前应以协议为准。本模板取第三轮，改常数 `k0` 与 `amount` 即为其他轮次。权重与基准浓度为示例值，应以协议所定的街口断面基准为准。来源：财政部、环境保护部 2011 年启动的新安江流域水环境补偿试点（当年 9 月印发试点实施文件），2012 年财政部、环境保护部与浙江、安徽两省签订的试点协议，及皖浙两省其后各轮新安江流域上下游横向生态补偿协议。',
    en: 'P = k0 × Σ kᵢ × Cᵢ / Cᵢ0: Cᵢ is the annual mean of the monthly samples of the permanganate index, ammonia nitrogen, total phosphorus and total nitrogen, Cᵢ0 their base concentrations, kᵢ the weights (0.25 each), k0 the water-quality stability coefficient. With P ≤ 1 downstream (Zhejiang) pays upstream (Anhui), with P > 1 upstream pays downstream the same sum. A sample below the detection limit counts as half the limit. The rounds differ in k0 and the amount: first (2012–2014) CNY 100 million a year, besides CNY 300 million a year from the central budget to Anhui (not paid either way on the water quality, and not in this template); second (2015–2017) CNY 200 million; third (2018–2020) CNY 200 million. k0 takes the values commonly cited, 0.85 in the first round, 0.89 in the second and 0.90 in the third, which could not be checked against the agreements’ text: confirm them with the agreement before signing. This template is the third round; change the constants k0 and amount for another. The weights and base concentrations are illustrative: use those the agreement fixes for the Jiekou section. Sources: the implementation plan of the Xin’an River water-environment compensation pilot the Ministry of Finance and the Ministry of Environmental Protection issued in September 2011, the pilot agreement they signed with Zhejiang and Anhui in 2012, and the Anhui–Zhejiang Xin’an River upstream–downstream horizontal compensation agreements of the later rounds.',
  },
  terms: {
    ...base,
    name: 'Xin’an River P index, third round 2018–2020',
    from: 2018,
    to: 2020,
    constants: {
      k0: '0.9',
      amount: '200000000',
      ...indexConstants('k_', {
        codmn: { weight: '0.25', base: '2.6' },
        nh3n: { weight: '0.25', base: '0.12' },
        tp: { weight: '0.25', base: '0.03' },
        tn: { weight: '0.25', base: '1.2' },
      }),
    },
    indicators: mgL(...XINAN),
    monitoring: everyIndicator({ frequency: 'monthly' }, XINAN, { tp: { belowLimit: 'half' } }),
    formulas: [{ name: 'P', expr: indexExpr('k0', 'k_', XINAN, (name) => `mean(${name})`, true) }, twoWayPayment('P <= 1')],
  },
  sample: {
    monitoring: {
      '2018': monthly(2018, {
        codmn: ['2.1', '2.2', '2.4', '2.5', '2.6', '2.5', '2.4', '2.3', '2.2', '2.1', '2.2', '2.22'],
        nh3n: ['0.08', '0.09', '0.12', '0.13', '0.11', '0.10', '0.09', '0.10', '0.11', '0.09', '0.08', '0.10'],
        tp: ['0.020', '0.024', '0.030', '0.032', '0.028', '0.026', '<0.01', '0.030', '0.028', '0.025', '0.022', '0.020'],
        tn: ['0.95', '1.00', '1.10', '1.15', '1.12', '1.08', '1.05', '1.02', '1.00', '0.98', '1.05', '1.10'],
      }),
      '2019': monthly(2019, {
        codmn: ['2.5', '2.6', '2.8', '3.0', '3.1', '2.9', '2.8', '2.7', '2.8', '2.6', '2.7', '3.1'],
        nh3n: ['0.12', '0.14', '0.16', '0.18', '0.17', '0.15', '0.14', '0.15', '0.16', '0.13', '0.14', '0.16'],
        tp: ['0.030', '0.032', '0.036', '0.040', '0.038', '0.035', '0.034', '0.036', '0.035', '0.033', '0.034', '0.037'],
        tn: ['1.30', '1.35', '1.42', '1.50', '1.48', '1.40', '1.38', '1.36', '1.40', '1.35', '1.38', '1.48'],
      }),
    },
  },
  money: ['amount'],
};

/**
 * A compliance-rate rule: the share of the year's monthly samples meeting Class III of GB
 * 3838-2002, per indicator, against a target; every indicator must reach it.
 */
const complianceRate: TermsTemplate = {
  id: 'compliance-rate',
  name: { zh: '水质达标率双向补偿', en: 'Two-way compliance-rate rule' },
  summary: {
    zh: '每项指标的达标率为本年各月样品中达到《地表水环境质量标准》Ⅲ类限值（常数 `c3_…`，取自表 1）的比例。各项指标达标率均不低于目标时下游向上游支付约定金额，否则上游向下游支付同等金额。按整月判定（某月所有指标同时达标才算该月达标）时，可把断面每月水质类别作为一项指标录入，写 `share(section_class <= 3)`。金额 1 亿元为两协议中每省每年的出资额；达标率目标与年份为示例值，协议所定的各断面目标应逐一录入。来源：闽粤两省 2016 年 3 月签订的《汀江—韩江流域水环境补偿协议》（2016—2017，两省每年各出资 1 亿元，既考核污染物浓度又考核年度与每月水质达标率，双向补偿）与赣粤两省 2016 年签订的《东江流域上下游横向生态补偿协议》（暂定三年，跨界断面水质年均值达到Ⅲ类、达标率逐年改善，两省每年各出资 1 亿元）。',
    en: 'Each indicator’s compliance rate is the share of the year’s monthly samples meeting the Class III limit of GB 3838-2002 (the constants c3_…, from Table 1). When every indicator’s rate reaches the target, downstream pays upstream the agreed sum, otherwise upstream pays downstream the same. To judge whole months (a month complies only when all its indicators do), enter the section’s monthly class as an indicator and write share(section_class <= 3). The sum, CNY 100 million, is what each province puts in a year under both agreements; the target rate and the years are illustrative: enter each section’s target the agreement sets. Sources: the Fujian–Guangdong Tingjiang–Hanjiang water-environment compensation agreement signed in March 2016 (2016–2017; each province CNY 100 million a year; assessed on both the pollutants’ concentrations and the annual and monthly compliance rates; paid either way) and the Jiangxi–Guangdong Dongjiang upstream–downstream horizontal compensation agreement of 2016 (three years at first; the boundary sections’ annual means at Class III and their compliance rate improving every year; each province CNY 100 million a year).',
  },
  terms: {
    ...base,
    name: 'Two-way compliance-rate rule',
    from: 2021,
    to: 2025,
    constants: { amount: '100000000', target: '0.9', ...prefixed('c3_', CLASS_III) },
    indicators: mgL(...THREE),
    monitoring: monthlyRule(...THREE),
    formulas: [
      ...THREE.map((name) => ({ name: `rate_${name}`, expr: meets('c3_')(name) })),
      { name: 'rate', expr: `min(${THREE.map((name) => `rate_${name}`).join(', ')})` },
      twoWayPayment('rate >= target'),
    ],
  },
  sample: {
    monitoring: {
      '2021': monthly(2021, {
        codmn: ['3.1', '3.4', '3.8', '4.2', '4.6', '5.1', '5.4', '5.0', '4.4', '3.9', '3.5', '3.2'],
        nh3n: ['0.42', '0.45', '0.51', '0.58', '0.62', '0.66', '0.71', '0.64', '0.55', '0.48', '0.44', '0.40'],
        tp: ['0.08', '0.09', '0.11', '0.13', '0.15', '0.17', '0.18', '0.16', '0.14', '0.11', '0.09', '0.08'],
      }),
      // Ammonia nitrogen above Class III in two summer months: 10 of 12, below the target.
      '2022': monthly(2022, {
        codmn: ['3.3', '3.6', '4.0', '4.5', '5.2', '5.8', '6.4', '5.6', '4.8', '4.1', '3.7', '3.4'],
        nh3n: ['0.48', '0.52', '0.60', '0.72', '0.88', '1.12', '1.26', '0.94', '0.70', '0.58', '0.50', '0.46'],
        tp: ['0.09', '0.10', '0.12', '0.14', '0.16', '0.19', '0.20', '0.18', '0.15', '0.12', '0.10', '0.09'],
      }),
      // A sample exactly at the limit meets it.
      '2023': monthly(2023, {
        codmn: ['3.0', '3.3', '3.7', '4.1', '4.8', '5.5', '6', '5.2', '4.3', '3.8', '3.4', '3.1'],
        nh3n: ['0.40', '0.43', '0.49', '0.55', '0.63', '0.74', '0.82', '0.70', '0.57', '0.47', '0.42', '0.39'],
        tp: ['0.07', '0.08', '0.10', '0.12', '0.14', '0.16', '0.17', '0.15', '0.12', '0.10', '0.08', '0.07'],
      }),
    },
  },
  money: ['amount'],
};

/**
 * The Miyun agreement's three parts, each scored 0–1 and paid from its own pot: the water
 * volume entering the reservoir, the share of monthly samples meeting Class II, and the
 * assessment of the upstream's conduct; an advance at the start of the year, the balance after.
 */
const MIYUN_PARTS = ['quantity', 'quality', 'conduct'] as const;
const miyunScore: TermsTemplate = {
  id: 'miyun-score',
  name: { zh: '水量、水质、行为管控考核与预拨清算（密云模式）', en: 'Quantity, quality and conduct score with advance (Miyun style)' },
  summary: {
    zh: '补偿分水量、水质、行为管控三部分，各有资金额度：水量按入境水量在基准与目标之间线性计分（协议以 2000 年以来多年平均入境水量为基准，多来水多奖励）；水质按高锰酸盐指数、氨氮、总磷各月样品达到《地表水环境质量标准》Ⅱ类限值（常数 `c2_…`）的比例取平均（协议另对总氮下降给予奖励，本模板不含）；行为管控按上游年度考核得分（0—100 分）。三部分得分乘各自额度之和为应付额；年初按预拨比例拨付，年末结算差额（可为负，即退回）。协议签订当年北京市先行预拨 2 亿元、河北省配套 1 亿元，次年按考核清算；本模板的额度、预拨比例与水量基准均为示例值。来源：北京市与河北省 2018 年 11 月签订的《密云水库上游潮白河流域水源涵养区横向生态保护补偿协议》（一期，2018—2020）。',
    en: 'The compensation has three parts, each with its own pot: quantity, scored linearly between a baseline and a target of the volume entering the reservoir (the agreement takes the mean inflow since 2000 as the baseline, and more water earns more); quality, the mean over the permanganate index, ammonia nitrogen and total phosphorus of the share of monthly samples meeting the Class II limit (the constants c2_…; the agreement also rewards a fall in total nitrogen, which this template leaves out); and conduct, the upstream’s annual assessment score (0–100). The three scores times their pots make the sum due; an advance is paid at the start of the year at the advance rate and the balance (possibly negative: a refund) after it. In the year it was signed Beijing advanced CNY 200 million and Hebei added CNY 100 million, settled the next year on the assessment; this template’s pots, advance rate and volume baseline are illustrative. Source: the Beijing–Hebei horizontal compensation agreement for the water-conservation area of the Chaobai River above the Miyun Reservoir signed in November 2018 (first period, 2018–2020).',
  },
  terms: {
    ...base,
    name: 'Quantity, quality and conduct score with advance',
    from: 2018,
    to: 2020,
    constants: {
      ...prefixed('pot_', { quantity: '100000000', quality: '150000000', conduct: '50000000' }),
      advance_rate: '0.6',
      base_volume: '4',
      target_volume: '6',
      ...prefixed('c2_', CLASS_II),
      full_conduct: '100',
    },
    indicators: { volume: '10⁸ m³', ...mgL(...THREE), conduct: '分' },
    monitoring: { volume: { direction: 'higher' }, ...monthlyRule(...THREE), conduct: { min: '0', max: '100', direction: 'higher' } },
    formulas: [
      { name: 's_quantity', expr: clampedScore('volume', 'base_volume', 'target_volume', false) },
      { name: 's_quality', expr: `(${THREE.map(meets('c2_')).join(' + ')}) / ${THREE.length}` },
      { name: 's_conduct', expr: 'max(0, min(1, conduct / full_conduct))' },
      ...withAdvance(MIYUN_PARTS.map((part) => `pot_${part} * s_${part}`).join(' + '), `(${MIYUN_PARTS.map((part) => `pot_${part}`).join(' + ')})`),
    ],
  },
  sample: {
    monitoring: {
      '2018': {
        volume: '5.5',
        conduct: '90',
        ...monthly(2018, {
          codmn: ['2.2', '2.4', '2.6', '2.9', '3.2', '3.6', '3.9', '3.5', '3.1', '2.7', '2.4', '2.3'],
          nh3n: ['0.18', '0.20', '0.22', '0.26', '0.31', '0.38', '0.44', '0.36', '0.29', '0.24', '0.21', '0.19'],
          // Total phosphorus above Class II in July.
          tp: ['0.03', '0.04', '0.05', '0.06', '0.08', '0.09', '0.12', '0.09', '0.07', '0.05', '0.04', '<0.01'],
        }),
      },
      '2019': {
        volume: '6.4',
        conduct: '96',
        ...monthly(2019, {
          codmn: ['2.1', '2.3', '2.5', '2.8', '3.0', '3.4', '3.7', '3.3', '2.9', '2.6', '2.3', '2.2'],
          nh3n: ['0.16', '0.18', '0.20', '0.24', '0.28', '0.34', '0.40', '0.33', '0.27', '0.22', '0.19', '0.17'],
          tp: ['0.03', '0.03', '0.04', '0.05', '0.07', '0.08', '0.09', '0.08', '0.06', '0.05', '0.04', '0.03'],
        }),
      },
    },
  },
  money: MIYUN_PARTS.map((part) => `pot_${part}`),
};

/** The indicators measured at the inflow and at the outflow section. */
const SECTIONS = ['in', 'out'].flatMap((section) => THREE.map((name) => `${name}_${section}`));
const atSection = (section: string) => (name: string) => `${name}_${section}`;

const steppedClass: TermsTemplate = {
  id: 'stepped-class',
  name: { zh: '水质类别阶梯扣缴', en: 'Stepped rule per water-quality class' },
  summary: {
    zh: '入境、出境断面的水质类别为高锰酸盐指数、氨氮、总磷各自年均值按《地表水环境质量标准》表 1 所得类别中最差者（`gbclass`、`worstclass`）。出境比入境每差一个类别，上游向下游支付固定金额；入境水质已劣于目标类别时减半。金额、目标类别与减半系数为示例值，不取自某一协议。来源：平台条款格式文档所列的阶梯规则；各省跨界断面水质考核多以类别阶梯扣缴。',
    en: 'The class of the inflow and of the outflow section is the worst of the classes under GB 3838-2002 Table 1 of the annual means of the permanganate index, ammonia nitrogen and total phosphorus (gbclass, worstclass). For each class the water leaves worse than it came in, upstream pays downstream a fixed sum; halved where the incoming water was already worse than the target class. Sum, target class and halving are illustrative, not taken from one agreement. Source: the stepped rule of the platform’s terms format document; provinces commonly deduct per class at their boundary sections.',
  },
  terms: {
    ...base,
    name: 'Stepped rule per water-quality class',
    from: 2021,
    to: 2025,
    constants: { per_class: '5000000', target_class: '3', polluted_factor: '0.5' },
    indicators: mgL(...SECTIONS),
    monitoring: everyIndicator({ frequency: 'quarterly' }, SECTIONS),
    formulas: [
      { name: 'class_in', expr: worstClassOf(THREE, atSection('in')) },
      { name: 'class_out', expr: worstClassOf(THREE, atSection('out')) },
      { name: 'worsened', expr: 'max(0, class_out - class_in)' },
      { name: 'polluted_in', expr: 'class_in > target_class ? 1 : 0' },
      { name: 'penalty', expr: 'per_class * worsened * (polluted_in == 1 ? polluted_factor : 1)' },
      { name: 'payment', expr: '-penalty' },
    ],
  },
  sample: {
    monitoring: {
      // Class II in and out.
      '2021': quarterly(2021, {
        codmn_in: ['2.8', '3.2', '3.6', '3.0'],
        nh3n_in: ['0.22', '0.30', '0.38', '0.26'],
        tp_in: ['0.05', '0.07', '0.09', '0.06'],
        codmn_out: ['3.0', '3.4', '3.8', '3.2'],
        nh3n_out: ['0.25', '0.33', '0.41', '0.29'],
        tp_out: ['0.06', '0.08', '0.10', '0.07'],
      }),
      // In Class II; out Class IV by the permanganate index (mean 8).
      '2022': quarterly(2022, {
        codmn_in: ['2.9', '3.3', '3.7', '3.1'],
        nh3n_in: ['0.24', '0.32', '0.40', '0.28'],
        tp_in: ['0.05', '0.07', '0.09', '0.07'],
        codmn_out: ['6.5', '8.0', '9.5', '8.0'],
        nh3n_out: ['0.30', '0.40', '0.50', '0.40'],
        tp_out: ['0.12', '0.15', '0.18', '0.15'],
      }),
      // In Class IV already (permanganate index mean 7); out Class V by ammonia nitrogen (mean 1.8).
      '2023': quarterly(2023, {
        codmn_in: ['6.2', '7.0', '7.8', '7.0'],
        nh3n_in: ['0.60', '0.80', '1.00', '0.80'],
        tp_in: ['0.10', '0.14', '0.18', '0.14'],
        codmn_out: ['6.8', '7.6', '8.4', '7.2'],
        nh3n_out: ['1.5', '1.8', '2.1', '1.8'],
        tp_out: ['0.14', '0.18', '0.22', '0.18'],
      }),
    },
  },
  money: ['per_class'],
};

/**
 * The Middle Route of the South-to-North Water Diversion pays the Shiyan source area when the water
 * at the Taocha intake reaches Class II (the worst class of the annual means of three indicators,
 * total phosphorus under the lakes' and reservoirs' limits: the intake draws on the Danjiangkou
 * reservoir), a reduced sum otherwise; the four receiving provinces share the payment by their
 * water allocation (the terms' `parties` section, quantities in 亿 m³).
 */
const ALLOCATION = [
  { id: 'henan', name: 'Henan', nameZh: '河南省', quantity: '37.7' },
  { id: 'hebei', name: 'Hebei', nameZh: '河北省', quantity: '34.7' },
  { id: 'beijing', name: 'Beijing', nameZh: '北京市', quantity: '12.4' },
  { id: 'tianjin', name: 'Tianjin', nameZh: '天津市', quantity: '10.2' },
];
const middleRoute: TermsTemplate = {
  id: 'middle-route',
  name: { zh: '南水北调中线水源区补偿（按分水量分摊）', en: 'Middle Route payment to the source area, shared by water allocation' },
  summary: {
    zh: '陶岔渠首断面高锰酸盐指数、氨氮、总磷各月样品年均值按《地表水环境质量标准》表 1 所得类别（总磷按湖库限值）中最差者达到目标类别（Ⅱ类）时，受水的河南、河北、北京、天津向水源区十堰市支付约定金额，否则只付折减后的金额。各省市分摊的比例为各自的分水量：河南 37.7、河北 34.7、北京 12.4、天津 10.2（亿立方米，合计 95），写在条款的参与方一节中，结算按最大余数法分到分。金额、目标类别与折减比例为示例值，中线水源区补偿并无按此分摊的已签协议。来源：南水北调中线一期工程多年平均调水量 95 亿立方米及其向四省市的年均分水配额（2014 年 12 月中线一期通水时公布）。',
    en: 'When the worst of the classes under GB 3838-2002 Table 1 of the annual means of the monthly samples of the permanganate index, ammonia nitrogen and total phosphorus (phosphorus under the lakes’ and reservoirs’ limits) at the Taocha intake reaches the target class (Class II), the receiving provinces Henan, Hebei, Beijing and Tianjin pay the source area, Shiyan, the agreed sum, otherwise a reduced sum. The provinces share it by their water allocation: Henan 37.7, Hebei 34.7, Beijing 12.4, Tianjin 10.2 (100 million m³ a year, 95 in all), written in the terms’ parties section and split to the fen by the largest remainder. Sum, target class and reduction are illustrative: no signed agreement shares a payment to the source area this way. Source: the first phase of the Middle Route of the South-to-North Water Diversion, diverting 9.5 billion m³ a year on average, and its annual allocation to the four provinces (as published when the first phase opened in December 2014).',
  },
  terms: {
    ...base,
    name: 'Middle Route payment to the source area, shared by water allocation',
    from: 2021,
    to: 2025,
    constants: { amount: '500000000', target_class: '2', reduced_factor: '0.5' },
    indicators: mgL(...THREE),
    monitoring: monthlyRule(...THREE),
    parties: { upstream: [{ id: 'shiyan', name: 'Shiyan', nameZh: '十堰市' }], downstream: ALLOCATION, quantityUnit: '亿立方米' },
    formulas: [
      { name: 'class', expr: worstClassOf(THREE, undefined, ['tp']) },
      { name: 'payment', expr: 'class <= target_class ? amount : round(amount * reduced_factor, 2)' },
    ],
  },
  sample: {
    monitoring: {
      // Class II: the permanganate index above 2 in the summer months, phosphorus within the reservoir's 0.025.
      '2021': monthly(2021, {
        codmn: ['1.8', '1.9', '2.0', '2.1', '2.3', '2.4', '2.5', '2.4', '2.2', '2.0', '1.9', '1.8'],
        nh3n: ['0.06', '0.07', '0.08', '0.08', '0.09', '0.10', '0.11', '0.10', '0.09', '0.08', '0.07', '<0.025'],
        tp: ['0.012', '0.014', '0.015', '0.017', '0.019', '0.022', '0.024', '0.021', '0.018', '0.016', '0.014', '0.012'],
      }),
      // Class III by total phosphorus (annual mean 0.0283, above the reservoir's Class II 0.025): the reduced sum.
      '2022': monthly(2022, {
        codmn: ['1.9', '2.0', '2.1', '2.3', '2.5', '2.7', '2.8', '2.6', '2.4', '2.2', '2.0', '1.9'],
        nh3n: ['0.07', '0.08', '0.09', '0.10', '0.11', '0.12', '0.13', '0.12', '0.10', '0.09', '0.08', '0.07'],
        tp: ['0.020', '0.022', '0.025', '0.028', '0.032', '0.038', '0.042', '0.036', '0.030', '0.027', '0.022', '0.018'],
      }),
    },
  },
  money: ['amount'],
};

export const TERMS_TEMPLATES: readonly TermsTemplate[] = [fixedSchedule, pricePerM3, twoWay, xinan, complianceRate, scoreBased, miyunScore, steppedClass, middleRoute];

export function findTemplate(id: string): TermsTemplate | undefined {
  return TERMS_TEMPLATES.find((t) => t.id === id);
}

/**
 * A fresh copy of a template's terms, named in the reader's language, ready to edit; with defaults
 * it covers their years in their unit and currency (sums of money recounted in that unit), with the
 * deal's parties in place of the template's (`draftParties`).
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
  const { parties: _own, ...rest } = terms;
  const parties = draftParties(template.terms.parties, defaults);
  return { ...rest, from: defaults.from, to: defaults.to, unit: defaults.unit, currency: defaults.currency, constants, ...(parties ? { parties } : {}) };
}

/** A sample's date moved to `year`, the same day of the same month (29 February to the 28th outside a leap year). */
function movedSample(sample: Sample, year: number): Sample {
  const on = `${year}${sample.on.slice(4)}`;
  return { ...sample, on: isCalendarDate(on) ? on : `${year}-02-28` };
}

const movedMeasurement = (measurement: Measurement, year: number): Measurement => (typeof measurement === 'string' ? measurement : measurement.map((s) => movedSample(s, year)));

/**
 * A template's sample monitoring data moved to the first years of the defaults, so the back-test
 * reads years the terms cover; the dates of samples move with their year.
 */
export function templateSample(id: TemplateId, defaults?: Pick<TermsDefaults, 'from' | 'to'>): Monitoring {
  const template = findTemplate(id);
  if (!template) throw new Error(`unknown template "${id}"`);
  const shift = defaults ? defaults.from - template.terms.from : 0;
  return Object.fromEntries(
    Object.entries(structuredClone(template.sample.monitoring))
      .map(([year, values]) => [Number(year) + shift, values] as const)
      .filter(([year]) => !defaults || year <= defaults.to)
      .map(([year, values]) => [String(year), Object.fromEntries(Object.entries(values).map(([name, m]) => [name, movedMeasurement(m, year)]))]),
  );
}
