import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { messageIn } from '@/lib/domain/engine-message';
import { parseTerms, type Problem } from './schema';

const lines = (problems: readonly Problem[]) => problems.map((p) => `${p.path}: ${messageIn(p, 'en')}`).join('\n');
import { isSettled, parseMonitoring, settle, traceSettlement, type SettledYear } from './settle';
import { TERMS_TEMPLATES, findTemplate, templateSample, templateTerms, type TemplateId } from './templates';
import { findEnglish } from '../../tests/support/english-words';
import type { Sample } from './measurement';
import { splitByParties, type PartiesSection } from './parties';
import { draftParties } from './draft-parties';

function settleTemplate(id: TemplateId) {
  const template = findTemplate(id)!;
  const parsed = parseTerms(template.terms);
  if (!parsed.ok) throw new Error(lines(parsed.problems));
  const monitoring = parseMonitoring(template.sample.monitoring, parsed.terms);
  if (!monitoring.ok) throw new Error(lines(monitoring.problems));
  const options = template.sample.scheduled ? { scheduled: template.sample.scheduled } : {};
  return { terms: parsed.terms, monitoring: monitoring.monitoring, options, result: settle(parsed.terms, monitoring.monitoring, options) };
}

const year = (years: unknown[], y: number) => years.find((e) => (e as SettledYear).year === y) as SettledYear;

