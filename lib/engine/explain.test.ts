import { describe, expect, it } from 'vitest';
import { fromMessage, render } from '../domain/local-text';
import { english } from '../../tests/support/english';
import { computeScenario, toResultJson } from './compute';
import { EXPLAIN_FIELDS, explain, explainResult } from './explain';
import { miyunScenario, shiyanScenario } from './fixtures';

describe('explain', () => {
  const s = shiyanScenario();
  const r = computeScenario(s);
  const json = toResultJson(r);

  it('substitutes the paper figures into eq. 7', () => {
    const e = explain(s, 2011, 'internalEffect');
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    expect(english(e.substituted).startsWith('E_E(2011) = (2900860 − 713200)·0.15 + (2504694 − 524741)·0.2 + 21893·0.6 +')).toBe(true);
    const inputs = e.inputs.map((i) => ({ notation: i.notation, label: english(i.label), value: i.value, kind: i.kind }));
    expect(inputs).toContainEqual({ notation: 'α_C_f(2011)', label: 'internal-effect share α of Ecological construction and protection (ED)', value: '0.15', kind: 'share' });
    expect(inputs).toContainEqual({ notation: 'C_f', label: 'cost “Forest construction” (2011–2020)', value: '171729', kind: 'amount' });
  });

  it('gives the same value as the result for every year and field', () => {
    for (const s2 of [s, miyunScenario()]) {
      const r2 = computeScenario(s2);
      const j2 = toResultJson(r2);
      for (const y of j2.years) {
        for (const field of EXPLAIN_FIELDS) {
          const e = explainResult(s2, r2, y.year, field);
          expect(e.ok).toBe(true);
          if (!e.ok) continue;
          expect(english(e.formula).length).toBeGreaterThan(0);
          expect(english(e.substituted).length).toBeGreaterThan(0);
          // No English in a Chinese trace: words are codes, rendered with Chinese labels; the notation stays.
          const zh = [e.formula, e.substituted, ...e.inputs.map((i) => i.label)].map((m) => render(fromMessage(m), 'zh'));
          const words = zh.flatMap((line) => line.replace(/“[^”]*”/g, '').match(/[A-Za-z]{3,}/g) ?? []);
          expect(
            words.filter((w) => !/^(PES|GDP|null)$/.test(w)),
            `${field} ${y.year}: ${zh.join(' | ')}`,
          ).toEqual([]);
          const expected = field === 'backPayAnnuity' ? r2.years[y.year - r2.startYear]!.backPay.toString() : String(y[field]);
          expect(e.value, `${field} ${y.year}`).toBe(expected === '-0' ? '0' : expected);
        }
      }
    }
  });

  it('explains the back-pay annuity with eq. 8 in a catch-up year and 0 after', () => {
    const e = explain(s, 2014, 'backPayAnnuity');
    expect(e.ok && e.value).toBe(json.backPayAnnuity);
    expect(e.ok && english(e.substituted)).toContain('[0.03·1.03^7 / (1.03^7 − 1)] · (4856715.65·1.03^11 + ');
    const later = explain(s, 2021, 'backPayAnnuity');
    expect(later.ok && later.value).toBe('0');
    expect(later.ok && english(later.substituted)).toMatch(/^2021 is outside the catch-up years 2014–2020/);
    expect(later.ok && render(fromMessage(later.substituted), 'zh')).toMatch(/^2021 年不在追溯补偿年份 2014–2020 之内/);
    expect(e.ok && e.inputs.map((i) => `${i.notation} ${render(fromMessage(i.label), 'zh')}`)).toContain('i_s 贴现率');
  });

  it('explains payment, price and null upper bound', () => {
    const p = explain(s, 2005, 'payment');
    expect(p.ok && english(p.substituted)).toBe('payment(2005) = 0 (before paymentStartYear 2014)');
    expect(p.ok && render(fromMessage(p.substituted), 'zh')).toBe('支付额(2005) = 0（早于补偿起始年份 2014 年）');
    const price = explain(s, 2031, 'pricePerM3');
    expect(price.ok && english(price.substituted)).toMatch(/^price\(2031\) = 4396219\.05 · 1000 \/ 13000000000 = 0\.338/);
    const u = explain(s, 2031, 'upperBound');
    expect(u.ok && [u.value, english(u.substituted)]).toEqual(['null', 'U(2031) = null: no benefit is given for 2031']);
  });

  it('explains the upper bound and the Nash split (Miyun)', () => {
    const m = miyunScenario();
    const u = explain(m, 2020, 'upperBound');
    expect(u.ok && english(u.substituted)).toBe('U(2020) = 59000 − 2500 = 56500');
    const sp = explain(m, 2020, 'suggestedPayment');
    expect(sp.ok && english(sp.substituted)).toBe('S(2020) = 29150 + 0.5·(56500 − 29150) = 42825');
    const lb = explain(m, 2020, 'lowerBound');
    expect(lb.ok && english(lb.substituted)).toBe('A_PES(2020) = 24100 + 22400 − 4800 − 12550 = 29150');
    expect(lb.ok && [english(lb.formula), render(fromMessage(lb.formula), 'zh')]).toEqual([
      'A_PES(t) = C_D(t) + C_O(t) − I_N(t) − E_E(t)  (eq. 1)',
      'A_PES(t) = C_D(t) + C_O(t) − I_N(t) − E_E(t)（式 1）',
    ]);
  });

  it('returns an error result for an unknown field or a year outside the range', () => {
    const unknown = explain(s, 2011, 'price');
    expect(unknown).toMatchObject({ ok: false, field: 'price', year: 2011, error: { code: 'engine.trace.unknownField', params: { field: 'price' } } });
    expect(!unknown.ok && english(unknown.error)).toMatch(/^unknown field "price"/);
    const outside = explain(s, 2051, 'payment');
    expect(outside).toEqual({ ok: false, field: 'payment', year: 2051, error: { code: 'engine.trace.yearOutside', params: { year: 2051, first: 2003, last: 2050 } } });
    expect(!outside.ok && english(outside.error)).toBe("year 2051 is outside the scenario's years 2003..2050");
  });
});
