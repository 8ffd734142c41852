import { describe, expect, it } from 'vitest';
import { render } from '../../lib/domain/local-text';
import { placeOf, scenarioFields } from '../../lib/domain/problem-place';
import {
  CellDrafts,
  addPeriod,
  alphaPath,
  fillCellRight,
  groupedIndexes,
  itemLabelPath,
  itemValuePath,
  parseClipboardBlock,
  pasteBlock,
  periodLabelFor,
  periodSpans,
  readCellText,
  spanValue,
  splitPeriod,
  toScenarioDocument,
  writeCell,
  type GridCells,
} from '../../components/scenario-editor/model';
import { parseScenario, shiyanDocument } from '../../lib/engine';
import { forkedFromMessage, readVersionMessage, restoredMessage } from '../../lib/domain/version-message';
import { versionMessageText, versionWords } from '../../components/scenario-workspace/version-message-text';

const shiyan = () => toScenarioDocument(shiyanDocument());

describe('what a cell takes from what is typed', () => {
  it('refuses "12abc" and α 1.5 instead of saving 12 and 1', () => {
    expect(readCellText('12abc', 'amount')).toEqual({ kind: 'refused', problem: 'notANumber' });
    expect(readCellText('1.5', 'fraction')).toEqual({ kind: 'refused', problem: 'notBetween01' });
    expect(readCellText('-0.1', 'fraction')).toEqual({ kind: 'refused', problem: 'notBetween01' });
    expect(readCellText('0.35', 'fraction')).toEqual({ kind: 'value', value: '0.35' });
  });

  it('reads separators and full-width digits as the kit does, and blank as not given', () => {
    expect(readCellText('１６０，０００', 'amount')).toEqual({ kind: 'value', value: '160000' });
    expect(readCellText('158,266.50', 'amount')).toEqual({ kind: 'value', value: '158266.5' });
    expect(readCellText('', 'amount')).toEqual({ kind: 'value', value: '' });
    expect(readCellText('  ', 'text', true)).toEqual({ kind: 'refused', problem: 'empty' });
  });

  it('asks to confirm a negative cost, and then stores it as typed', () => {
    const reading = readCellText('-1,250', 'amount');
    expect(reading).toEqual({ kind: 'confirm', value: '-1250' });
    const doc = writeCell(shiyan(), itemValuePath('costs', 0, { from: 2003, to: 2010 }), reading.kind === 'confirm' ? reading.value : '');
    expect(doc.costs[0]!.values['2003-2010']).toBe('-1250');
    expect(parseScenario(doc).ok).toBe(true);
  });
});

describe('drafts: cells whose text is not in the document', () => {
  it('block the save while any is left, and follow their rows', () => {
    const drafts = new CellDrafts();
    const seen: number[] = [];
    drafts.subscribe(() => seen.push(drafts.list().length));
    drafts.set({ path: itemValuePath('costs', 2, { from: 2003, to: 2010 }), text: '12abc', problem: 'notANumber' });
    drafts.set({ path: alphaPath('ED', { from: 2003, to: 2010 }), text: '1.5', problem: 'notBetween01' });
    expect(drafts.list()).toHaveLength(2);
    drafts.moveRows('costs', 0, 'removed');
    expect(drafts.get(itemValuePath('costs', 1, { from: 2003, to: 2010 }))?.text).toBe('12abc');
    drafts.moveRows('costs', 1, 'removed');
    expect(drafts.list().map((d) => d.path)).toEqual([alphaPath('ED', { from: 2003, to: 2010 })]);
    drafts.clear(alphaPath('ED', { from: 2003, to: 2010 }));
    expect(drafts.list()).toHaveLength(0);
    expect(seen).toEqual([1, 2, 2, 1, 0]);
  });

  it('are named for readers by their line item and years', () => {
    const doc = shiyan();
    expect(render(placeOf(itemValuePath('costs', 0, { from: 2011, to: 2020 }), doc, scenarioFields), 'zh')).toContain(doc.costs[0]!.label);
    expect(render(placeOf(itemValuePath('costs', 0, { from: 2011, to: 2020 }), doc, scenarioFields), 'zh')).toContain('2011');
    expect(render(placeOf(alphaPath('ED', { from: 2003, to: 2010 }), doc, scenarioFields), 'en')).toMatch(/2003/);
  });
});

