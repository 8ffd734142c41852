import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { templateTerms } from '@/lib/terms';
import { defaultShares } from './ledger';
import { assessMonitoring, cellRule, type MonitoringEntry } from './monitoring';
import { runSettlement, termsIndicators } from './fund-settlement';

const twoWay = templateTerms('two-way-quality-index', 'en');
let n = 0;
const entries = (year: number, values: Record<string, string>, side: MonitoringEntry['side'] = 'FUND'): MonitoringEntry[] =>
  Object.entries(values).map(([indicator, value]) => ({ id: `m${++n}`, year, indicator, value, side, enteredAt: new Date(n) }));
// Any one lab's result settles here: what the terms require of the labs is monitoring.test.ts's.
const anyLab = Object.fromEntries(Object.keys(twoWay.indicators).map((name) => [name, { ...cellRule(), labs: 'either' as const }]));
const cellsOf = (list: MonitoringEntry[]) => assessMonitoring({ years: [2018, 2019], indicators: Object.keys(twoWay.indicators), entries: list, resolutions: [], rules: anyLab });
const base = { terms: twoWay, startYear: 2018, endYear: 2020, scheduled: '200000000', shares: defaultShares, paid: {}, closed: true };

describe('running the terms for a year', () => {
  it('settles on the undisputed data, with the trace and the amount due to the fen', () => {
    const outcome = runSettlement({ ...base, year: 2018, cells: cellsOf(entries(2018, { codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' })) });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { run } = outcome;
    expect(run.payment).toBe('200000000');
    expect(run.netting).toMatchObject({ due: '200000000.00', direction: 'TO_UPSTREAM', balance: '200000000.00' });
    // P computed by hand: 0.9 × (0.25·2.31/2.6 + 0.25·0.10/0.12 + 0.25·1.05/1.2 + 0.25·0.026/0.03)
    const p = new Decimal(0.9).times(
      new Decimal('0.25')
        .times('2.31')
        .div('2.6')
        .plus(new Decimal('0.25').times('0.10').div('0.12'))
        .plus(new Decimal('0.25').times('1.05').div('1.2'))
        .plus(new Decimal('0.25').times('0.026').div('0.03')),
    );
    expect(run.formulas.P!.slice(0, 12)).toBe(p.toString().slice(0, 12));
    expect(run.trace.map((s) => s.name)).toEqual(['P', 'payment']);
    expect(run.trace[0]!.text).toMatch(/^P = 0\.9 \* \(0\.25 \* 2\.31 \/ 2\.6/);
  });

  it('gives the direction and nets advances: upstream pays when the index is above 1', () => {
    const outcome = runSettlement({ ...base, year: 2019, paid: { DOWNSTREAM: '50000000' }, cells: cellsOf(entries(2019, { codmn: '2.80', nh3n: '0.15', tn: '1.40', tp: '0.035' })) });
    expect(outcome).toMatchObject({ ok: true, run: { payment: '-200000000', netting: { due: '-200000000.00', direction: 'FROM_UPSTREAM', advances: '50000000.00', balance: '-250000000.00' } } });
  });

  it('lists every reason a year cannot settle: missing and disputed data, open year, years outside', () => {
    const list = [...entries(2019, { codmn: '2.80', nh3n: '0.15' }), ...entries(2019, { codmn: '2.95' }, 'UPSTREAM')];
    const outcome = runSettlement({ ...base, year: 2019, closed: false, cells: cellsOf(list) });
    expect(outcome).toMatchObject({
      ok: false,
      problems: [
        { field: 'year', message: '2019 is not over yet: a year is settled once it has closed' },
        { field: '2019.codmn', message: expect.stringContaining('Permanganate index (COD_Mn) for 2019 is disputed (upstream 2.95, fund 2.8') },
        { field: '2019.tn', message: 'no result for Total nitrogen (TN) in 2019: enter or import it first' },
        { field: '2019.tp', message: 'no result for Total phosphorus (TP) in 2019: enter or import it first' },
      ],
    });
    const outside = runSettlement({ ...base, year: 2021, endYear: 2021, cells: [] });
    expect(outside).toMatchObject({
      ok: false,
      problems: [{ field: 'year', message: '2021 is outside the years of the payment terms (2018–2020)' }, { field: '2021.codmn' }, { field: '2021.nh3n' }, { field: '2021.tn' }, { field: '2021.tp' }],
    });
  });

  it('converts the whole-currency schedule into the terms’ unit and the payment back', () => {
    const terms = { ...templateTerms('fixed-schedule'), unit: 1000, from: 2021, to: 2025 };
    const outcome = runSettlement({ ...base, terms, startYear: 2021, endYear: 2025, year: 2022, scheduled: '6000000000.005', cells: [] });
    expect(outcome).toMatchObject({ ok: true, run: { payment: '6000000.000005', unit: 1000, netting: { due: '6000000000.01' } } });
    expect(runSettlement({ ...base, terms, startYear: 2021, endYear: 2025, year: 2022, scheduled: null, cells: [] })).toMatchObject({ ok: false, problems: [{ field: 'scheduled' }] });
  });

  it('pays the schedule when the agreement has no terms', () => {
    const outcome = runSettlement({ ...base, terms: null, year: 2019, scheduled: '1234.565', cells: [] });
    expect(outcome).toMatchObject({ ok: true, run: { payment: '1234.565', netting: { due: '1234.57' }, trace: [{ text: 'payment = scheduled = 1234.565' }] } });
  });

  it('reports a formula that fails on the year’s data', () => {
    const terms = { ...twoWay, formulas: [{ name: 'payment', expr: 'amount / (codmn - 2)' }] };
    const list = entries(2018, { codmn: '2' });
    const outcome = runSettlement({ ...base, terms, year: 2018, cells: assessMonitoring({ years: [2018], indicators: ['codmn'], entries: list, resolutions: [], rules: anyLab }) });
    expect(outcome).toMatchObject({ ok: false, problems: [{ field: 'terms.payment', message: 'division by zero in formula "payment" for 2018' }] });
    expect(termsIndicators(terms).needed).toEqual(['codmn']);
  });
});
