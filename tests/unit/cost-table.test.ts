import { describe, expect, it } from 'vitest';
import { parseScenario, serializeScenario, shiyanDocument, type Scenario } from '../../lib/engine';
import { render } from '../../lib/domain/local-text';
import { fromCsv, fromXlsx, toCsv, toXlsx } from '../../lib/interchange/cost-table';

function shiyan(): Scenario {
  const parsed = parseScenario(shiyanDocument());
  if (!parsed.ok) throw new Error('fixture invalid');
  return parsed.scenario;
}

function reparsed(document: unknown): string {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return serializeScenario(parsed.scenario);
}

describe('cost table interchange', () => {
  it('round-trips the Shiyan scenario through CSV unchanged', () => {
    const scenario = shiyan();
    const csv = toCsv(scenario);
    expect(csv.split('\n')[0]).toBe('section,code,label,2003-2010,2011-2020,2021-2030,2031-2040,2041-2050');
    const back = fromCsv(csv, scenario);
    expect(back.ok).toBe(true);
    if (back.ok) expect(reparsed(back.document)).toBe(serializeScenario(scenario));
  });

  it('round-trips the Shiyan scenario through .xlsx unchanged', async () => {
    const scenario = shiyan();
    const back = await fromXlsx(await toXlsx(scenario), scenario);
    expect(back.ok).toBe(true);
    if (back.ok) expect(reparsed(back.document)).toBe(serializeScenario(scenario));
  });

  it('keeps digits beyond what a spreadsheet number holds, as text', async () => {
    const scenario = shiyan();
    const precise = { ...scenario, costs: [{ code: 'C_f' as const, label: 'Precise', values: { '2003-2010': '1234567890.123456789' } }] };
    const back = await fromXlsx(await toXlsx(precise as Scenario), scenario);
    expect(back.ok && (back.document.costs as { values: Record<string, string> }[])[0]!.values['2003-2010']).toBe('1234567890.123456789');
  });

  it('refuses a bad table whole, naming row, column and reason for every problem', () => {
    const csv = ['section,code,label,2003-2010,2011-2020', 'cost,C_f,Forest,158266,abc', 'cost,C_zz,Unknown,1,2', 'rebate,C_f,Wrong section,1,1', 'subsidy,C_s,Soil,496081,-'].join('\n');
    const outcome = fromCsv(csv, shiyan());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toMatchObject([{ row: 4, column: 'A', message: expect.stringContaining('section "rebate"') }]);

    const fixedSection = fromCsv(csv.replace('rebate', 'cost'), shiyan());
    expect(fixedSection.ok).toBe(false);
    if (fixedSection.ok) return;
    expect(fixedSection.problems.map(({ row, column }) => `${row}${column}`).sort()).toEqual(['2E', '3B', '5E'].sort());
  });

  it('refuses a header that is not a year or range', () => {
    const outcome = fromCsv('section,code,label,2003-2010,later\ncost,C_f,Forest,1,2', shiyan());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]).toMatchObject({ row: 1, column: 'E' });
  });

  it('reports a year outside the scenario on the cell that holds it', () => {
    const outcome = fromCsv('section,code,label,2003-2010,2060\ncost,C_f,Forest,1,2', shiyan());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems).toMatchObject([{ row: 2, column: 'E', message: expect.stringContaining('outside') }]);
  });

  it('says each refusal in either language from the engine’s codes, a setting outside the table by its label', () => {
    const header = fromCsv('section,code,label,2003-2010,later\ncost,C_f,Forest,1,2', shiyan());
    expect(!header.ok && render(header.problems[0]!.text!, 'zh')).toBe('“later”：不是年份或年份区间（请写 "2015" 或 "2003-2010"）');
    const base = { ...(shiyanDocument() as Record<string, unknown>), paymentStartYear: 2060 };
    const outside = fromCsv('section,code,label,2003-2010\ncost,C_f,Forest,1', base);
    expect(outside.ok).toBe(false);
    if (outside.ok) return;
    const texts = outside.problems.map((p) => render(p.text!, 'zh'));
    expect(texts).toContain('补偿起始年份：2060 年不在情景的年份 2003—2050 年之内（这是成本表之外的设置；请在情景中修改）');
    expect(outside.problems.map((p) => render(p.text!, 'en'))).toContain(
      'Year payments start: 2060 is outside startYear..endYear (2003..2050) (a setting outside the cost table; fix it in the scenario)',
    );
  });

  it('refuses something that is not a workbook', async () => {
    expect(await fromXlsx(new TextEncoder().encode('hello'), shiyan())).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('xlsx') }] });
  });
});
