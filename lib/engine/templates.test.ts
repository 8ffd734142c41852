import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_MEANING } from './categories';
import { computeScenario } from './compute';
import { parseScenario } from './schema';
import { periodPlanFindings } from './spans';
import { SCENARIO_TEMPLATES, TEMPLATE_OPEN_FIELDS, isScenarioTemplate, scenarioFromTemplate, type TemplateSettings } from './templates';

const settings: TemplateSettings = {
  name: 'Template test',
  currency: 'CNY',
  unit: 10000,
  priceBase: '2010 constant prices',
  startYear: 2011,
  endYear: 2020,
  periods: [
    { label: '2011–2013', from: 2011, to: 2013 },
    { label: '2014–2020', from: 2014, to: 2020 },
  ],
};

const parsed = (template: (typeof SCENARIO_TEMPLATES)[number], given = settings) => {
  const outcome = parseScenario(scenarioFromTemplate(template, given, CATEGORY_MEANING));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.scenario;
};

describe('scenario templates', () => {
  it('the paper’s Table 2 has every category in the paper’s order, labelled, with no amount', () => {
    const scenario = parsed('paper-table-2');
    expect(scenario.costs.map((c) => c.code)).toEqual([...CATEGORIES]);
    expect(scenario.costs.map((c) => c.label)).toEqual(CATEGORIES.map((c) => CATEGORY_MEANING[c]));
    expect(scenario.costs.every((c) => Object.keys(c.values).length === 0)).toBe(true);
  });

  it('both take the deal’s years, unit, price base and periods and invent no assumption', () => {
    for (const template of SCENARIO_TEMPLATES) {
      const scenario = parsed(template);
      expect(scenario).toMatchObject({ name: 'Template test', unit: 10000, priceBase: '2010 constant prices', startYear: 2011, endYear: 2020, periods: settings.periods });
      expect(scenario.paymentStartYear).toBeUndefined();
      expect(scenario.catchUpYears).toBeUndefined();
      expect(scenario.discountRate).toBeUndefined();
      expect(scenario.alpha).toEqual({});
      expect(scenario.subsidies).toEqual([]);
    }
    expect(parsed('blank').costs).toEqual([]);
  });

  it('computes: every year of the deal, a lower bound of zero, no upper bound', () => {
    for (const template of SCENARIO_TEMPLATES) {
      const result = computeScenario(parsed(template));
      expect(result.years.map((y) => y.year)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
      expect(result.years.every((y) => y.lowerBound.isZero() && y.upperBound === null)).toBe(true);
      expect(result.periods.map((p) => p.label)).toEqual(['2011–2013', '2014–2020']);
    }
  });

  it('a deal without periods gives the engine’s one period over the whole range', () => {
    const result = computeScenario(parsed('blank', { ...settings, periods: [] }));
    expect(result.defaultPeriod).toBe(true);
    expect(result.periods).toHaveLength(1);
  });

  it('says what the paper’s template leaves to fill in, and knows its own names only', () => {
    expect(TEMPLATE_OPEN_FIELDS['paper-table-2']).toEqual(['paymentStartYear', 'catchUpYears', 'discountRate']);
    expect(isScenarioTemplate('paper-table-2')).toBe(true);
    expect(isScenarioTemplate('table-3')).toBe(false);
  });
});

describe('a deal’s periods', () => {
  const range = { from: 2011, to: 2020 };
  it('accepts consecutive periods over the range, and none at all', () => {
    expect(periodPlanFindings(settings.periods, range)).toEqual([]);
    expect(periodPlanFindings([], range)).toEqual([]);
    expect(periodPlanFindings([{ from: 2011, to: 2020 }], range)).toEqual([]);
  });

  it('names overlaps, gaps (inside and at either end), backwards and outside periods', () => {
    expect(
      periodPlanFindings(
        [
          { from: 2011, to: 2014 },
          { from: 2014, to: 2020 },
        ],
        range,
      ),
    ).toEqual([{ kind: 'overlap', index: 1, year: 2014 }]);
    expect(
      periodPlanFindings(
        [
          { from: 2011, to: 2012 },
          { from: 2015, to: 2020 },
        ],
        range,
      ),
    ).toEqual([{ kind: 'gap', index: 1, from: 2013, to: 2014 }]);
    expect(periodPlanFindings([{ from: 2012, to: 2020 }], range)).toEqual([{ kind: 'gap', index: 0, from: 2011, to: 2011 }]);
    expect(periodPlanFindings([{ from: 2011, to: 2018 }], range)).toEqual([{ kind: 'gap', index: 0, from: 2019, to: 2020 }]);
    expect(
      periodPlanFindings(
        [
          { from: 2011, to: 2013 },
          { from: 2016, to: 2014 },
        ],
        range,
      ),
    ).toEqual([{ kind: 'backwards', index: 1 }]);
    expect(
      periodPlanFindings(
        [
          { from: 2011, to: 2013 },
          { from: 2014, to: 2021 },
        ],
        range,
      ),
    ).toEqual([{ kind: 'outside', index: 1 }]);
  });
});
