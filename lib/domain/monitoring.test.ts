import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedDifference,
  annualFigure,
  assessCell,
  assessMonitoring,
  canonicalValue,
  cellRule,
  comparisonOf,
  differBeyondTolerance,
  meanOf,
  mergeSamples,
  noTolerance,
  parseTolerance,
  resolvedValue,
  sampleMean,
  storedSamples,
  traceSampleLists,
  valuesForSettlement,
  type MonitoringEntry,
  type MonitoringSide,
  type Resolution,
} from './monitoring';

let counter = 0;
const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));
function entry(side: MonitoringSide, value: string, minute = 0, year = 2023, indicator = 'codmn'): MonitoringEntry {
  return { id: `e${++counter}`, year, indicator, value, side, enteredAt: at(minute) };
}
function resolution(basis: MonitoringEntry[], value: string, minute = 100, method: Resolution['method'] = 'AVERAGE'): Resolution {
  return { id: `r${++counter}`, year: basis[0]!.year, indicator: basis[0]!.indicator, method, basisValueIds: basis.map((e) => e.id), value, resolvedAt: at(minute) };
}

describe('tolerance', () => {
  it('allows the larger of the absolute difference and the relative percent difference of the mean', () => {
    expect(allowedDifference(noTolerance, '2.3', '2.4').toString()).toBe('0');
    expect(allowedDifference({ absolute: '0.05', relative: null }, '2.3', '2.4').toString()).toBe('0.05');
    // 10 % of the mean 2.35 = 0.235, more than 0.05
    expect(allowedDifference({ absolute: '0.05', relative: '0.1' }, '2.3', '2.4').toString()).toBe('0.235');
    expect(allowedDifference({ absolute: '0.5', relative: '0.1' }, '2.3', '2.4').toString()).toBe('0.5');
  });

  it('disputes only a difference strictly beyond the tolerance', () => {
    const t = { absolute: '0.1', relative: null };
    expect(differBeyondTolerance(t, '2.3', '2.4')).toBe(false);
    expect(differBeyondTolerance(t, '2.3', '2.4000001')).toBe(true);
    expect(differBeyondTolerance(noTolerance, '2.30', '2.3')).toBe(false);
    expect(differBeyondTolerance(noTolerance, '2.30', '2.31')).toBe(true);
  });

  it('is symmetric and never disputes equal results', () => {
    const dec = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => (n / 1000).toFixed(3));
    const tol = fc.record({
      absolute: fc.option(
        fc.integer({ min: 0, max: 1000 }).map((n) => (n / 100).toFixed(2)),
        { nil: null },
      ),
      relative: fc.option(
        fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(dec, dec, tol, (a, b, t) => {
        expect(differBeyondTolerance(t, a, b)).toBe(differBeyondTolerance(t, b, a));
        expect(differBeyondTolerance(t, a, a)).toBe(false);
      }),
    );
  });

  it('reads tolerances as entered and lists every problem', () => {
    expect(parseTolerance({ absolute: '0.05', relative: '' })).toEqual({ ok: true, tolerance: { absolute: '0.05', relative: null } });
    expect(parseTolerance({ absolute: 'abc', relative: '1.5' })).toMatchObject({
      ok: false,
      problems: [
        { field: 'absolute', message: '"abc" is not a decimal number' },
        { field: 'relative', message: expect.stringContaining('at most 1') },
      ],
    });
    expect(parseTolerance({ absolute: '-1' })).toMatchObject({ ok: false, problems: [{ field: 'absolute', message: 'must not be negative' }] });
  });
});

describe('a cell of monitoring results', () => {
  it('is missing without results, incomplete while a lab the terms require has not reported, single where one is enough', () => {
    expect(assessCell(2023, 'codmn', [], [])).toMatchObject({ state: 'missing', value: null, missingLabs: [] });
    // By default both parties' labs must report: the side that is paid cannot settle a year alone.
    expect(assessCell(2023, 'codmn', [entry('UPSTREAM', '2.310')], [])).toMatchObject({ state: 'incomplete', value: null, missingLabs: ['downstream'] });
    expect(assessCell(2023, 'codmn', [entry('FUND', '2.310')], [])).toMatchObject({ state: 'incomplete', missingLabs: ['upstream', 'downstream'] });
    const either = { ...cellRule(), labs: 'either' as const };
    expect(assessCell(2023, 'codmn', [entry('FUND', '2.310')], [], either)).toMatchObject({ state: 'single', value: '2.31' });
    expect(assessCell(2023, 'codmn', [entry('DOWNSTREAM', '2.3')], [], { ...cellRule(), labs: 'upstream' })).toMatchObject({ state: 'incomplete', missingLabs: ['upstream'] });
  });

  it('lets the fund close an incomplete cell by a resolution of exactly its current results', () => {
    const up = entry('UPSTREAM', '2.3', 1);
    const retest = resolution([up], '2.5', 100, 'RETEST');
    expect(assessCell(2023, 'codmn', [up], [retest])).toMatchObject({ state: 'resolved', value: '2.5' });
    const cell = assessCell(2023, 'codmn', [up], []);
    expect(resolvedValue(cell, { method: 'AVERAGE' })).toMatchObject({ ok: false });
    expect(resolvedValue(cell, { method: 'ACCEPT', valueId: up.id })).toEqual({ ok: true, value: '2.3', samples: null });
  });

  it('counts a censored result by the terms’ detection-limit rule', () => {
    const up = entry('UPSTREAM', '<0.02');
    const down = entry('DOWNSTREAM', '0.012');
    const rule = (belowLimit: 'limit' | 'half' | 'zero') => ({ ...cellRule({ absolute: '0.002', relative: null }), belowLimit });
    expect(assessCell(2023, 'tp', [up, down], [], rule('half'))).toMatchObject({ state: 'agreed', value: '0.011' });
    expect(assessCell(2023, 'tp', [up, down], [], rule('limit'))).toMatchObject({ state: 'disputed', spread: '0.008' });
    expect(assessCell(2023, 'tp', [up, down], [], rule('zero'))).toMatchObject({ state: 'disputed', spread: '0.012' });
    expect(assessCell(2023, 'tp', [up, down], [], rule('half')).current.map((e) => e.value)).toEqual(['<0.02', '0.012']);
  });

  it('uses the newest result of each side; earlier ones are superseded, not lost', () => {
    const old = entry('UPSTREAM', '2.9', 1);
    const corrected = entry('UPSTREAM', '2.4', 5);
    const cell = assessCell(2023, 'codmn', [corrected, old, entry('DOWNSTREAM', '2.4', 2)], []);
    expect(cell.current.map((e) => e.id)).toContain(corrected.id);
    expect(cell.superseded.map((e) => e.id)).toEqual([old.id]);
    expect(cell).toMatchObject({ state: 'agreed', value: '2.4', spread: '0' });
  });

  it('agrees within tolerance (the mean is used) and disputes beyond it', () => {
    const up = entry('UPSTREAM', '2.30');
    const down = entry('DOWNSTREAM', '2.40');
    expect(assessCell(2023, 'codmn', [up, down], [], cellRule({ absolute: '0.1', relative: null }))).toMatchObject({ state: 'agreed', value: '2.35', spread: '0.1', allowed: '0.1' });
    expect(assessCell(2023, 'codmn', [up, down], [], cellRule({ absolute: '0.05', relative: null }))).toMatchObject({ state: 'disputed', value: null, spread: '0.1', allowed: '0.05' });
  });

  it('checks every pair of three sides against a relative tolerance', () => {
    // 0.010 and 0.0115 differ by 14 % of their mean; the other pairs by less than 10 %.
    const cells = [entry('UPSTREAM', '0.010'), entry('DOWNSTREAM', '0.011'), entry('FUND', '0.0115')];
    expect(assessCell(2023, 'tp', cells, [], cellRule({ absolute: null, relative: '0.2' })).state).toBe('agreed');
    expect(assessCell(2023, 'tp', cells, [], cellRule({ absolute: null, relative: '0.1' })).state).toBe('disputed');
  });

  it('is resolved by a resolution of exactly its current results, and reopened by a new result', () => {
    const up = entry('UPSTREAM', '2.3', 1);
    const down = entry('DOWNSTREAM', '2.9', 2);
    const resolved = resolution([up, down], '2.6');
    expect(assessCell(2023, 'codmn', [up, down], [resolved])).toMatchObject({ state: 'resolved', value: '2.6', resolution: { id: resolved.id } });
    const again = entry('DOWNSTREAM', '3.1', 200);
    expect(assessCell(2023, 'codmn', [up, down, again], [resolved])).toMatchObject({ state: 'disputed', resolution: null });
    // The later of two applying resolutions counts.
    const later = resolution([up, down], '2.3', 300, 'ACCEPT');
    expect(assessCell(2023, 'codmn', [up, down], [later, resolved]).value).toBe('2.3');
  });

  it('lists cells of every year and indicator, and extra cells that have results', () => {
    const cells = assessMonitoring({ years: [2022, 2023], indicators: ['codmn', 'tp'], entries: [entry('FUND', '1', 0, 2023, 'xyz')], resolutions: [], rules: {} });
    expect(cells.map((c) => `${c.year}.${c.indicator}.${c.state}`)).toEqual(['2022.codmn.missing', '2022.tp.missing', '2023.codmn.missing', '2023.tp.missing', '2023.xyz.incomplete']);
  });
});

describe('values for a settlement', () => {
  it('gives every needed undisputed value, and lists every missing or disputed one', () => {
    const entries = [entry('UPSTREAM', '2.3', 0, 2023, 'codmn'), entry('DOWNSTREAM', '2.9', 0, 2023, 'codmn'), entry('FUND', '0.1', 0, 2023, 'nh3n'), entry('UPSTREAM', '5', 0, 2023, 'tn')];
    const cells = assessMonitoring({ years: [2023], indicators: ['codmn', 'nh3n', 'tp', 'tn'], entries, resolutions: [], rules: { nh3n: { ...cellRule(), labs: 'fund' } } });
    const outcome = valuesForSettlement(cells, 2023, ['codmn', 'nh3n', 'tp', 'tn']);
    expect(outcome).toMatchObject({
      ok: false,
      problems: [
        { field: '2023.codmn', message: 'Permanganate index (COD_Mn) for 2023 is disputed (upstream 2.3, downstream 2.9; they differ by 0.6, the tolerance allows 0): resolve it first' },
        { field: '2023.tp', message: 'no result for Total phosphorus (TP) in 2023: enter or import it first' },
        { field: '2023.tn', message: expect.stringMatching(/^Total nitrogen .* in 2023: no result yet from the downstream lab, which the terms require before the year can settle$/) },
      ],
    });
    expect(valuesForSettlement(cells, 2023, ['nh3n'])).toEqual({ ok: true, values: { nh3n: '0.1' }, measurements: { nh3n: '0.1' } });
  });
});

describe('resolving a dispute', () => {
  const up = entry('UPSTREAM', '2.3');
  const down = entry('DOWNSTREAM', '2.8');
  const disputed = assessCell(2023, 'codmn', [up, down], []);

  it('accepts one current result, averages them, or records a re-test', () => {
    expect(resolvedValue(disputed, { method: 'ACCEPT', valueId: down.id })).toEqual({ ok: true, value: '2.8', samples: null });
    expect(resolvedValue(disputed, { method: 'AVERAGE' })).toEqual({ ok: true, value: '2.55', samples: null });
    expect(resolvedValue(disputed, { method: 'RETEST', value: '2.610' })).toEqual({ ok: true, value: '2.61', samples: null });
  });

  it('refuses a result that is not current, a bad re-test value, and a cell that is not disputed', () => {
    expect(resolvedValue(disputed, { method: 'ACCEPT', valueId: 'elsewhere' })).toMatchObject({ ok: false });
    expect(resolvedValue(disputed, { method: 'RETEST', value: '2,6' })).toMatchObject({ ok: false, message: 'the re-test result "2,6" is not a decimal number' });
    const agreed = assessCell(2023, 'codmn', [up, entry('DOWNSTREAM', '2.30')], []);
    expect(resolvedValue(agreed, { method: 'AVERAGE' })).toMatchObject({ ok: false, message: 'Permanganate index (COD_Mn) for 2023 is not disputed: the results agree within the tolerance' });
    const single = assessCell(2023, 'codmn', [up], [], { ...cellRule(), labs: 'upstream' });
    expect(resolvedValue(single, { method: 'RETEST', value: '2.4' })).toMatchObject({ ok: false, message: 'Permanganate index (COD_Mn) for 2023 is not disputed: only one side has entered a result' });
  });

  it('averages exactly, whatever the number of sides', () => {
    expect(meanOf(['1', '2', '2'])).toBe('1.666666666666666666666666666666666666667');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 3 }), (ns) => {
        const values = ns.map((n) => (n / 1000).toString());
        const mean = meanOf(values);
        const min = Math.min(...ns) / 1000;
        const max = Math.max(...ns) / 1000;
        expect(Number(mean)).toBeGreaterThanOrEqual(min);
        expect(Number(mean)).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('keeps values canonical', () => {
    expect(canonicalValue('2.3100')).toBe('2.31');
    expect(canonicalValue('-0')).toBe('0');
  });
});

describe('dated samples (decision 0097)', () => {
  // The stored value of an entry of samples is their mean as entered; the cell judges by the samples.
  const sampled = (side: MonitoringSide, samples: [string, string][], minute = 0): MonitoringEntry => ({
    ...entry(side, '0', minute),
    samples: samples.map(([on, value]) => ({ on, value })),
  });
  const rule = (tolerance = { absolute: '0.2', relative: null }, extra: Partial<ReturnType<typeof cellRule>> = {}) => ({ ...cellRule(tolerance), ...extra });

  it('reads stored samples defensively and the comparison a rule asks for', () => {
    expect(storedSamples([{ on: '2023-01-15', value: '2.1' }])).toEqual([{ on: '2023-01-15', value: '2.1' }]);
    expect(storedSamples(null)).toBeNull();
    expect(storedSamples([])).toBeNull();
    expect(storedSamples([{ on: '2023-01-15', value: 2.1 }])).toBeNull();
    expect(comparisonOf({ compare: 'sample' })).toBe('sample');
    expect(comparisonOf({ compare: 'weekly' })).toBe('aggregate');
    expect(comparisonOf(undefined)).toBe('aggregate');
  });

  it('takes a lab’s annual figure as the mean of its counted samples, a censored one by the detection-limit rule', () => {
    const samples = [
      { on: '2023-01-15', value: '2' },
      { on: '2023-02-15', value: '<0.5' },
      { on: '2023-03-15', value: '3' },
    ];
    expect(sampleMean(samples, { belowLimit: 'limit' })).toBe('1.833333333333333333333333333333333333333');
    expect(sampleMean(samples, { belowLimit: 'half' })).toBe('1.75');
    expect(sampleMean(samples, { belowLimit: 'zero' })).toBe('1.666666666666666666666666666666666666667');
    expect(annualFigure({ value: '<0.5', samples: null }, { belowLimit: 'half' })).toBe('0.25');
  });

  it('settles a single lab on its samples as written, and its figure on their mean', () => {
    const up = sampled('UPSTREAM', [
      ['2023-02-15', '<0.02'],
      ['2023-01-15', '2.2'],
    ]);
    const cell = assessCell(2023, 'codmn', [up], [], rule(undefined, { labs: 'upstream', belowLimit: 'half' }));
    expect(cell).toMatchObject({ state: 'single', value: '1.105', compared: null });
    expect(cell.measurement).toEqual([
      { on: '2023-01-15', value: '2.2' },
      { on: '2023-02-15', value: '<0.02' },
    ]);
  });

  it('compares two labs on their annual means by default: within the tolerance they agree, and the samples merge per date', () => {
    const up = sampled('UPSTREAM', [
      ['2023-01-15', '2.0'],
      ['2023-02-15', '3.0'],
      ['2023-03-15', '<0.1'],
    ]);
    // A month 1.0 apart, but the means (1.7 and 1.8) within 0.2.
    const down = sampled('DOWNSTREAM', [
      ['2023-01-15', '3.0'],
      ['2023-02-15', '2.3'],
      ['2023-03-15', '<0.1'],
    ]);
    const cell = assessCell(2023, 'codmn', [up, down], [], rule());
    expect(cell).toMatchObject({ state: 'agreed', compared: 'aggregate', spread: '0.1', allowed: '0.2', differing: [] });
    expect(cell.measurement).toEqual([
      { on: '2023-01-15', value: '2.5' },
      { on: '2023-02-15', value: '2.65' },
      // Both labs below the same limit: it stays censored, for the terms to count by their rule.
      { on: '2023-03-15', value: '<0.1' },
    ]);
    expect(cell.value).toBe('1.75');
  });

  it('disputes annual means beyond the tolerance, and names the labs by their means and sample counts', () => {
    const up = sampled('UPSTREAM', [
      ['2023-01-15', '2.0'],
      ['2023-02-15', '2.2'],
    ]);
    up.value = '2.1';
    const down = sampled('DOWNSTREAM', [['2023-01-20', '2.6']]);
    down.value = '2.6';
    const cells = [assessCell(2023, 'codmn', [up, down], [], rule())];
    expect(cells[0]).toMatchObject({ state: 'disputed', compared: 'aggregate', spread: '0.5', allowed: '0.2', value: null, measurement: null });
    expect(valuesForSettlement(cells, 2023, ['codmn'])).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining('upstream 2.1 (mean of 2 samples), downstream 2.6 (mean of 1 sample); they differ by 0.5, the tolerance allows 0.2') }],
    });
  });

  it('compares per sample date when the rule says so: the dates both labs sampled decide, and the problem names them', () => {
    const up = sampled('UPSTREAM', [
      ['2023-01-15', '2.0'],
      ['2023-02-15', '3.0'],
      ['2023-04-15', '9'],
    ]);
    const down = sampled('DOWNSTREAM', [
      ['2023-01-15', '2.1'],
      ['2023-02-15', '2.5'],
      ['2023-03-15', '1'],
    ]);
    const cell = assessCell(2023, 'codmn', [up, down], [], rule(undefined, { compare: 'sample' }));
    expect(cell).toMatchObject({ state: 'disputed', compared: 'sample', spread: '0.5', allowed: '0.2', differing: [{ on: '2023-02-15', spread: '0.5', allowed: '0.2' }] });
    expect(valuesForSettlement([cell], 2023, ['codmn'])).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('samples of 2023-02-15 differ beyond the tolerance') }] });

    // Within the tolerance on every shared date: agreed, though the annual means differ widely.
    const close = sampled('DOWNSTREAM', [
      ['2023-01-15', '2.1'],
      ['2023-02-15', '2.9'],
    ]);
    const agreed = assessCell(2023, 'codmn', [up, close], [], rule(undefined, { compare: 'sample' }));
    expect(agreed).toMatchObject({ state: 'agreed', compared: 'sample', differing: [] });
    expect(agreed.measurement).toEqual([
      { on: '2023-01-15', value: '2.05' },
      { on: '2023-02-15', value: '2.95' },
      { on: '2023-04-15', value: '9' },
    ]);

    // No date in common: the annual figures are compared.
    const apart = sampled('DOWNSTREAM', [['2023-06-15', '4.6']]);
    expect(assessCell(2023, 'codmn', [up, apart], [], rule(undefined, { compare: 'sample' }))).toMatchObject({ state: 'agreed', compared: 'aggregate' });
  });

  it('agrees a lab’s one value with another’s samples on the annual figure, and settles on the samples', () => {
    const up = entry('UPSTREAM', '2.5');
    const down = sampled('DOWNSTREAM', [
      ['2023-01-15', '2.4'],
      ['2023-02-15', '2.6'],
    ]);
    const cell = assessCell(2023, 'codmn', [up, down], [], rule());
    expect(cell).toMatchObject({ state: 'agreed', value: '2.5', compared: 'aggregate' });
    expect(cell.measurement).toEqual(down.samples);
  });

  it('resolves a dispute of samples: the accepted lab’s samples, the labs’ mean per date, or a re-test’s one value', () => {
    const up = sampled('UPSTREAM', [
      ['2023-01-15', '2.0'],
      ['2023-02-15', '<0.4'],
    ]);
    const down = sampled('DOWNSTREAM', [
      ['2023-01-15', '3.0'],
      ['2023-03-15', '3.2'],
    ]);
    const r = rule(undefined, { belowLimit: 'half' });
    const disputed = assessCell(2023, 'codmn', [up, down], [], r);
    expect(disputed.state).toBe('disputed');
    expect(resolvedValue(disputed, { method: 'ACCEPT', valueId: up.id }, r)).toEqual({ ok: true, value: '1.1', samples: up.samples });
    const averaged = resolvedValue(disputed, { method: 'AVERAGE' }, r);
    // (2.5 + 0.2 + 3.2) / 3: the censored date counts as half its limit.
    expect(averaged).toEqual({
      ok: true,
      value: '1.966666666666666666666666666666666666667',
      samples: [
        { on: '2023-01-15', value: '2.5' },
        { on: '2023-02-15', value: '<0.4' },
        { on: '2023-03-15', value: '3.2' },
      ],
    });
    expect(resolvedValue(disputed, { method: 'RETEST', value: '2.7' }, r)).toEqual({ ok: true, value: '2.7', samples: null });

    // A recorded resolution with samples settles on them.
    const recorded: Resolution = { ...resolution([up, down], averaged.ok ? averaged.value : '', 100, 'AVERAGE'), samples: averaged.ok ? averaged.samples : null };
    const resolved = assessCell(2023, 'codmn', [up, down], [recorded], r);
    expect(resolved).toMatchObject({ state: 'resolved', value: '1.966666666666666666666666666666666666667' });
    expect(resolved.measurement).toEqual(recorded.samples);
    expect(valuesForSettlement([resolved], 2023, ['codmn'])).toEqual({ ok: true, values: { codmn: '1.966666666666666666666666666666666666667' }, measurements: { codmn: recorded.samples } });
  });

  it('averages a lab’s one value and another’s samples as their annual figures, one value', () => {
    const up = entry('UPSTREAM', '2');
    const down = sampled('DOWNSTREAM', [
      ['2023-01-15', '3'],
      ['2023-02-15', '4'],
    ]);
    const disputed = assessCell(2023, 'codmn', [up, down], [], rule());
    expect(resolvedValue(disputed, { method: 'AVERAGE' })).toEqual({ ok: true, value: '2.75', samples: null });
  });

  it('merges samples per date: one lab’s date as written, equal results as written, different ones by their counted mean', () => {
    const merged = mergeSamples(
      [
        [
          { on: '2023-02-01', value: '<0.1' },
          { on: '2023-01-01', value: '1' },
        ],
        [
          { on: '2023-02-01', value: '0.3' },
          { on: '2023-03-01', value: '<0.2' },
        ],
      ],
      { belowLimit: 'zero' },
    );
    expect(merged).toEqual([
      { on: '2023-01-01', value: '1' },
      { on: '2023-02-01', value: '0.15' },
      { on: '2023-03-01', value: '<0.2' },
    ]);
  });
});

