import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, ZERO, type Dec } from './decimal';
import { addInto, fillInto, valueEntries } from './years';

/**
 * addInto and fillInto read keys in one pass when they come in year order; these compare them with
 * the plain reading through valueEntries (sorted by first year) on maps in any key order, with
 * overlaps, 41-digit values (where the order of additions shows in the rounding) and years outside
 * the window.
 */
const FIRST = 2000;
const N = 12;

const key = fc.record({ from: fc.integer({ min: FIRST - 3, max: FIRST + N + 2 }), len: fc.integer({ min: 0, max: 5 }) }).map(({ from, len }) => (len === 0 ? String(from) : `${from}-${from + len}`));
const text = fc.oneof(
  fc.integer({ min: -500, max: 500 }).map((n) => (n / 4).toString()),
  fc.bigInt({ min: 10n ** 40n, max: 10n ** 41n }).map((n) => n.toString()),
  fc.constant('0'),
);
/** Entries in the order written: JavaScript then lists single-year keys first, ascending. */
const values = fc.array(fc.tuple(key, text), { maxLength: 8 }).map((pairs) => Object.fromEntries(pairs));

function referenceAdd(values: Record<string, string>): Dec[] {
  const out = new Array<Dec>(N).fill(ZERO);
  for (const e of valueEntries(values)) {
    if (e.value.isZero()) continue;
    for (let y = Math.max(e.from, FIRST); y <= Math.min(e.to, FIRST + N - 1); y++) out[y - FIRST] = out[y - FIRST]!.plus(e.value);
  }
  return out;
}

function referenceFill(values: Record<string, string>): (Dec | undefined)[] {
  const out = new Array<Dec | undefined>(N).fill(undefined);
  for (const e of valueEntries(values)) for (let y = Math.max(e.from, FIRST); y <= Math.min(e.to, FIRST + N - 1); y++) out[y - FIRST] = e.value;
  return out;
}

const show = (series: readonly (Dec | undefined)[]) => series.map((v) => v?.toString());

describe('addInto and fillInto', () => {
  it('add what valueEntries gives, in its order, for any key order', () => {
    fc.assert(
      fc.property(values, (v) => {
        const got = new Array<Dec>(N).fill(ZERO);
        addInto(got, FIRST, v);
        expect(show(got)).toEqual(show(referenceAdd(v)));
      }),
      { numRuns: 500 },
    );
  });

  it('fill what valueEntries gives, the later key winning where keys overlap', () => {
    fc.assert(
      fc.property(values, (v) => {
        const got = new Array<Dec | undefined>(N).fill(undefined);
        fillInto(got, FIRST, v);
        expect(show(got)).toEqual(show(referenceFill(v)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads ranges written before single years in their year order', () => {
    const got = new Array<Dec>(N).fill(ZERO);
    addInto(got, FIRST, { '2003-2005': '1', '2001': '2', '2004': '10' });
    expect(show(got.slice(0, 6))).toEqual(['0', '2', '0', '1', '11', '1']);
    // 41 significant digits: the sum rounds, so the order of the two additions is visible.
    const a = '12345678901234567890123456789012345678901';
    const order = new Array<Dec>(N).fill(ZERO);
    addInto(order, FIRST, { '2000-2001': a, '2000': '0.6' });
    expect(order[0]!.toString()).toBe(new D(0).plus('0.6').plus(a).toString());
  });
});