describe('templates', () => {
  it('offers nine templates with Chinese and English names', () => {
    expect(TERMS_TEMPLATES.map((t) => t.id)).toEqual([
      'fixed-schedule',
      'price-per-m3',
      'two-way-quality-index',
      'xinan-p-index',
      'compliance-rate',
      'score-based',
      'miyun-score',
      'stepped-class',
      'middle-route',
    ]);
    for (const t of TERMS_TEMPLATES) {
      expect(t.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(t.name.en).toMatch(/^[A-Z]/);
      expect(t.summary.zh.length).toBeGreaterThan(10);
      expect(t.summary.en.length).toBeGreaterThan(10);
    }
  });

  it('names the agreements a rule follows, in Chinese with no English or code outside backticks', () => {
    for (const id of ['two-way-quality-index', 'xinan-p-index', 'compliance-rate', 'score-based', 'miyun-score', 'stepped-class', 'middle-route'] as const) {
      const t = findTemplate(id)!;
      expect(t.summary.zh, id).toMatch(/来源：/);
      expect(t.summary.en, id).toMatch(/Sources?: /);
    }
    expect(findTemplate('xinan-p-index')!.summary.zh).toMatch(/新安江/);
    expect(findTemplate('compliance-rate')!.summary.zh).toMatch(/汀江—韩江.*东江/);
    expect(findTemplate('miyun-score')!.summary.zh).toMatch(/密云水库/);
    expect(findTemplate('middle-route')!.summary.zh).toMatch(/南水北调中线一期.*95 亿立方米.*2014/);
    expect(findTemplate('middle-route')!.summary.en).toMatch(/Middle Route.*2014/);
    // What the published texts could not confirm is said to be illustrative (decision 0109).
    for (const t of TERMS_TEMPLATES) {
      expect(t.summary.zh, t.id).toMatch(/示例值/);
      expect(t.summary.en, t.id).toMatch(/illustrative/);
    }
    expect(findTemplate('xinan-p-index')!.summary.zh).toMatch(/第一轮（2012—2014）每年 1 亿元.*中央财政每年 3 亿元.*未能对照协议原文核实/);
    expect(findTemplate('miyun-score')!.summary.zh).toMatch(/2018 年 11 月.*一期，2018—2020/);
    for (const t of TERMS_TEMPLATES) {
      expect(findEnglish(t.summary.zh), t.id).toEqual([]);
      expect(findEnglish(t.name.zh), t.id).toEqual([]);
    }
  });

  it.each(TERMS_TEMPLATES.map((t) => [t.id]))('%s parses, settles every sample year, lists the other years of the terms as missing, and traces it', (id) => {
    const { terms, monitoring, options, result } = settleTemplate(id as TemplateId);
    expect(result.years.map((y) => y.year)).toEqual(Array.from({ length: terms.to - terms.from + 1 }, (_, i) => terms.from + i));
    // The sample's years settle; a year of the terms the sample has no data for is missing what it needs.
    const sampled = new Set([...Object.keys(monitoring), ...Object.keys(options.scheduled ?? {})].map(Number));
    for (const y of result.years) {
      if (sampled.has(y.year)) expect(isSettled(y), String(y.year)).toBe(true);
      else expect((y as { missing?: string[] }).missing?.length, String(y.year)).toBeGreaterThan(0);
    }
    expect(result.years.some(isSettled)).toBe(true);
    const total = result.years.filter(isSettled).reduce((sum, y) => sum.plus(y.payment), new Decimal(0));
    expect(total.eq(result.total)).toBe(true);
    for (const trace of traceSettlement(terms, monitoring, options)) {
      if (trace.missing) continue;
      expect(trace.steps.map((s) => s.name)).toEqual(terms.formulas.map((f) => f.name));
      for (const step of trace.steps) expect(step.text).toMatch(new RegExp(`^${step.name} = .+ = `));
    }
  });

  it('fixed schedule pays the scheduled amount', () => {
    const { result } = settleTemplate('fixed-schedule');
    expect(result.years.filter(isSettled).map((y) => y.payment)).toEqual(['120000000', '125000000', '130000000']);
    expect(result.total).toBe('375000000');
  });

  it('price per m³ escalates the price from the base year and rounds to the cent', () => {
    const { result } = settleTemplate('price-per-m3');
    expect(year(result.years, 2021).values).toEqual({ price: '0.16', payment: '152000000' });
    // 0.16 · 1.03 = 0.1648; · 1 020 000 000 m³
    expect(year(result.years, 2022).values).toEqual({ price: '0.1648', payment: '168096000' });
  });

  it('two-way rule is the format document’s example', () => {
    const { result } = settleTemplate('two-way-quality-index');
    expect(result.years.filter(isSettled).map((y) => y.payment)).toEqual(['200000000', '-200000000']);
  });

  it('score-based rule: weighted linear scores, pot, share, advance and balance', () => {
    const { result } = settleTemplate('score-based');
    // 2021: scores 0.8, 0.75, 0.8, 0.8 → 0.3·0.8 + 0.3·0.75 + 0.2·0.8 + 0.2·0.8 = 0.785; 300 M · 0.5 · 0.785
    expect(year(result.years, 2021).values).toMatchObject({ s_nh3n: '0.75', score: '0.785', due: '117750000', advance: '90000000', balance: '27750000', payment: '117750000' });
    // 2022 is worse than every baseline: nothing due, the advance comes back.
    expect(year(result.years, 2022).values).toMatchObject({ score: '0', due: '0', balance: '-90000000', payment: '0' });
    // 2023 beats every target: scores are capped at 1.
    expect(year(result.years, 2023).values).toMatchObject({ score: '1', due: '150000000', balance: '60000000' });
  });

  it('Xin’an P index: annual means of monthly samples, a censored one at half its limit; the rounds differ in k0 and amount', () => {
    const { terms, monitoring, result } = settleTemplate('xinan-p-index');
    const D = Decimal.clone({ precision: 64 });
    const mean = (values: readonly { value: string }[]) =>
      values
        .map((s) => (s.value.startsWith('<') ? new D(s.value.slice(1)).div(2) : new D(s.value)))
        .reduce((a, b) => a.plus(b), new D(0))
        .div(values.length);
    const P = (y: string) => {
      const m = monitoring[y]! as unknown as Record<string, { value: string }[]>;
      return new D('0.9').times(
        new D('0.25')
          .times(mean(m.codmn!).div('2.6'))
          .plus(new D('0.25').times(mean(m.nh3n!).div('0.12')))
          .plus(new D('0.25').times(mean(m.tp!).div('0.03')))
          .plus(new D('0.25').times(mean(m.tn!).div('1.2'))),
      );
    };
    expect(year(result.years, 2018).values.P).toBe(P('2018').toSignificantDigits(40).toString());
    expect(year(result.years, 2019).values.P).toBe(P('2019').toSignificantDigits(40).toString());
    expect(result.years.filter(isSettled).map((y) => y.payment)).toEqual(['200000000', '-200000000']);
    expect(Object.values(monitoring['2018']!).every((m) => Array.isArray(m) && m.length === 12)).toBe(true);
    const [trace] = traceSettlement(terms, monitoring);
    const behind = trace!.steps[0]!.samples!;
    expect(behind.map((s) => [s.indicator, s.aggregate, s.values.length])).toEqual([
      ['codmn', 'mean', 12],
      ['nh3n', 'mean', 12],
      ['tp', 'mean', 12],
      ['tn', 'mean', 12],
    ]);
    expect(behind[2]!.values.find((s) => s.value.startsWith('<'))).toEqual({ on: '2018-07-15', value: '<0.01', counted: '0.005' });
    // The first round: k0 0.85 and 100 million.
    const first = parseTerms({ ...terms, from: 2018, constants: { ...terms.constants, k0: '0.85', amount: '100000000' } });
    if (!first.ok) throw new Error(lines(first.problems));
    expect(year(settle(first.terms, monitoring).years, 2019).values.P).toBe(P('2019').div('0.9').times('0.85').toSignificantDigits(40).toString());
  });

  it('compliance rate: the share of monthly samples meeting Class III, every indicator against the target', () => {
    const { result } = settleTemplate('compliance-rate');
    expect(year(result.years, 2021).values).toMatchObject({ rate_codmn: '1', rate_nh3n: '1', rate_tp: '1', rate: '1', payment: '100000000' });
    // Ammonia nitrogen exceeds Class III in June and July: 10 of 12 is below 0.9.
    expect(year(result.years, 2022).values).toMatchObject({
      rate_codmn: '0.9166666666666666666666666666666666666667',
      rate_nh3n: '0.8333333333333333333333333333333333333333',
      rate_tp: '1',
      payment: '-100000000',
    });
    // July's permanganate index is exactly the limit 6, and meets it.
    expect(year(result.years, 2023).values).toMatchObject({ rate_codmn: '1', rate: '1', payment: '100000000' });
  });

  it('Miyun style: quantity, quality on monthly samples and conduct, each from its pot, with an advance', () => {
    const { result } = settleTemplate('miyun-score');
    // 2018: volume 5.5 → 0.75; quality (1 + 1 + 11/12) / 3; conduct 0.9.
    // 100 M · 0.75 + 150 M · 35/36 + 50 M · 0.9 = 75 M + 145 833 333.33 + 45 M; advance 0.6 · 300 M.
    expect(year(result.years, 2018).values).toMatchObject({ s_quantity: '0.75', s_conduct: '0.9', due: '265833333.33', advance: '180000000', balance: '85833333.33', payment: '265833333.33' });
    expect(year(result.years, 2019).values).toMatchObject({ s_quantity: '1', s_quality: '1', s_conduct: '0.96', due: '298000000', payment: '298000000' });
  });

  it('stepped rule: a sum per class worsened, halved when the incoming water was already polluted', () => {
    const { result } = settleTemplate('stepped-class');
    // The worst class of the annual means of three indicators at each section (gbclass, worstclass).
    expect([2021, 2022, 2023].map((y) => [year(result.years, y).values.class_in, year(result.years, y).values.class_out])).toEqual([
      ['2', '2'],
      ['2', '4'],
      ['4', '5'],
    ]);
    expect(year(result.years, 2021).payment).toBe('0');
    expect(year(result.years, 2022).values).toMatchObject({ worsened: '2', polluted_in: '0', payment: '-10000000' });
    expect(year(result.years, 2023).values).toMatchObject({ worsened: '1', polluted_in: '1', payment: '-2500000' });
    expect(result.total).toBe('-12500000');
  });

  it('Middle Route: the source area paid on the class at the intake, the four provinces sharing it by their allocation', () => {
    const { terms, result } = settleTemplate('middle-route');
    // 2021 is Class II at the intake; 2022 Class III by total phosphorus under the reservoirs' limit.
    expect([2021, 2022].map((y) => year(result.years, y).values.class)).toEqual(['2', '3']);
    expect(result.years.filter(isSettled).map((y) => y.payment)).toEqual(['500000000', '250000000']);
    const parties = terms.parties!;
    expect(parties.upstream.map((p) => p.nameZh)).toEqual(['十堰市']);
    expect(parties.downstream.map((p) => [p.nameZh, p.quantity])).toEqual([
      ['河南省', '37.7'],
      ['河北省', '34.7'],
      ['北京市', '12.4'],
      ['天津市', '10.2'],
    ]);
    expect(parties.quantityUnit).toBe('亿立方米');
    const allocation = parties.downstream.reduce((sum, p) => sum.plus(p.quantity!), new Decimal(0));
    expect(allocation.toString()).toBe('95');
    for (const settled of result.years.filter(isSettled)) {
      const split = splitByParties(settled.payment, parties);
      // The whole payment to Shiyan; the provinces' parts add up to it to the fen, each within a fen of its allocation's share.
      expect(split.upstream.map((p) => p.amount)).toEqual([new Decimal(settled.payment).toFixed(2)]);
      const parts = split.downstream.map((p) => new Decimal(p.amount));
      expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).eq(settled.payment), String(settled.year)).toBe(true);
      parties.downstream.forEach((p, i) => {
        const exact = new Decimal(settled.payment).times(p.quantity!).div(allocation);
        expect(parts[i]!.minus(exact).abs().lte('0.01'), p.id).toBe(true);
      });
      // Larger allocation, larger part.
      for (let i = 1; i < parts.length; i++) expect(parts[i - 1]!.gte(parts[i]!)).toBe(true);
    }
    // 500 000 000 · 37.7 / 95 = 198 421 052.631…: Henan 198 421 052.63; the two fen left over go to the largest remainders, Hebei's and Tianjin's.
    expect(splitByParties('500000000', parties).downstream.map((p) => p.amount)).toEqual(['198421052.63', '182631578.95', '65263157.89', '53684210.53']);
  });

  it('hands out fresh, localised copies', () => {
    const zh = templateTerms('two-way-quality-index', 'zh');
    expect(zh.name).toBe('水质指数双向补偿');
    zh.constants.k = '1';
    expect(findTemplate('two-way-quality-index')!.terms.constants.k).toBe('0.9');
    expect(templateTerms('score-based').name).toBe('Score-based rule with advance and balance');
    expect(parseTerms(zh).ok).toBe(true);
  });

  it('moves the dates of samples with their year', () => {
    const sample = templateSample('xinan-p-index', { from: 2024, to: 2030 });
    expect(Object.keys(sample)).toEqual(['2024', '2025']);
    const codmn = sample['2024']!.codmn as readonly Sample[];
    expect(codmn[0]!.on).toBe('2024-01-15');
    expect((findTemplate('xinan-p-index')!.sample.monitoring['2018']!.codmn as readonly Sample[])[0]!.on).toBe('2018-01-15');
    const terms = parseTerms(templateTerms('xinan-p-index', 'zh', { from: 2024, to: 2030, unit: 10000, currency: 'CNY' }));
    if (!terms.ok) throw new Error(lines(terms.problems));
    const monitoring = parseMonitoring(sample, terms.terms);
    if (!monitoring.ok) throw new Error(lines(monitoring.problems));
    expect(
      settle(terms.terms, monitoring.monitoring)
        .years.filter(isSettled)
        .map((y) => y.payment),
    ).toEqual(['20000', '-20000']);
  });

  it('takes the years, unit and currency of where it is used, and pays the same money in that unit', () => {
    const defaults = { from: 2014, to: 2050, unit: 10000, currency: 'CNY' };
    for (const template of TERMS_TEMPLATES) {
      const terms = templateTerms(template.id, 'zh', defaults);
      expect(terms).toMatchObject({ from: 2014, to: 2050, unit: 10000, currency: 'CNY' });
      const parsed = parseTerms(terms);
      expect(parsed.ok, template.id).toBe(true);
      const sample = templateSample(template.id, defaults);
      expect(Object.keys(sample).every((y) => Number(y) >= 2014 && Number(y) <= 2050)).toBe(true);
    }
    // 200 000 000 CNY is 20 000 × 10 000 CNY; the price rule divides its whole-currency amount by the unit.
    expect(templateTerms('two-way-quality-index', 'en', defaults).constants.amount).toBe('20000');
    const price = parseTerms(templateTerms('price-per-m3', 'en', defaults));
    if (!price.ok) throw new Error(lines(price.problems));
    const monitoring = parseMonitoring(templateSample('price-per-m3', defaults), price.terms);
    if (!monitoring.ok) throw new Error(lines(monitoring.problems));
    expect(year(settle(price.terms, monitoring.monitoring).years, 2014).values.payment).toBe('15200');
  });

  describe('the deal’s parties (decision 0112)', () => {
    const deal: PartiesSection = {
      upstream: [{ id: 'org-shiyan', name: 'Shiyan', nameZh: '十堰市' }],
      downstream: [
        { id: 'org-henan', name: 'Henan', nameZh: '河南省', quantity: '37.7' },
        { id: 'org-beijing', name: 'Beijing', nameZh: '北京市', quantity: '12.4' },
      ],
      quantityUnit: '亿立方米',
    };
    const defaults = { from: 2021, to: 2030, unit: 10000, currency: 'CNY' };

    it('every template drafted on a deal with parties carries the deal’s, a fresh copy, and parses', () => {
      for (const template of TERMS_TEMPLATES) {
        const terms = templateTerms(template.id, 'zh', { ...defaults, parties: deal });
        expect(terms.parties, template.id).toEqual(deal);
        expect(terms.parties).not.toBe(deal);
        const parsed = parseTerms(terms);
        expect(parsed.ok, template.id).toBe(true);
        if (parsed.ok) expect(parsed.terms.parties).toEqual(deal);
      }
      const terms = templateTerms('middle-route', 'zh', { ...defaults, parties: deal });
      terms.parties!.downstream[0]!.quantity = '1';
      expect(deal.downstream[0]!.quantity).toBe('37.7');
      expect(findTemplate('middle-route')!.terms.parties!.downstream[0]!.id).toBe('henan');
    });

    it('a deal that names none drafts none, not the template’s example parties; no deal known keeps them', () => {
      for (const template of TERMS_TEMPLATES) expect(templateTerms(template.id, 'zh', { ...defaults, parties: null }), template.id).not.toHaveProperty('parties');
      expect(templateTerms('middle-route', 'zh', defaults).parties).toEqual(findTemplate('middle-route')!.terms.parties);
      expect(templateTerms('middle-route', 'zh').parties).toEqual(findTemplate('middle-route')!.terms.parties);
      expect(templateTerms('xinan-p-index', 'zh', defaults)).not.toHaveProperty('parties');
    });

    it('draftParties: the deal’s over a draft’s own, none for a deal naming none, the own without a deal', () => {
      const own = findTemplate('middle-route')!.terms.parties!;
      expect(draftParties(own, { parties: deal })).toEqual(deal);
      expect(draftParties(undefined, { parties: deal })).toEqual(deal);
      expect(draftParties(own, { parties: null })).toBeUndefined();
      expect(draftParties(own, {})).toEqual(own);
      expect(draftParties(own)).not.toBe(own);
      expect(draftParties(undefined)).toBeUndefined();
    });
  });
});
