import { describe, expect, it } from 'vitest';
import { industrialOpportunityCost, parseScenario } from '@/lib/engine';
import { render } from './local-text';
import { calculatorFields, pathParts, placeOf, requestFields, scenarioFields } from './problem-place';
import { engineProblems } from './schema-problems';

const document = {
  format: 'pes-scenario/1',
  name: '密云水源保护',
  currency: 'CNY',
  unit: 10000,
  priceBase: '2010 年不变价',
  startYear: 2010,
  endYear: 2020,
  paymentStartYear: 2014,
  costs: [
    { code: 'C_f', label: '林业建设', values: { '2014-2020': 'lots' } },
    { code: 'C_x', label: '', values: { '2010': '1' } },
  ],
  alpha: { ED: { '2010-2030': '0.2' } },
  periods: [{ label: '第一期', from: 2010, to: 2009 }],
};

const both = (path: string, input: unknown = document, labels = scenarioFields) => [render(placeOf(path, input, labels), 'zh'), render(placeOf(path, input, labels), 'en')];

describe('a problem’s place, for readers', () => {
  it('reads the engine’s paths back into their parts', () => {
    expect(pathParts('costs[3].values["2011-2020"]')).toEqual(['costs', 3, 'values', '2011-2020']);
    expect(pathParts('alpha.ED["2003"]')).toEqual(['alpha', 'ED', '2003']);
    expect(pathParts('(document)')).toEqual([]);
  });

  it('names a scenario’s fields, line items by their names, and amounts by their years', () => {
    expect(both('costs[0].values["2014-2020"]')).toEqual(['成本项“林业建设”，2014—2020 年的金额', 'Cost “林业建设”: Amount for 2014–2020']);
    expect(both('costs[1].code')).toEqual(['成本第 2 行，类别', 'Costs, row 2: Category']);
    expect(both('paymentStartYear')).toEqual(['补偿起始年份', 'Year payments start']);
    expect(both('alpha.ED["2010-2030"]')).toEqual(['2010—2030 年的生态建设与保护（ED）的 α', 'α of Ecological construction and protection (ED) for 2010–2030']);
    expect(both('periods[0].to')).toEqual(['时段“第一期”，结束年份', 'Period “第一期”: Last year']);
    expect(both('(document)')).toEqual(['文档', 'the document']);
    expect(both('costs[0].colour')).toEqual(['成本项“林业建设”，“colour”', 'Cost “林业建设”: “colour”']);
  });

  it('names request fields by their labels and a schedule row by its years', () => {
    const body = { schedule: [{ from: 2014, to: 2020, amount: 'x' }], validUntil: 'soon' };
    expect([render(placeOf(['schedule', 0, 'amount'], body, requestFields), 'zh'), render(placeOf(['schedule', 0, 'amount'], body, requestFields), 'en')]).toEqual([
      '2014—2020 年的金额',
      'Amount for 2014–2020',
    ]);
    expect(render(placeOf(['validUntil'], body, requestFields), 'zh')).toBe('有效期至');
  });

  it('labels every problem the engine finds in a scenario, in both languages', () => {
    const parsed = parseScenario(document);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const problems = engineProblems(parsed.problems, document, scenarioFields, 'document');
    const zh = problems.map((p) => `${render(p.label!, 'zh')}：${render(p.text!, 'zh')}`);
    expect(zh).toEqual(
      expect.arrayContaining([
        '成本项“林业建设”，2014—2020 年的金额：不是数字',
        '追溯补偿年数：缺失：存在追溯补偿年份时必填（补偿起始年份 2014 年晚于起始年份 2010 年）',
        '时段“第一期”，结束年份：2009 年早于开始年份 2010 年',
      ]),
    );
    // Nothing a Chinese reader sees is a path or an English word (the user's own texts and the paper's notation aside).
    for (const line of zh) expect(line.replace(/“[^”]*”|\b(ED|C_\w+)\b/g, '')).not.toMatch(/[A-Za-z]/);
    expect(problems.map((p) => p.field)).toContain('document.costs[0].values["2014-2020"]');
  });

  it('names a calculator’s inputs by their labels', () => {
    const outcome = industrialOpportunityCost({
      baseYear: 2002,
      gdp0: 'x',
      gdpActual: {},
      population: {},
      revenueRatio: {},
      growthFactor: {},
      sourceGrowthBefore: '0',
      sourceGrowthAfter: '0',
      referenceGrowthBefore: '0',
      referenceGrowthAfter: '0',
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => render(placeOf(p.path, {}, calculatorFields), 'zh'))).toEqual(['基准年人均第二产业增加值（GDP_0）']);
  });
});
