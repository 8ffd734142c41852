import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { messageIn } from '@/lib/domain/engine-message';
import { parseTerms, type Problem } from './schema';

const lines = (problems: readonly Problem[]) => problems.map((p) => `${p.path}: ${messageIn(p, 'en')}`).join('\n');
import { isSettled, parseMonitoring, settle, traceSettlement, type SettledYear } from './settle';
import { TERMS_TEMPLATES, findTemplate, templateSample, templateTerms, type TemplateId } from './templates';

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
  it('offers five templates with Chinese and English names', () => {
    expect(TERMS_TEMPLATES.map((t) => t.id)).toEqual(['fixed-schedule', 'price-per-m3', 'two-way-quality-index', 'score-based', 'stepped-class']);
    for (const t of TERMS_TEMPLATES) {
      expect(t.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(t.name.en).toMatch(/^[A-Z]/);
      expect(t.summary.zh.length).toBeGreaterThan(10);
      expect(t.summary.en.length).toBeGreaterThan(10);
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

  it('stepped rule: a sum per class worsened, halved when the incoming water was already polluted', () => {
    const { result } = settleTemplate('stepped-class');
    expect(year(result.years, 2021).payment).toBe('0');
    expect(year(result.years, 2022).values).toMatchObject({ worsened: '2', polluted_in: '0', payment: '-10000000' });
    expect(year(result.years, 2023).values).toMatchObject({ worsened: '1', polluted_in: '1', payment: '-2500000' });
    expect(result.total).toBe('-12500000');
  });

  it('hands out fresh, localised copies', () => {
    const zh = templateTerms('two-way-quality-index', 'zh');
    expect(zh.name).toBe('水质指数双向补偿');
    zh.constants.k = '1';
    expect(findTemplate('two-way-quality-index')!.terms.constants.k).toBe('0.9');
    expect(templateTerms('score-based').name).toBe('Score-based rule with advance and balance');
    expect(parseTerms(zh).ok).toBe(true);
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
});
