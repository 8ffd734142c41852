import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../lib/domain/errors';
import { render } from '../../lib/domain/local-text';
import { templateTerms } from '../../lib/terms';
import { traceSampleLists } from '../../lib/domain/monitoring';
import { listDealActivity } from '../../lib/server/deals/list-deal-activity';
import { loadAdministration, runYear } from '../../lib/server/fund/administration';
import { enterMonitoringValue } from '../../lib/server/fund/enter-monitoring-value';
import { exportMonitoringTemplate } from '../../lib/server/fund/export-monitoring-template';
import { getMonitoring } from '../../lib/server/fund/get-monitoring';
import { importMonitoringTable } from '../../lib/server/fund/import-monitoring-table';
import { resolveDispute } from '../../lib/server/fund/resolve-dispute';
import { runSettlementYear } from '../../lib/server/fund/run-settlement';
import { ZResolveDispute, type EnterMonitoringValueInput } from '../../lib/domain/fund-schemas';
import { testDb } from '../factories';
import { fundOrigin as origin, signedAgreement, type FundActor } from '../factories/signed-agreement';

// Dated samples through the fund's journey (issue 17 item 1, decision 0097): entered and imported
// per lab with their dates, the two labs compared on their annual means within the signed
// tolerance, disputes resolved on sample lists, and a settlement handed the samples.

const now = new Date('2027-06-01T00:00:00Z');
const template = templateTerms('two-way-quality-index', 'zh');
// Both parties' labs (the default); tolerances on the annual figure; tp counts a censored sample as half its limit.
const terms = {
  ...template,
  from: 2021,
  to: 2030,
  monitoring: {
    codmn: { tolerance: { absolute: '0.2' } },
    nh3n: { tolerance: { absolute: '0.02' } },
    tn: { tolerance: { absolute: '0.1' } },
    tp: { tolerance: { absolute: '0.005' }, max: '1', belowLimit: 'half' },
  },
};

type Table = Awaited<ReturnType<typeof signedAgreement>>;
const enter = (t: Table, actor: FundActor, input: Partial<EnterMonitoringValueInput> & Pick<EnterMonitoringValueInput, 'indicator'>) =>
  enterMonitoringValue({ actor, origin: origin(), ...t.at, input: { year: 2024, laboratory: '上游监测站', ...input } as EnterMonitoringValueInput });
const monthly = (values: string[], year = 2024) => values.map((value, i) => ({ on: `${year}-${String(i + 1).padStart(2, '0')}-15`, value }));
const importAs = (t: Table, actor: FundActor, csv: string) => importMonitoringTable({ actor, origin: origin(), ...t.at, fileName: 'samples.csv', bytes: new TextEncoder().encode(csv) });
const stored = (t: Table) => testDb().monitoringValue.findMany({ where: { agreementId: t.agreementId }, orderBy: [{ indicator: 'asc' }, { side: 'asc' }] });
const cellOf = async (t: Table, actor: FundActor, indicator: string, year = 2024) =>
  (await getMonitoring({ actor, origin: origin(), ...t.at })).cells.find((c) => c.year === year && c.indicator === indicator)!;
const refusal = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
};

/** A samples table as a lab writes it, Chinese header, one row per sample. */
const samplesCsv = (lab: string, rows: [string, string, string][]) => ['指标,采样日期,数值,单位,实验室', ...rows.map(([indicator, on, value]) => `${indicator},${on},${value},mg/L,${lab}`)].join('\n');