describe('the samples behind a trace step', () => {
  it('reads the terms’ trace of an aggregate: its indicator, value, condition and each sample with what it counted as', () => {
    const step = [
      {
        indicator: 'tp',
        aggregate: 'share',
        condition: { op: '<=', bound: '0.05' },
        value: '0.5',
        values: [
          { on: '2023-01-15', value: '<0.02', counted: '0.01', meets: true },
          { on: '2023-02-15', value: '0.06', counted: '0.06', meets: false },
        ],
      },
    ];
    expect(traceSampleLists(step)).toEqual([
      {
        indicator: 'tp',
        aggregate: 'share',
        value: '0.5',
        condition: { op: '<=', bound: '0.05' },
        samples: [
          { on: '2023-01-15', value: '<0.02', counted: '0.01', meets: true },
          { on: '2023-02-15', value: '0.06', counted: '0.06', meets: false },
        ],
      },
    ]);
  });

  it('reads a bare list or lists by indicator too, and nothing from a step without samples or with malformed ones', () => {
    const list = [{ on: '2023-01-15', value: '2.1' }];
    const read = [{ on: '2023-01-15', value: '2.1', counted: null, meets: null }];
    expect(traceSampleLists(list)).toEqual([{ indicator: null, aggregate: null, value: null, condition: null, samples: read }]);
    expect(traceSampleLists({ codmn: list, tp: [] })).toEqual([{ indicator: 'codmn', aggregate: null, value: null, condition: null, samples: read }]);
    expect(traceSampleLists(undefined)).toEqual([]);
    expect(traceSampleLists([{ on: '2023-01-15' }])).toEqual([]);
    expect(traceSampleLists([{ indicator: 'tp', values: [{ on: 1 }] }])).toEqual([]);
    expect(traceSampleLists('2.1')).toEqual([]);
  });
});
