import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avoidedCostTimesVolume, priceTimesVolume, type PerM3Outcome } from './calculators';
import { D } from './decimal';

function ok<T>(outcome: PerM3Outcome<T>) {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.result;
}

describe('priceTimesVolume', () => {
  it('price per m³ · volume per year, divided by unit, with a note naming the inputs', () => {
    const r = ok(priceTimesVolume({ unit: 1000, pricePerM3: { '2014-2030': '0.9', '2031-2050': '1.2' }, volume: { '2014-2030': '9500000000', '2031-2050': '13000000000' } }));
    // 0.9 · 9.5e9 / 1000 = 8 550 000; 1.2 · 1.3e10 / 1000 = 15 600 000
    expect(r.values).toEqual({ '2014-2030': '8550000', '2031-2050': '15600000' });
    expect(r.calculator).toBe('priceTimesVolume');
    expect(r.inputs.pricePerM3).toEqual({ '2014-2030': '0.9', '2031-2050': '1.2' });
    expect(r.note).toEqual({ code: 'engine.calc.priceTimesVolumeNote', params: { unit: 1000, runs: '2014-2030: 0.9 × 9500000000; 2031-2050: 1.2 × 13000000000' } });
  });

  it('a year with only one factor counts the other as 0 and says so in the note', () => {
    const r = ok(priceTimesVolume({ pricePerM3: { '2014': '2' }, volume: { '2014-2015': '10' } }));
    expect(r.values).toEqual({ '2014': '20', '2015': '0' });
    expect(r.note.params.runs).toBe('2014: 2 × 10; 2015: 0 × 10');
  });

  it('refuses bad inputs with field paths', () => {
    expect(priceTimesVolume({ pricePerM3: { '2014': 'x' }, volume: {} })).toEqual({ ok: false, problems: [{ path: 'pricePerM3["2014"]', code: 'engine.notANumber', params: {} }] });
    expect(priceTimesVolume({ pricePerM3: {} })).toMatchObject({ ok: false, problems: [{ path: 'volume' }] });
  });

  const decimal = fc.integer({ min: 0, max: 10_000_000 }).map((n) => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, '0')}`);
  it('property: each year is exactly rate · volume / unit, in decimal (no float)', () => {
    fc.assert(
      fc.property(decimal, decimal, fc.constantFrom(1, 1000, 10000), (price, volume, unit) => {
        const r = ok(priceTimesVolume({ unit, pricePerM3: { '2020': price }, volume: { '2020': volume } }));
        expect(r.yearly[2020]!.eq(new D(price).times(volume).div(unit))).toBe(true);
      }),
    );
  });

  it('property: doubling the volume doubles every year', () => {
    fc.assert(
      fc.property(decimal, decimal, (price, volume) => {
        const once = ok(priceTimesVolume({ pricePerM3: { '2020-2022': price }, volume: { '2020-2022': volume } }));
        const twice = ok(priceTimesVolume({ pricePerM3: { '2020-2022': price }, volume: { '2020-2022': new D(volume).times(2).toString() } }));
        for (const y of [2020, 2021, 2022]) expect(twice.yearly[y]!.eq(once.yearly[y]!.times(2))).toBe(true);
      }),
    );
  });
});

describe('avoidedCostTimesVolume', () => {
  it('avoided cost per m³ · volume, with its own note', () => {
    const r = ok(avoidedCostTimesVolume({ unit: 10000, avoidedCostPerM3: { '2014-2050': '0.35' }, volume: { '2014-2050': '9500000000' } }));
    expect(r.values).toEqual({ '2014-2050': '332500' });
    expect(r.note.code).toBe('engine.calc.avoidedCostTimesVolumeNote');
    expect(r.steps[0]!.substituted).toEqual({ code: 'engine.trace.math', params: { math: '(0.35·9500000000 = 3325000000) / 10000 = 332500' } });
  });

  it('refuses an unknown field', () => {
    expect(avoidedCostTimesVolume({ avoidedCostPerM3: {}, volume: {}, price: {} })).toMatchObject({ ok: false, problems: [{ path: 'price' }] });
  });
});