describe('samples entered by hand', () => {
  it('keeps a lab’s dated samples, their mean as its value and their first and last date as the period, and audits them', async () => {
    const t = await signedAgreement({ terms });
    const { cell } = await enter(t, t.upstream, { indicator: 'tp', samples: [...monthly(['0.03', '<0.02']), { on: '2024-03-15', value: '0.05' }].reverse() });
    const [row] = await stored(t);
    expect(row).toMatchObject({ indicator: 'tp', side: 'UPSTREAM', source: 'MANUAL', value: '0.03' });
    expect(row!.samples).toEqual([
      { on: '2024-01-15', value: '0.03' },
      { on: '2024-02-15', value: '<0.02' },
      { on: '2024-03-15', value: '0.05' },
    ]);
    expect([row!.sampledFrom.toISOString().slice(0, 10), row!.sampledTo.toISOString().slice(0, 10)]).toEqual(['2024-01-15', '2024-03-15']);
    expect(cell).toMatchObject({ state: 'incomplete', current: [{ value: '0.03', sampleCount: 3, samples: [{ on: '2024-01-15' }, { on: '2024-02-15' }, { on: '2024-03-15' }] }] });

    const event = await testDb().auditEvent.findFirstOrThrow({ where: { dealId: t.deal.id, action: 'monitoring.entered' } });
    expect((event.summary as { after: { samples: unknown } }).after.samples).toEqual(row!.samples);
  });

  it('refuses a bad sample, naming it by its place in the reader’s language, and writes nothing', async () => {
    const t = await signedAgreement({ terms, locale: 'zh' });
    const refused = await refusal(
      enter(t, t.upstream, {
        indicator: 'tp',
        samples: [
          { on: '2024-01-15', value: '0.03' },
          { on: '2024-02-15', value: '1.5' },
          { on: '2024-03-15', value: '<0.02' },
        ],
      }),
    );
    expect(refused.problems.map((p) => [p.field, p.message])).toEqual([['samples.1.value', '1.5 is above the plausible maximum 1 mg/L']]);
    expect(render(refused.problems[0]!.label!, 'zh')).toBe('样品第 2 行，数值');
    expect(await stored(t)).toEqual([]);
    expect(await testDb().auditEvent.count({ where: { dealId: t.deal.id, action: 'monitoring.entered' } })).toBe(0);
  });

  it('blind entry hides the other lab’s samples as it hides its value, but not how many it took', async () => {
    const t = await signedAgreement({ terms });
    await enter(t, t.upstream, { indicator: 'codmn', samples: monthly(['2.1', '2.3']) });
    const sealed = await cellOf(t, t.downstream, 'codmn');
    expect(sealed).toMatchObject({ state: 'sealed', samples: null, current: [{ side: 'UPSTREAM', value: null, samples: null, sampleCount: 2 }] });
    const activity = JSON.stringify(await listDealActivity({ actor: t.downstream, origin: origin(), dealId: t.deal.id, filter: { limit: 200 } }));
    expect(activity).not.toContain('"samples"');
    expect(activity).not.toMatch(/"2\.[13]"/);
  });
});

describe('samples imported from a table with a sampling-date column', () => {
  it('makes the rows of each indicator and year one list of samples, and keeps the one-value layout working beside it', async () => {
    const t = await signedAgreement({ terms });
    const outcome = await importAs(
      t,
      t.upstream,
      samplesCsv('丹江口水质监测站', [
        ['codmn', '2024/1/15', '2.2'],
        ['codmn', '2024/2/15', '2.4'],
        ['tp', '2024-01-15', '<0.02'],
        ['codmn', '2024/3/15', '2.6'],
        ['tp', '2024-02-15', '0.03'],
      ]),
    );
    expect(outcome).toMatchObject({ imported: 2, years: [2024] });
    const rows = await stored(t);
    expect(rows.map((r) => [r.indicator, r.value, r.source, (r.samples as unknown[]).length])).toEqual([
      ['codmn', '2.4', 'IMPORT', 3],
      // (0.01 + 0.03) / 2: the censored sample counts as half its limit, as the terms say.
      ['tp', '0.02', 'IMPORT', 2],
    ]);
    expect(rows[1]!.samples).toEqual([
      { on: '2024-01-15', value: '<0.02' },
      { on: '2024-02-15', value: '0.03' },
    ]);

    // The downstream lab's one value for the year, the layout every table had before samples.
    await importAs(t, t.downstream, '年度,指标,数值,实验室,采样起,采样止\n2024,codmn,2.45,北京市水文总站,2024-01-01,2024-12-31');
    expect(await cellOf(t, t.fundAdmin, 'codmn')).toMatchObject({ state: 'agreed', value: '2.4', samples: [{ on: '2024-01-15' }, { on: '2024-02-15' }, { on: '2024-03-15' }] });
  });

  it('refuses the whole table for one repeated date, naming the row and column in Chinese, and saves nothing', async () => {
    const t = await signedAgreement({ terms, locale: 'zh' });
    const refused = await refusal(
      importAs(
        t,
        t.upstream,
        samplesCsv('丹江口水质监测站', [
          ['codmn', '2024-01-15', '2.2'],
          ['codmn', '2024-01-15', '2.4'],
        ]),
      ),
    );
    expect(refused.problems).toHaveLength(1);
    expect(render(refused.problems[0]!.at!, 'zh')).toBe('第 3 行 B 列（采样日期）');
    expect(render(refused.problems[0]!.text!, 'zh')).toBe('2024 年的 codmn 已在第 2 行给出 2024-01-15 的样品：每个日期只能有一个样品');
    expect(await stored(t)).toEqual([]);
    expect(await testDb().monitoringImport.count({ where: { agreementId: t.agreementId } })).toBe(0);
  });

  it('downloads a template of samples with a row per agreed sampling, in the reader’s language', async () => {
    const t = await signedAgreement({ terms: { ...terms, monitoring: { ...terms.monitoring, tp: { ...terms.monitoring.tp, frequency: 'quarterly' } } }, locale: 'zh' });
    const file = await exportMonitoringTemplate({ actor: t.upstream, origin: origin(), ...t.at, year: 2024, format: 'csv', layout: 'samples' });
    const lines = file.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(file.fileName).toBe(`monitoring-1-2024-samples.csv`);
    expect(lines[0]).toBe('年度,指标,采样日期,数值,单位,实验室');
    expect(lines.filter((l) => l.startsWith('2024,tp,'))).toEqual(['2024,tp,2024-02-15,,mg/L,', '2024,tp,2024-05-15,,mg/L,', '2024,tp,2024-08-15,,mg/L,', '2024,tp,2024-11-15,,mg/L,']);
    expect(lines.filter((l) => l.startsWith('2024,codmn,'))).toHaveLength(12);
  });
});

