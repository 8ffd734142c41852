import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, GROUPS } from './categories';
import { D, ZERO, type Dec } from './decimal';
import { groupSubtotals, listTotals } from './span-totals';
import {
  MAX_YEAR_COLUMNS,
  fillRight,
  periodSpans,
  sameValues,
  setSpan,
  splitRange,
  spanAverage,
  spanValue,
  splitSpanIntoYears,
  tidyValues,
  yearRuns,
  yearSpans,
  yearValue,
  type ValuesText,
} from './spans';
import { parseYearKey, toYearMap, type YearRange } from './years';

const START = 2000;
const END = 2015;

/** Few distinct values, some written two ways, so that neighbours often hold equal values. */
const text = fc.constantFrom('1', '1.5', '1.50', '2', '0', '10.25');

/** Consecutive periods over START..END. */
const periodsArb: fc.Arbitrary<YearRange[]> = fc.uniqueArray(fc.integer({ min: START + 1, max: END }), { maxLength: 4 }).map((cuts) => {
  const edges = [START, ...[...cuts].sort((a, b) => a - b), END + 1];
  return edges.slice(1).map((end, i) => ({ from: edges[i]!, to: end - 1 }));
});

/** A values map of consecutive segments (each a value or a gap) cut at `within`'s edges when given. */
function valuesArb(within?: readonly YearRange[]): fc.Arbitrary<ValuesText> {
  return fc.array(fc.record({ len: fc.integer({ min: 1, max: 5 }), value: fc.option(text, { nil: undefined }) }), { minLength: 1, maxLength: 12 }).map((segments) => {
    const out: ValuesText = {};
    let y = START;
    for (const s of segments) {
      if (y > END) break;
      const edge = within?.find((p) => p.from <= y && y <= p.to)?.to ?? END;
      const to = Math.min(y + s.len - 1, edge);
      if (s.value !== undefined) out[y === to ? String(y) : `${y}-${to}`] = s.value;
      y = to + 1;
    }
    return out;
  });
}

const spanArb = fc.tuple(fc.integer({ min: START - 2, max: END + 2 }), fc.integer({ min: 0, max: 8 })).map(([from, len]) => ({ from, to: from + len }));

/** Year → value of a map, compared as decimals. */
const yearly = (values: ValuesText) => new Map([...toYearMap(values)].map(([y, v]) => [y, v.toString()]));

describe('writing a span', () => {
  it('gives every year of the span the value and leaves every other year as it was', () => {
    fc.assert(
      fc.property(valuesArb(), spanArb, text, fc.option(periodsArb, { nil: undefined }), (values, { from, to }, value, periods) => {
        const before = yearly(values);
        const after = yearly(setSpan(values, from, to, value, periods));
        for (let y = START - 2; y <= END + 10; y++) {
          const expected = y >= from && y <= to ? new D(value).toString() : before.get(y);
          expect(after.get(y)).toBe(expected);
        }
      }),
    );
  });

  it('removes the span’s years on a blank text, and reads back what it wrote', () => {
    fc.assert(
      fc.property(valuesArb(), spanArb, text, (values, { from, to }, value) => {
        const cleared = setSpan(values, from, to, '  ');
        expect(spanValue(cleared, from, to)).toEqual({ kind: 'empty' });
        const written = spanValue(setSpan(values, from, to, ` ${value} `), from, to);
        expect(written).toEqual({ kind: 'uniform', value });
      }),
    );
  });

  // Not "in year order": JavaScript lists a single-year key ("2006") before range keys whatever the insertion order.
  it('writes keys that never overlap', () => {
    fc.assert(
      fc.property(valuesArb(), spanArb, text, periodsArb, (values, { from, to }, value, periods) => {
        const ranges = Object.keys(setSpan(values, from, to, value, periods))
          .map((k) => parseYearKey(k) as YearRange)
          .sort((a, b) => a.from - b.from);
        ranges.slice(1).forEach((r, i) => expect(r.from).toBeGreaterThan(ranges[i]!.to));
      }),
    );
  });
});