describe('pasting a block from a spreadsheet', () => {
  it('reads tabs and lines as cells, and one value as no block', () => {
    expect(parseClipboardBlock('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(parseClipboardBlock('"1,234"\t5\n')).toEqual([['1,234', '5']]);
    expect(parseClipboardBlock('158266')).toBeNull();
  });

  it('fills the cells the block covers from the focused one, in the rows as shown, flagging each value it refuses', () => {
    const doc = shiyan();
    const spans = periodSpans(doc);
    const order = groupedIndexes(doc.costs).flatMap((g) => g.indexes);
    const cells: GridCells = (row, column) => {
      const index = order[row];
      if (index === undefined) return undefined;
      if (column === 0) return { path: itemLabelPath('costs', index), kind: 'text', required: true };
      const span = spans[column - 1];
      return span && { path: itemValuePath('costs', index, span), kind: 'amount' };
    };
    const out = pasteBlock(doc, cells, 0, 2, parseClipboardBlock('100\t200\t300\n12abc\t-5\t1 234\n')!);
    const [a, b] = [order[0]!, order[1]!];
    expect([1, 2, 3].map((s) => spanValue(out.document.costs[a]!.values, spans[s]!.from, spans[s]!.to))).toEqual(['100', '200', '300'].map((value) => ({ kind: 'uniform', value })));
    expect(spanValue(out.document.costs[b]!.values, spans[3]!.from, spans[3]!.to)).toEqual({ kind: 'uniform', value: '1234' });
    // Refused and unconfirmed values change nothing: the cells keep what was there.
    expect(out.document.costs[b]!.values).toEqual({ ...doc.costs[b]!.values, ...out.document.costs[b]!.values });
    expect(spanValue(out.document.costs[b]!.values, spans[1]!.from, spans[1]!.to)).toEqual(spanValue(doc.costs[b]!.values, spans[1]!.from, spans[1]!.to));
    expect(out.flagged).toEqual([
      { path: itemValuePath('costs', b, spans[1]!), text: '12abc', problem: 'notANumber' },
      { path: itemValuePath('costs', b, spans[2]!), text: '-5', problem: 'negative', value: '-5' },
    ]);
    expect(out.written).toHaveLength(4);
    expect(doc).toEqual(shiyan());
  });

  it('counts what falls outside the grid instead of writing it anywhere', () => {
    const doc = shiyan();
    const spans = periodSpans(doc);
    const cells: GridCells = (row, column) => (row === 0 && spans[column - 1] ? { path: alphaPath('ED', spans[column - 1]!), kind: 'fraction' } : undefined);
    const out = pasteBlock(doc, cells, 0, spans.length, [
      ['0.2', '0.3'],
      ['0.4', '0.5'],
    ]);
    expect(out.outside).toBe(3);
    expect(spanValue(out.document.alpha.ED, spans[spans.length - 1]!.from, spans[spans.length - 1]!.to)).toEqual({ kind: 'uniform', value: '0.2' });
  });
});

describe('periods and fill right', () => {
  it('splits 2011–2020 into 2011–2013 and 2014–2020, keeping every year’s value and the result', () => {
    const doc = shiyan();
    const index = periodSpans(doc).findIndex((p) => p.from === 2011);
    const split = splitPeriod(doc, index, 2013)!;
    const spans = periodSpans(split);
    expect(spans.map((s) => [s.from, s.to])).toContainEqual([2011, 2013]);
    expect(spans.map((s) => [s.from, s.to])).toContainEqual([2014, 2020]);
    expect(spans).toHaveLength(periodSpans(doc).length + 1);
    expect(split.periods![index]!.label).toBe('P2 2011–2013');
    expect(split.periods![index + 1]!.label).toBe('P2 2014–2020');
    const before = parseScenario(doc);
    const after = parseScenario(split);
    expect(before.ok && after.ok).toBe(true);
    expect(splitPeriod(doc, index, 2020)).toBeNull();
  });

  it('adds a period after the last one and extends the end year', () => {
    const doc = shiyan();
    const added = addPeriod(doc, 2055, 'P6')!;
    expect(added.endYear).toBe(2055);
    expect(periodSpans(added).at(-1)).toMatchObject({ label: 'P6', from: 2051, to: 2055 });
    expect(parseScenario(added).ok).toBe(true);
    expect(addPeriod(doc, 2050)).toBeNull();
    expect(periodLabelFor('P2', { from: 2011, to: 2020 }, { from: 2011, to: 2013 })).toBe('P2 2011–2013');
  });

  it('fills a cost and an α right across the later periods, and refuses a period whose years differ', () => {
    const doc = shiyan();
    const spans = periodSpans(doc);
    const filled = fillCellRight(doc, itemValuePath('costs', 0, spans[1]!), spans, 1)!;
    const p2 = spanValue(doc.costs[0]!.values, spans[1]!.from, spans[1]!.to);
    for (const s of spans.slice(2)) expect(spanValue(filled.costs[0]!.values, s.from, s.to)).toEqual(p2);
    expect(spanValue(filled.costs[0]!.values, spans[0]!.from, spans[0]!.to)).toEqual(spanValue(doc.costs[0]!.values, spans[0]!.from, spans[0]!.to));
    const alpha = fillCellRight(writeCell(doc, alphaPath('ED', spans[0]!), '0.4'), alphaPath('ED', spans[0]!), spans, 0)!;
    for (const s of spans) expect(spanValue(alpha.alpha.ED, s.from, s.to)).toEqual({ kind: 'uniform', value: '0.4' });
    const mixed = writeCell(doc, itemValuePath('costs', 0, { from: 2003, to: 2003 }), '1');
    expect(fillCellRight(mixed, itemValuePath('costs', 0, spans[0]!), spans, 0)).toBeNull();
  });
});

describe('the message of a restored version', () => {
  it('is stored as a code with the version and the note, and read in the reader’s words', () => {
    const stored = restoredMessage(3, ' 回到论文假设 ');
    expect(readVersionMessage(stored)).toEqual({ kind: 'restored', number: 3, note: '回到论文假设' });
    expect(versionMessageText(stored, { forkedFrom: () => 'fork', restored: ({ number, note }) => `恢复 v${number}：${note}` })).toBe('恢复 v3：回到论文假设');
    // Every page reads it through the catalogue: the words of a translator of the version namespace.
    const catalogue = { forkedFromMessage: '从 {scenario} v{number} 派生', restoredMessage: '恢复 v{number}：{note}' };
    const t = (key: keyof typeof catalogue, values: Record<string, string | number>) => catalogue[key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
    expect(versionMessageText(stored, versionWords(t))).toBe('恢复 v3：回到论文假设');
    expect(versionMessageText(forkedFromMessage('论文情景', 2), versionWords(t))).toBe('从 论文情景 v2 派生');
    expect(readVersionMessage('pes:restored {broken')).toEqual({ kind: 'typed', text: 'pes:restored {broken' });
  });
});