describe('two labs’ samples judged by the signed tolerance on their annual means', () => {
  it('agrees within the tolerance (though single months differ more) and settles on the samples merged per date', async () => {
    const t = await signedAgreement({ terms });
    await enter(t, t.upstream, { indicator: 'codmn', samples: monthly(['2.0', '3.0', '2.5']) });
    await enter(t, t.downstream, { indicator: 'codmn', laboratory: '北京市水文总站', samples: monthly(['2.6', '2.5', '2.7']) });
    const cell = await cellOf(t, t.fundAdmin, 'codmn');
    expect(cell).toMatchObject({ state: 'agreed', compared: 'aggregate', spread: '0.1', allowed: '0.2', value: '2.55' });
    expect(cell.samples).toEqual(monthly(['2.3', '2.75', '2.6']));
  });

  it('disputes means beyond the tolerance; the fund accepts one lab, whose samples the cell then settles on', async () => {
    const t = await signedAgreement({ terms });
    const { id: upId } = await enter(t, t.upstream, { indicator: 'codmn', samples: monthly(['2.0', '2.2']) });
    await enter(t, t.downstream, { indicator: 'codmn', laboratory: '北京市水文总站', samples: monthly(['2.6', '2.8']) });
    expect(await cellOf(t, t.fundAdmin, 'codmn')).toMatchObject({ state: 'disputed', compared: 'aggregate', spread: '0.6', allowed: '0.2', value: null, samples: null });

    const { cell } = await resolveDispute({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { method: 'ACCEPT', year: 2024, indicator: 'codmn', valueId: upId, note: '上游监测站经复核' } });
    // Kept as canonical lab results: "2.0" is stored as 2.
    expect(cell).toMatchObject({ state: 'resolved', value: '2.1', samples: monthly(['2', '2.2']), resolution: { method: 'ACCEPT', samples: monthly(['2', '2.2']) } });
    const resolution = await testDb().disputeResolution.findFirstOrThrow({ where: { agreementId: t.agreementId } });
    expect(resolution).toMatchObject({ value: '2.1', samples: monthly(['2', '2.2']) });
  });

  it('averages two labs’ samples per date when the fund averages a dispute', async () => {
    const t = await signedAgreement({ terms });
    await enter(t, t.upstream, { indicator: 'codmn', samples: monthly(['2.0', '2.2']) });
    await enter(t, t.downstream, { indicator: 'codmn', laboratory: '北京市水文总站', samples: [...monthly(['2.6', '2.8']), { on: '2024-03-20', value: '3.0' }] });
    const { cell } = await resolveDispute({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { method: 'AVERAGE', year: 2024, indicator: 'codmn', note: '两站均值' } });
    expect(cell).toMatchObject({ state: 'resolved', samples: [...monthly(['2.3', '2.5']), { on: '2024-03-20', value: '3' }] });
    expect(cell.value).toBe('2.6');
  });
});