describe('splitting and merging', () => {
  it('splits a span into single years without changing any year’s value', () => {
    fc.assert(
      fc.property(valuesArb(), spanArb, (values, { from, to }) => {
        const split = splitSpanIntoYears(values, from, to);
        expect(yearly(split)).toEqual(yearly(values));
        for (const key of Object.keys(split)) {
          const r = parseYearKey(key);
          if (r.ok && r.to >= from && r.from <= to) expect(r.from).toBe(r.to);
        }
      }),
    );
  });

  it('merges equal neighbours within a period, never across, without changing any year’s value', () => {
    fc.assert(
      fc.property(
        periodsArb.chain((periods) => fc.tuple(fc.constant(periods), valuesArb())),
        ([periods, values]) => {
          const tidy = tidyValues(values, periods);
          expect(yearly(tidy)).toEqual(yearly(values));
          expect(tidyValues(tidy, periods)).toEqual(tidy);
          const runs = Object.entries(tidy).map(([k, v]) => ({ ...(parseYearKey(k) as YearRange), value: new D(v) }));
          runs.slice(1).forEach((r, i) => {
            const prev = runs[i]!;
            const samePeriod = periods.some((p) => p.from <= prev.from && r.to <= p.to);
            if (prev.to + 1 === r.from && samePeriod) expect(prev.value.eq(r.value)).toBe(false);
          });
        },
      ),
    );
  });

  it('keeps keys that lie within periods within them', () => {
    fc.assert(
      fc.property(
        periodsArb.chain((periods) => fc.tuple(fc.constant(periods), valuesArb(periods))),
        ([periods, values]) => {
          for (const key of Object.keys(tidyValues(values, periods))) {
            const r = parseYearKey(key) as YearRange;
            expect(periods.some((p) => p.from <= r.from && r.to <= p.to)).toBe(true);
          }
        },
      ),
    );
  });

  it('round-trips: a period split into years and tidied again is the tidy map it was', () => {
    fc.assert(
      fc.property(
        periodsArb.chain((periods) => fc.tuple(fc.constant(periods), valuesArb(periods), fc.nat())),
        ([periods, values, pick]) => {
          const tidy = tidyValues(values, periods);
          const period = periods[pick % periods.length]!;
          expect(tidyValues(splitSpanIntoYears(tidy, period.from, period.to), periods)).toEqual(tidy);
          // Writing a year and writing its old value back leaves the map as it was.
          const year = period.from;
          const old = yearValue(tidy, year);
          const edited = setSpan(tidy, year, year, '99', periods);
          expect(setSpan(edited, year, year, old ?? '', periods)).toEqual(tidy);
        },
      ),
    );
  });
});

describe('reading a span', () => {
  it('averages the span’s years with missing years as 0', () => {
    fc.assert(
      fc.property(valuesArb(), spanArb, (values, { from, to }) => {
        const byYear = toYearMap(values);
        let total: Dec = ZERO;
        for (let y = from; y <= to; y++) total = total.plus(byYear.get(y) ?? ZERO);
        expect(spanAverage(values, from, to).eq(total.div(to - from + 1))).toBe(true);
      }),
    );
  });

  it('is uniform exactly when every year holds one value, and reads single years', () => {
    fc.assert(
      fc.property(valuesArb(), spanArb, (values, { from, to }) => {
        const byYear = toYearMap(values);
        const years = Array.from({ length: to - from + 1 }, (_, i) => byYear.get(from + i));
        const v = spanValue(values, from, to);
        const uniform = years.every((x) => x !== undefined && x.eq(years[0]!));
        expect(v.kind).toBe(years.every((x) => x === undefined) ? 'empty' : uniform ? 'uniform' : 'mixed');
        for (let y = from; y <= to; y++) {
          const one = yearValue(values, y);
          expect(one === undefined ? undefined : new D(one).toString()).toBe(byYear.get(y)?.toString());
        }
      }),
    );
  });

  it('compares maps by their decimals', () => {
    fc.assert(
      fc.property(valuesArb(), (values) => {
        expect(sameValues(values, { ...values })).toBe(true);
        const rewritten = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.includes('.') ? `${v}0` : v]));
        expect(sameValues(values, rewritten)).toBe(true);
        const [first] = Object.keys(values);
        if (first !== undefined) {
          expect(sameValues(values, { ...values, [first]: '12345' })).toBe(false);
          const { [first]: _gone, ...fewer } = values;
          expect(sameValues(values, fewer)).toBe(false);
        }
      }),
    );
    expect(sameValues({ '2003': 'abc' }, { '2003': 'abc' })).toBe(true);
    expect(sameValues({ '2003': 'abc' }, { '2003': 'abd' })).toBe(false);
  });
});