describe('a re-test reported as dated samples (decision 0110)', () => {
  const evidence = { fileName: 'retest.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% re-test report\n%%EOF\n') };
  const retest = (t: Table, samples: { on: string; value: string }[]) =>
    resolveDispute({
      actor: t.fundAdmin,
      origin: origin(),
      ...t.at,
      input: { method: 'RETEST', year: 2024, indicator: 'tp', samples, laboratory: '国家环境分析测试中心', note: '留样复检' },
      evidence,
    });

  it('settles on the re-test’s samples as written, a censored one counted by the terms’ rule, and the run reads them', async () => {
    const t = await signedAgreement({ terms });
    await enter(t, t.upstream, { indicator: 'tp', samples: monthly(['0.02', '0.03']) });
    await enter(t, t.downstream, { indicator: 'tp', laboratory: '北京市水文总站', samples: monthly(['0.05', '0.06']) });
    expect(await cellOf(t, t.fundAdmin, 'tp')).toMatchObject({ state: 'disputed' });

    // A sample beyond the signed plausible range (tp at most 1) is refused by its place, and nothing is saved.
    const refused = await refusal(retest(t, [...monthly(['<0.02']), { on: '2024-06-15', value: '5' }]));
    expect(refused.problems).toEqual([expect.objectContaining({ field: 'samples.1.value' })]);
    expect(await testDb().disputeResolution.count({ where: { agreementId: t.agreementId } })).toBe(0);

    const samples = [{ on: '2024-06-15', value: '0.030' }, ...monthly(['<0.02'])];
    const { id, cell } = await retest(t, samples);
    // <0.02 counts as half its limit (0.01): the mean is 0.02; the samples stay as written, in date order.
    expect(cell).toMatchObject({
      state: 'resolved',
      value: '0.02',
      samples: [
        { on: '2024-01-15', value: '<0.02' },
        { on: '2024-06-15', value: '0.03' },
      ],
      resolution: { method: 'RETEST', laboratory: '国家环境分析测试中心', sampledFrom: '2024-01-15', sampledTo: '2024-06-15' },
    });
    const row = await testDb().disputeResolution.findUniqueOrThrow({ where: { id } });
    expect(row.samples).toEqual(cell.samples);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { dealId: t.deal.id, action: 'monitoring.dispute_resolved' } });
    expect((audit.summary as { after: { retestSamples: unknown } }).after.retestSamples).toEqual(cell.samples);

    const agreement = await testDb().agreement.findUniqueOrThrow({ where: { id: t.agreementId } });
    const { inputs } = runYear(await loadAdministration(testDb(), agreement), 2024, now);
    expect(inputs.tp).toMatchObject({ state: 'resolved', resolutionId: id, value: '0.02', samples: cell.samples });
  });

  it('takes one value or samples, not both, samples within the year and each date once', () => {
    const base = { method: 'RETEST', year: 2024, indicator: 'tp', laboratory: '中心', note: '复检' };
    expect(ZResolveDispute.safeParse({ ...base, samples: monthly(['0.02', '<0.01']) }).success).toBe(true);
    expect(ZResolveDispute.safeParse({ ...base, value: '0.02', sampledFrom: '2025-02-01', sampledTo: '2025-02-03' }).success).toBe(true);
    const paths = (body: Record<string, unknown>) => {
      const parsed = ZResolveDispute.safeParse({ ...base, ...body });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ samples: monthly(['0.02']), value: '0.02' })).toEqual(['value']);
    expect(paths({ samples: [{ on: '2023-12-15', value: '0.02' }] })).toEqual(['samples.0.on']);
    expect(paths({ samples: [...monthly(['0.02']), { on: '2024-01-15', value: '0.03' }] })).toEqual(['samples.1.on']);
    expect(paths({ samples: monthly(['0.02']), sampledFrom: '2024-01-01' })).toEqual(['sampledFrom']);
    expect(paths({})).toEqual(['value', 'sampledFrom', 'sampledTo']);
  });
});

describe('a settlement of a year of samples', () => {
  /** Both labs report 2024: monthly samples of codmn and tp, one value of nh3n and tn. */
  async function reported() {
    const t = await signedAgreement({ terms });
    await importAs(
      t,
      t.upstream,
      samplesCsv('丹江口水质监测站', [
        ['codmn', '2024-01-15', '2.2'],
        ['codmn', '2024-02-15', '2.4'],
        ['tp', '2024-01-15', '<0.02'],
        ['tp', '2024-02-15', '0.03'],
      ]),
    );
    await importAs(
      t,
      t.downstream,
      samplesCsv('北京市水文总站', [
        ['codmn', '2024-01-15', '2.3'],
        ['codmn', '2024-02-15', '2.4'],
        ['tp', '2024-01-15', '<0.02'],
        ['tp', '2024-02-20', '0.028'],
      ]),
    );
    for (const [actor, lab] of [
      [t.upstream, '丹江口水质监测站'],
      [t.downstream, '北京市水文总站'],
    ] as const) {
      await enter(t, actor, { indicator: 'nh3n', value: '0.10', laboratory: lab, sampledFrom: '2024-01-01', sampledTo: '2024-12-31' });
      await enter(t, actor, { indicator: 'tn', value: '1.05', laboratory: lab, sampledFrom: '2024-01-01', sampledTo: '2024-12-31' });
    }
    return t;
  }
  const readSamples = [
    { on: '2024-01-15', value: '<0.02' },
    { on: '2024-02-15', value: '0.03' },
    { on: '2024-02-20', value: '0.028' },
  ];

  it('reads the samples: the inputs a run rests on (and its fingerprint) hold them, a value stays one value', async () => {
    const t = await reported();
    const agreement = await testDb().agreement.findUniqueOrThrow({ where: { id: t.agreementId } });
    const { inputs } = runYear(await loadAdministration(testDb(), agreement), 2024, now);
    expect(inputs.codmn).toMatchObject({
      state: 'agreed',
      value: '2.325',
      samples: [
        { on: '2024-01-15', value: '2.25' },
        { on: '2024-02-15', value: '2.4' },
      ],
    });
    // A date both labs found below the same limit stays censored: the terms count it by their rule.
    expect(inputs.tp).toMatchObject({ state: 'agreed', samples: readSamples });
    expect(inputs.tp!.entryIds).toHaveLength(2);
    expect(inputs.nh3n).toEqual({ value: '0.1', state: 'agreed', entryIds: expect.any(Array), resolutionId: null });
  });

  it('settles a year of samples, keeps them in the settlement’s inputs, and shows them under the trace and on the statement', async () => {
    const t = await reported();
    const settlement = await runSettlementYear({ actor: t.fundAdmin, origin: origin(), ...t.at, year: 2024, now });
    expect(settlement.inputs.tp).toMatchObject({ state: 'agreed', samples: readSamples });
    const row = await testDb().settlement.findUniqueOrThrow({ where: { id: settlement.id } });
    expect((row.inputs as Record<string, { samples?: unknown }>).tp!.samples).toEqual(readSamples);
    // The terms read a bare indicator of samples as their annual mean; the trace lists the samples behind it.
    const behind = settlement.trace.flatMap((step) => traceSampleLists(step.samples));
    expect(behind.find((list) => list.indicator === 'tp')).toMatchObject({
      aggregate: 'mean',
      samples: [
        { on: '2024-01-15', value: '<0.02', counted: '0.01' },
        { on: '2024-02-15', value: '0.03' },
        { on: '2024-02-20', value: '0.028' },
      ],
    });

    // The statement lists the samples read.
    const { renderSettlementPdf } = await import('../../lib/server/fund/render-settlement-pdf');
    const pdf = await renderSettlementPdf({ actor: t.fundAdmin, origin: origin(), ...t.at, settlementId: settlement.id });
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('2024-01-15 <0.02 · 2024-02-15 0.03 · 2024-02-20 0.028');
  });
});