describe('columns', () => {
  it('offers one column per year, at most MAX_YEAR_COLUMNS, and one period over all years when none are given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 400 }), (startYear, span) => {
        const endYear = startYear + span;
        const years = yearSpans({ startYear, endYear });
        expect(years).toHaveLength(Math.min(span + 1, MAX_YEAR_COLUMNS));
        expect(years.every((s, i) => s.from === startYear + i && s.to === s.from && s.id === String(s.from))).toBe(true);
        expect(periodSpans({ startYear, endYear })).toEqual([{ id: span === 0 ? String(startYear) : `${startYear}-${endYear}`, label: `${startYear}–${endYear}`, from: startYear, to: endYear }]);
      }),
    );
    expect(yearSpans({ startYear: 2010, endYear: 2000 })).toEqual([]);
    expect(periodSpans({ startYear: 2010, endYear: 2000 })).toEqual([]);
    expect(
      periodSpans({
        startYear: 2000,
        endYear: 2010,
        periods: [
          { label: 'P1', from: 2000, to: 2004 },
          { label: 'bad', from: 2008, to: 2006 },
        ],
      }),
    ).toEqual([{ id: '2000-2004', label: 'P1', from: 2000, to: 2004 }]);
  });

  it('writes years as runs of consecutive years', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: START, max: END }), { maxLength: 20 }), (years) => {
        const runs = yearRuns(years);
        const covered = runs.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i));
        expect(covered).toEqual([...new Set(years)].sort((a, b) => a - b));
        runs.slice(1).forEach((r, i) => expect(r.from).toBeGreaterThan(runs[i]!.to + 1));
      }),
    );
    expect(yearRuns([2003, 2004, 2005, 2010])).toEqual([
      { from: 2003, to: 2005 },
      { from: 2010, to: 2010 },
    ]);
  });
});

describe('subtotals over spans', () => {
  it('sum the items’ span averages per group, and the groups to the total', () => {
    const itemArb = fc.record({ code: fc.constantFrom(...CATEGORIES, 'C_unknown'), values: valuesArb() });
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 8 }), periodsArb, (items, spans) => {
        const { byGroup, total } = groupSubtotals(items, spans);
        const known = items.filter((i) => i.code !== 'C_unknown');
        expect(GROUPS.reduce((n, g) => n + byGroup[g].count, 0)).toBe(known.length);
        spans.forEach((s, i) => {
          // Summed in another order: equal up to the rounding of 40-digit averages such as 1/15.
          expect(
            GROUPS.reduce((sum, g) => sum.plus(byGroup[g].perSpan[i]!), ZERO)
              .minus(total[i]!)
              .abs()
              .lt('1e-30'),
          ).toBe(true);
          expect(total[i]!.eq(listTotals(known, spans)[i]!)).toBe(true);
          expect(listTotals(known, [s])[0]!.eq(known.reduce((sum, item) => sum.plus(spanAverage(item.values, s.from, s.to)), ZERO))).toBe(true);
        });
      }),
    );
  });
});

describe('fill right and split', () => {
  it('gives every later period the value of the source period, leaves earlier ones, and refuses a period whose years differ', () => {
    const caseArb = periodsArb.chain((periods) => fc.tuple(fc.constant(periods), fc.nat({ max: periods.length - 1 }), valuesArb(periods)));
    fc.assert(
      fc.property(caseArb, ([periods, index, values]) => {
        const source = periods[index]!;
        const filled = fillRight(values, periods, index, periods);
        const before = spanValue(values, source.from, source.to);
        if (before.kind === 'mixed') {
          expect(filled).toBeNull();
          return;
        }
        expect(filled).not.toBeNull();
        for (const p of periods.slice(index + 1)) expect(spanValue(filled!, p.from, p.to)).toEqual(before);
        for (let y = START; y <= source.to; y++) expect(yearly(filled!).get(y)).toBe(yearly(values).get(y));
      }),
      { numRuns: 300 },
    );
  });

  it('fills 2011–2020 and 2021–2030 from 2003–2010 and keeps the periods apart', () => {
    const periods = [
      { from: 2003, to: 2010 },
      { from: 2011, to: 2020 },
      { from: 2021, to: 2030 },
    ];
    expect(fillRight({ '2003-2010': '158266', '2011-2020': '171729' }, periods, 0, periods)).toEqual({ '2003-2010': '158266', '2011-2020': '158266', '2021-2030': '158266' });
    expect(fillRight({ '2003-2010': '1', '2015': '3' }, periods, 1, periods)).toBeNull();
    expect(fillRight({ '2011-2020': '5', '2021-2030': '6' }, periods, 0, periods)).toEqual({});
  });

  it('cuts 2011–2020 after 2013 into 2011–2013 and 2014–2020, and refuses a cut that leaves one side empty', () => {
    expect(splitRange({ from: 2011, to: 2020 }, 2013)).toEqual([
      { from: 2011, to: 2013 },
      { from: 2014, to: 2020 },
    ]);
    expect(splitRange({ from: 2011, to: 2020 }, 2020)).toBeNull();
    expect(splitRange({ from: 2011, to: 2020 }, 2010)).toBeNull();
    expect(splitRange({ from: 2011, to: 2011 }, 2011)).toBeNull();
  });
});
