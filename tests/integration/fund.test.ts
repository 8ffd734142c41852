import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/domain/errors';
import { templateTerms } from '../../lib/terms';
import { verifyAuditChains } from '../../lib/infra/audit-chain';
import { getAgreement } from '../../lib/server/agreements/get-agreement';
import { loadActor } from '../../lib/server/auth/current-actor';
import { confirmSettlement } from '../../lib/server/fund/confirm-settlement';
import { enterMonitoringValue } from '../../lib/server/fund/enter-monitoring-value';
import { exportAgreementLedger, exportPortfolioLedger } from '../../lib/server/fund/export-ledger';
import { getFundPortfolio } from '../../lib/server/fund/get-fund-portfolio';
import { getLedger } from '../../lib/server/fund/get-ledger';
import { getMonitoring } from '../../lib/server/fund/get-monitoring';
import { importMonitoringTable } from '../../lib/server/fund/import-monitoring-table';
import { listSettlements } from '../../lib/server/fund/list-settlements';
import { recordPayment } from '../../lib/server/fund/record-payment';
import { resolveDispute } from '../../lib/server/fund/resolve-dispute';
import { runSettlementYear } from '../../lib/server/fund/run-settlement';
import { reversePayment } from '../../lib/server/fund/reverse-payment';
import { pdfText } from '../support/pdf-text';
import { closeMonitoringEntry } from '../../lib/server/fund/close-monitoring-entry';
import { listDealActivity } from '../../lib/server/deals/list-deal-activity';
import { searchFundArchive } from '../../lib/server/fund/search-fund-archive';
import { setFundingShares } from '../../lib/server/fund/set-funding-shares';
import { setIndicatorTolerances } from '../../lib/server/fund/set-indicator-tolerances';
import { makeUser, testDb } from '../factories';
import { fundOrigin, signedAgreement, type FundActor } from '../factories/signed-agreement';

const origin = fundOrigin;
// Everything runs as of mid-2027: 2021–2026 are closed years, 2027 is not.
const now = new Date('2027-06-01T00:00:00Z');

// The format document's two-way rule over the agreement's years, with an amount that is not whole
// yuan, so that every split and balance below is checked to the fen.
const terms = { ...templateTerms('two-way-quality-index', 'en'), name: 'Two-way rule 2021–2030', from: 2021, to: 2030 };
terms.constants = { ...terms.constants, amount: '200000000.05' };
// Most tests here settle on one lab's results (the fund's station): these terms say any one lab is
// enough. What the default — both parties' labs — requires is tested on its own below.
const anyLab = { ...terms, monitoring: Object.fromEntries(Object.keys(terms.indicators).map((name) => [name, { labs: 'either' }])) };
const good = { codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' }; // P = 0.779… ≤ 1: downstream pays
const bad = { codmn: '2.80', nh3n: '0.15', tn: '1.40', tp: '0.035' }; // P > 1: upstream pays

type Actor = FundActor;

/** A deal with an agreement signed by both sides, a fund administrator, and members who may less. */
const administered = (options: { sign?: boolean; terms?: Record<string, unknown> } = {}) => signedAgreement({ terms: options.terms ?? anyLab, sign: options.sign });

type Table = Awaited<ReturnType<typeof administered>>;

const csvOf = (rows: [number, string, string][], lab = 'Danjiangkou station') =>
  ['year,indicator,value,laboratory,sampledFrom,sampledTo', ...rows.map(([y, i, v]) => `${y},${i},${v},${lab},${y}-01-10,${y}-12-15`)].join('\n');
const yearOf = (year: number, values: Record<string, string>) => Object.entries(values).map(([i, v]) => [year, i, v] as [number, string, string]);

async function importAs(t: Table, actor: Actor, csv: string, fileName = 'results.csv') {
  return importMonitoringTable({ actor, origin: origin(), ...t.at, fileName, bytes: new TextEncoder().encode(csv) });
}

const enter = (t: Table, actor: Actor, year: number, indicator: string, value: string) =>
  enterMonitoringValue({ actor, origin: origin(), ...t.at, input: { year, indicator, value, laboratory: 'Own lab', sampledFrom: `${year}-03-01`, sampledTo: `${year}-03-31` } });

const run = (t: Table, year: number, actor = t.fundAdmin) => runSettlementYear({ actor, origin: origin(), ...t.at, year, now });
const confirm = (t: Table, settlement: { id: string; fingerprint: string }, actor = t.fundAdmin) =>
  confirmSettlement({ actor, origin: origin(), ...t.at, settlementId: settlement.id, fingerprint: settlement.fingerprint, now });
const pay = (
  t: Table,
  input: {
    year: number;
    funder: 'CENTRAL' | 'DOWNSTREAM' | 'UPSTREAM';
    amount: string;
    direction?: 'TO_UPSTREAM' | 'FROM_UPSTREAM';
    overpaymentNote?: string;
    reference?: string;
    paidOn?: string;
    party?: string;
  },
  actor = t.fundAdmin,
) => recordPayment({ actor, origin: origin(), ...t.at, now, input: { direction: 'TO_UPSTREAM', paidOn: '2027-03-01', reference: `BANK-${input.year}-${input.funder}`, ...input } });
const reverse = (t: Table, input: { reverses: string; reason: string; paidOn: string }, actor = t.fundAdmin) => reversePayment({ actor, origin: origin(), ...t.at, now, input });

describe('fund: the monitoring rules of the signed terms', () => {
  it('by default settles a year only when both parties’ labs have reported, naming who is missing what', async () => {
    const t = await administered({ terms });
    await importAs(t, t.upstream, csvOf(yearOf(2024, good), 'Upstream lab'));
    const view = await getMonitoring({ actor: t.fundAdmin, origin: origin(), ...t.at });
    expect(view.cells.find((c) => c.year === 2024 && c.indicator === 'tp')).toMatchObject({ state: 'incomplete', value: null, missingLabs: ['downstream'] });
    expect(view.indicators.find((i) => i.name === 'tp')).toMatchObject({ labs: 'both' });

    // The party that is paid cannot settle a year on its own results.
    const blocked = await run(t, 2024).catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(ValidationError);
    expect((blocked as ValidationError).problems.map((p) => [p.field, p.message])).toEqual(
      [
        ['codmn', 'Permanganate index (COD_Mn)'],
        ['nh3n', 'Ammonia nitrogen (NH₃-N)'],
        ['tn', 'Total nitrogen (TN)'],
        ['tp', 'Total phosphorus (TP)'],
      ].map(([code, name]) => [`2024.${code}`, `${name} in 2024: no result yet from the downstream lab, which the terms require before the year can settle`]),
    );
    const listed = await listSettlements({ actor: t.fundAdmin, origin: origin(), ...t.at, now });
    expect(listed.years.find((y) => y.year === 2024)).toMatchObject({ state: 'BLOCKED' });

    await importAs(t, t.downstream, csvOf(yearOf(2024, good), 'Downstream lab'));
    expect(await run(t, 2024)).toMatchObject({ status: 'DRAFT', direction: 'TO_UPSTREAM', inputs: { tp: { state: 'agreed', value: '0.026' } } });
  });

  it('judges by the tolerance the parties signed, which the fund cannot change afterwards', async () => {
    const signed = { ...terms, monitoring: { codmn: { tolerance: { absolute: '0.2' } } } };
    const t = await administered({ terms: signed });
    await enter(t, t.upstream, 2024, 'codmn', '2.31');
    const entered = await enter(t, t.downstream, 2024, 'codmn', '2.45');
    expect(entered.cell).toMatchObject({ state: 'agreed', value: '2.38', allowed: '0.2' });
    await expect(setIndicatorTolerances({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { tolerances: { codmn: { absolute: '0', relative: null } } } })).rejects.toMatchObject({ status: 409 });
    expect(await testDb().indicatorTolerance.count({ where: { agreementId: t.agreementId } })).toBe(0);
    const after = (await getMonitoring({ actor: t.fundAdmin, origin: origin(), ...t.at })).cells.find((c) => c.year === 2024 && c.indicator === 'codmn');
    expect(after).toMatchObject({ state: 'agreed', value: '2.38' });
  });

  it('lets the fund close a year a lab never reported by a re-test it commissioned', async () => {
    const t = await administered({ terms });
    const up = await enter(t, t.upstream, 2024, 'codmn', '2.31');
    expect(up.cell).toMatchObject({ state: 'incomplete', missingLabs: ['downstream'] });
    const resolved = await resolveDispute({
      actor: t.fundAdmin,
      origin: origin(),
      ...t.at,
      input: { year: 2024, indicator: 'codmn', method: 'RETEST', value: '2.35', note: 'downstream lab did not report', laboratory: 'Fund station', sampledFrom: '2024-06-01', sampledTo: '2024-06-30' },
      evidence: { fileName: 'retest.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% re-test report\n%%EOF\n') },
    });
    expect(resolved).toMatchObject({ cell: { state: 'resolved', value: '2.35' } });
  });
});

describe('fund: blind entry', () => {
  it('shows a lab the other side’s result only once it has entered its own, or the fund closes the year', async () => {
    const t = await administered({ terms });
    await enter(t, t.upstream, 2024, 'codmn', '2.31');
    await enter(t, t.upstream, 2024, 'tp', '0.026');
    const cell = async (actor: Actor, indicator: string) => (await getMonitoring({ actor, origin: origin(), ...t.at })).cells.find((c) => c.year === 2024 && c.indicator === indicator)!;

    // Downstream has entered nothing for 2024: it sees that upstream reported, not what.
    const sealed = await cell(t.downstream, 'codmn');
    expect(sealed).toMatchObject({ state: 'sealed', value: null, current: [{ side: 'UPSTREAM', value: null, laboratory: 'Own lab' }] });
    expect(JSON.stringify(await getMonitoring({ actor: t.downstream, origin: origin(), ...t.at }))).not.toContain('2.31');
    // Nor from the activity, the agreement's trail or their sentences.
    const activity = await listDealActivity({ actor: t.downstream, origin: origin(), dealId: t.deal.id, filter: { limit: 200 } });
    expect(activity.events.some((e) => e.action === 'monitoring.entered')).toBe(true);
    expect(JSON.stringify(activity)).not.toContain('2.31');
    expect(JSON.stringify(await getAgreement({ actor: t.downstream, origin: origin(), ...t.at }))).not.toContain('2.31');
    // The fund and the side that entered see the value.
    expect(await cell(t.fundAdmin, 'codmn')).toMatchObject({ state: 'incomplete', current: [{ value: '2.31' }] });
    expect(JSON.stringify(await listDealActivity({ actor: t.upstream, origin: origin(), dealId: t.deal.id, filter: { limit: 200 } }))).toContain('2.31');

    // Once downstream has entered its own codmn, that cell opens for it; tp stays sealed.
    await enter(t, t.downstream, 2024, 'codmn', '2.33');
    expect(await cell(t.downstream, 'codmn')).toMatchObject({
      state: 'disputed',
      current: [
        { side: 'UPSTREAM', value: '2.31' },
        { side: 'DOWNSTREAM', value: '2.33' },
      ],
    });
    expect(await cell(t.downstream, 'tp')).toMatchObject({ state: 'sealed' });

    // The fund closes the year's entry: everything opens, once.
    await expect(closeMonitoringEntry({ actor: t.upstream, origin: origin(), ...t.at, input: { year: 2024 } })).rejects.toMatchObject({ status: 403 });
    await closeMonitoringEntry({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { year: 2024 } });
    expect(await cell(t.downstream, 'tp')).toMatchObject({ state: 'incomplete', current: [{ value: '0.026' }] });
    expect((await getMonitoring({ actor: t.downstream, origin: origin(), ...t.at })).years.find((y) => y.year === 2024)).toMatchObject({ entryClosed: true });
    await expect(closeMonitoringEntry({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { year: 2024 } })).rejects.toMatchObject({ status: 409 });
    await expect(closeMonitoringEntry({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { year: 2040 } })).rejects.toMatchObject({ status: 400, field: 'year' });
    await expect(testDb().monitoringEntryClosure.deleteMany({ where: { agreementId: t.agreementId } })).rejects.toThrow();
  });
});

describe('fund: correcting payments honestly', () => {
  it('undoes a payment only by a reversal that names it and says why, shown linked in the ledger', async () => {
    const t = await administered();
    const paid = await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '1000.00' });
    await expect(reverse(t, { reverses: paid.id, reason: 'before it came', paidOn: '2027-02-01' })).rejects.toMatchObject({ problems: [{ field: 'paidOn' }] });
    const undone = await reverse(t, { reverses: paid.id, reason: 'entered against the wrong year', paidOn: '2027-03-05' });
    expect(undone).toMatchObject({ reversesId: paid.id, reversalReason: 'entered against the wrong year', direction: 'FROM_UPSTREAM', amount: '1000.00', funder: 'DOWNSTREAM', year: 2024 });
    const ledger = await getLedger({ actor: t.fundAdmin, origin: origin(), ...t.at });
    expect(ledger.payments.find((p) => p.id === paid.id)).toMatchObject({ reversedById: undone.id, overpayment: null });
    // The two net to nothing; no overpayment, no fictitious refund.
    expect(ledger.lines.find((l) => l.year === 2024 && l.funder === 'DOWNSTREAM')).toMatchObject({ paid: '0.00' });

    await expect(reverse(t, { reverses: paid.id, reason: 'again', paidOn: '2027-03-06' })).rejects.toMatchObject({ status: 409, message: expect.stringContaining('already reversed on 2027-03-05') });
    await expect(reverse(t, { reverses: undone.id, reason: 'undo the undo', paidOn: '2027-03-06' })).rejects.toMatchObject({ status: 409 });
    await expect(reverse(t, { reverses: '00000000-0000-4000-8000-000000000000', reason: 'x', paidOn: '2027-03-06' })).rejects.toMatchObject({ status: 400, field: 'reverses' });
    await expect(reverse(t, { reverses: paid.id, reason: 'x', paidOn: '2027-03-06' }, t.upstream)).rejects.toMatchObject({ status: 403 });
    // The database itself refuses a "reversal" that does not undo exactly the payment it names.
    await expect(
      testDb().payment.create({
        data: {
          agreementId: t.agreementId,
          year: 2024,
          funder: 'DOWNSTREAM',
          direction: 'FROM_UPSTREAM',
          amount: '999.00',
          paidOn: new Date('2027-03-07'),
          reference: 'x',
          reversesId: paid.id,
          reversalReason: 'x',
          recordedById: t.fundAdmin.id,
          recordedByName: 'x',
        },
      }),
    ).rejects.toThrow();
  });

  it('refuses an exact second entry of a transfer unless confirmed as intended', async () => {
    const t = await administered();
    const first = await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '500.00' });
    const again = await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '500.00' }).catch((error: unknown) => error);
    expect(again).toMatchObject({ status: 409, message: expect.stringContaining(`reference ${first.reference}`) });
    expect(await testDb().payment.count({ where: { agreementId: t.agreementId } })).toBe(1);
    // A different reference is a different transfer; a confirmed second one is recorded.
    await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '500.00', reference: 'BANK-2024-DOWNSTREAM-2' });
    await recordPayment({
      actor: t.fundAdmin,
      origin: origin(),
      ...t.at,
      now,
      input: { year: 2024, funder: 'DOWNSTREAM', direction: 'TO_UPSTREAM', amount: '500.00', paidOn: '2027-03-01', reference: first.reference, confirmDuplicate: true },
    });
    expect(await testDb().payment.count({ where: { agreementId: t.agreementId } })).toBe(3);
  });

  it('refuses a payment dated in the future or long before the agreement and its year', async () => {
    const t = await administered();
    await expect(pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '1.00', paidOn: '2031-01-01' })).rejects.toMatchObject({
      problems: [{ field: 'paidOn', message: expect.stringContaining('after today (2027-06-01') }],
    });
    await expect(pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '1.00', paidOn: '1990-01-01' })).rejects.toMatchObject({
      problems: [{ field: 'paidOn', message: expect.stringContaining('is before') }],
    });
    // An advance up to a year ahead of its year is fine.
    await expect(pay(t, { year: 2027, funder: 'DOWNSTREAM', amount: '1.00', paidOn: '2027-01-02' })).resolves.toMatchObject({ kind: 'ADVANCE' });
    expect(await testDb().payment.count({ where: { agreementId: t.agreementId } })).toBe(1);
  });
});

describe('fund: monitoring data and disputes', () => {
  it('imports a year of results with who, laboratory and sampling dates, for the importer’s side', async () => {
    const t = await administered();
    const imported = await importAs(t, t.fundAdmin, csvOf(yearOf(2024, good)), 'station-2024.csv');
    expect(imported).toMatchObject({ imported: 4, years: [2024], disputed: [] });
    const fundView = await getMonitoring({ actor: t.fundAdmin, origin: origin(), ...t.at });
    const cell = fundView.cells.find((c) => c.year === 2024 && c.indicator === 'codmn')!;
    expect(cell).toMatchObject({
      state: 'single',
      value: '2.31',
      current: [{ side: 'FUND', laboratory: 'Danjiangkou station', sampledFrom: '2024-01-10', sampledTo: '2024-12-15', source: 'IMPORT', fileName: 'station-2024.csv', enteredBy: 'Test User' }],
    });
    // A party's lab that has not entered its own sees who reported, not what (blind entry).
    const view = await getMonitoring({ actor: t.upstream, origin: origin(), ...t.at });
    expect(view.cells.find((c) => c.year === 2024 && c.indicator === 'codmn')).toMatchObject({
      state: 'sealed',
      value: null,
      current: [{ side: 'FUND', value: null, laboratory: 'Danjiangkou station' }],
    });
    expect(view.me).toMatchObject({ side: 'UPSTREAM', mayEnter: true, mayAdminister: false });
  });

  it('refuses a table with unknown indicators and bad numbers, listing every problem, saving nothing', async () => {
    const t = await administered();
    const csv = [
      'year,indicator,value,laboratory,sampledFrom,sampledTo',
      '2024,codmn,2.31,Lab,2024-01-01,2024-12-31',
      '2024,cod,2.4,Lab,2024-01-01,2024-12-31',
      '2024,tp,0,026,Lab,2024-01-01',
      '2024,nh3n,n.d.,Lab,2024-01-01,2024-12-31',
      '2035,tn,1.1,Lab,2035-01-01,2035-12-31',
    ].join('\n');
    const refused = await importAs(t, t.fundAdmin, csv).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).message).toMatch(/^File: the table has 4 problems and nothing was saved/);
    expect((refused as ValidationError).problems).toMatchObject([
      { field: 'row 3, column B (indicator)', message: expect.stringContaining('unknown indicator "cod" (the agreement\'s terms declare codmn, nh3n, tn, tp)') },
      { field: 'row 4, column E (sampledFrom)', message: '"Lab" is not a date (write 2018-01-01, 2018/1/1 or an Excel date)' },
      { field: 'row 5, column C (value)', message: expect.stringContaining('"n.d." is not a lab result') },
      { field: 'row 6, column A (year)', message: "2035 is outside the agreement's years 2021–2030" },
    ]);
    expect(await testDb().monitoringValue.count({ where: { agreementId: t.agreementId } })).toBe(0);
    const refusedXlsx = await importMonitoringTable({ actor: t.fundAdmin, origin: origin(), ...t.at, fileName: 'x.xlsx', bytes: new TextEncoder().encode('PK\u0003\u0004 broken') }).catch(
      (e: unknown) => e,
    );
    expect(refusedXlsx).toMatchObject({ status: 400, problems: [{ message: expect.stringContaining('not a readable .xlsx') }] });
  });

  it('reads an Excel table the same way', async () => {
    const t = await administered();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Monitoring');
    sheet.addRow(['year', 'indicator', 'value', 'laboratory', 'sampledFrom', 'sampledTo']);
    for (const [indicator, value] of Object.entries(good)) sheet.addRow([2023, indicator, Number(value), 'Hubei centre', new Date(Date.UTC(2023, 0, 5)), new Date(Date.UTC(2023, 11, 20))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importMonitoringTable({ actor: t.downstream, origin: origin(), ...t.at, fileName: 'beijing-2023.xlsx', bytes })).toMatchObject({ imported: 4 });
    const view = await getMonitoring({ actor: t.fundAdmin, origin: origin(), ...t.at });
    expect(view.cells.find((c) => c.year === 2023 && c.indicator === 'tp')).toMatchObject({ value: '0.026', current: [{ side: 'DOWNSTREAM', sampledFrom: '2023-01-05' }] });
  });

  it('marks results differing beyond the tolerance disputed; a disputed value blocks the settlement', async () => {
    const t = await administered();
    await importAs(t, t.fundAdmin, csvOf(yearOf(2024, good)));
    const entered = await enter(t, t.upstream, 2024, 'codmn', '2.45');
    expect(entered.cell).toMatchObject({ state: 'disputed', spread: '0.14', allowed: '0', value: null });

    const blocked = await run(t, 2024).catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(ValidationError);
    expect((blocked as ValidationError).problems).toMatchObject([
      { field: '2024.codmn', message: 'Permanganate index (COD_Mn) for 2024 is disputed (upstream 2.45, fund 2.31; they differ by 0.14, the tolerance allows 0): resolve it first' },
    ]);
    expect(await testDb().settlement.count({ where: { agreementId: t.agreementId } })).toBe(0);
    const listed = await listSettlements({ actor: t.fundAdmin, origin: origin(), ...t.at, now });
    expect(listed.years.find((y) => y.year === 2024)).toMatchObject({ state: 'BLOCKED', problems: [{ field: '2024.codmn' }] });

    // After signing the fund cannot loosen the tolerance on its own (tests/integration/amendments.test.ts: by an amendment).
    await expect(setIndicatorTolerances({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { tolerances: { codmn: { absolute: null, relative: '0.1' } } } })).rejects.toMatchObject({
      status: 409,
    });
    expect((await getMonitoring({ actor: t.fundAdmin, origin: origin(), ...t.at })).cells.find((c) => c.year === 2024 && c.indicator === 'codmn')).toMatchObject({ state: 'disputed' });
  });

  it('resolves a dispute by accepting one result, averaging, or a re-test with evidence; a new result reopens it', async () => {
    const t = await administered();
    await importAs(t, t.fundAdmin, csvOf(yearOf(2024, good)));
    const { id: upstreamValue } = await enter(t, t.upstream, 2024, 'codmn', '2.45');
    await expect(resolveDispute({ actor: t.upstream, origin: origin(), ...t.at, input: { method: 'AVERAGE', year: 2024, indicator: 'codmn', note: 'meeting' } })).rejects.toMatchObject({
      status: 403,
      right: 'manage',
    });
    await expect(
      resolveDispute({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { method: 'ACCEPT', year: 2024, indicator: 'codmn', valueId: '00000000-0000-4000-8000-000000000000', note: 'x' } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(resolveDispute({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { method: 'AVERAGE', year: 2024, indicator: 'tp', note: 'x' } })).rejects.toThrow(
      /Total phosphorus \(TP\) for 2024 is not disputed: only one side has entered a result/,
    );

    const accepted = await resolveDispute({
      actor: t.fundAdmin,
      origin: origin(),
      ...t.at,
      input: { method: 'ACCEPT', year: 2024, indicator: 'codmn', valueId: upstreamValue, note: 'upstream sampled at the boundary section' },
    });
    expect(accepted.cell).toMatchObject({ state: 'resolved', value: '2.45', resolution: { method: 'ACCEPT', acceptedValueId: upstreamValue } });
    const settled = await run(t, 2024);
    expect(settled).toMatchObject({ status: 'DRAFT', due: '200000000.05' });

    // A newer downstream result reopens the dispute; a re-test settles it again.
    await enter(t, t.downstream, 2024, 'codmn', '2.9');
    await expect(run(t, 2024)).rejects.toMatchObject({ problems: [{ field: '2024.codmn', message: expect.stringContaining('disputed') }] });
    await expect(
      resolveDispute({
        actor: t.fundAdmin,
        origin: origin(),
        ...t.at,
        input: { method: 'RETEST', year: 2024, indicator: 'codmn', value: '2.50', laboratory: 'National centre', sampledFrom: '2025-02-01', sampledTo: '2025-02-03', note: 'joint re-test' },
      }),
    ).rejects.toMatchObject({ field: 'file' });
    const pdf = new TextEncoder().encode('%PDF-1.4\n% re-test report\n%%EOF\n');
    const retest = await resolveDispute({
      actor: t.fundAdmin,
      origin: origin(),
      ...t.at,
      input: { method: 'RETEST', year: 2024, indicator: 'codmn', value: '2.50', laboratory: 'National centre', sampledFrom: '2025-02-01', sampledTo: '2025-02-03', note: 'joint re-test' },
      evidence: { fileName: 'retest.pdf', bytes: pdf },
    });
    expect(retest.cell).toMatchObject({
      state: 'resolved',
      value: '2.5',
      resolution: { method: 'RETEST', laboratory: 'National centre', evidence: { fileName: 'retest.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    });
    expect((await run(t, 2024)).inputs.codmn).toMatchObject({ value: '2.5', state: 'resolved', resolutionId: retest.id });
  });
});

describe('fund: settlement', () => {
  it('refuses a year with missing data, an open year and a year outside, listing every problem and saving nothing', async () => {
    const t = await administered();
    await importAs(t, t.fundAdmin, csvOf([[2024, 'codmn', '2.31']]));
    const missing = await run(t, 2024).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).problems.map((p) => p.field)).toEqual(['2024.nh3n', '2024.tn', '2024.tp']);
    expect((missing as ValidationError).message).toMatch(/^2024 cannot be settled yet \(3 problems, nothing was saved\)/);
    await expect(run(t, 2027)).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ field: 'year', message: '2027 is not over yet: a year is settled once it has closed' })]),
    });
    await expect(run(t, 2031)).rejects.toMatchObject({ problems: expect.arrayContaining([expect.objectContaining({ field: 'year', message: "2031 is outside the agreement's years 2021–2030" })]) });
    expect(await testDb().settlement.count({ where: { agreementId: t.agreementId } })).toBe(0);
  });

  it('gives the amount due, its direction and the formula trace; confirming makes it final', async () => {
    const t = await administered();
    await importAs(t, t.fundAdmin, csvOf(yearOf(2024, bad)));
    const draft = await run(t, 2024);
    expect(draft).toMatchObject({ status: 'DRAFT', payment: '-200000000.05', unit: 1, due: '-200000000.05', direction: 'FROM_UPSTREAM', advances: '0.00', balance: '-200000000.05' });
    expect(draft.funders).toEqual([
      { funder: 'CENTRAL', due: '0.00', advances: '0.00', balance: '0.00' },
      { funder: 'DOWNSTREAM', due: '-200000000.05', advances: '0.00', balance: '-200000000.05' },
      { funder: 'UPSTREAM', due: '0.00', advances: '0.00', balance: '0.00' },
    ]);
    expect(draft.trace.map((s) => s.name)).toEqual(['P', 'payment']);
    expect(draft.trace[0]!.text).toMatch(/^P = 0\.9 \* \(0\.25 \* 2\.8 \/ 2\.6/);
    expect(draft.inputs).toMatchObject({ codmn: { value: '2.8', state: 'single' } });
    await expect(confirm(t, draft, t.upstream)).rejects.toMatchObject({ status: 403, right: 'manage' });
    const confirmed = await confirm(t, draft);
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', confirmedBy: 'Test User', due: '-200000000.05' });
    const agreement = await getAgreement({ actor: t.fundAdmin, origin: origin(), ...t.at });
    expect(agreement.audit.map((e) => e.action)).toEqual(expect.arrayContaining(['monitoring.imported', 'settlement.run', 'settlement.confirmed']));
    expect(agreement.hashVerified).toBe(true);
  });

  it('nets advance payments: per funder, and an advance larger than what is due becomes a refund', async () => {
    // The split is the one the parties signed; the fund cannot set another after signing.
    const t = await administered({ terms: { ...anyLab, fundingShares: { central: '0.5', downstream: '0.3', upstream: '0.2' } } });
    await expect(setFundingShares({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { shares: { CENTRAL: '1' } } })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/amendment both parties sign/),
    });
    // Advances at the start of the year, against the scheduled 200 000 000 (central: 100 000 000).
    await pay(t, { year: 2024, funder: 'CENTRAL', amount: '60000000.00' });
    await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '36000000.01' });
    await pay(t, { year: 2025, funder: 'CENTRAL', amount: '60000000' });
    await importAs(t, t.fundAdmin, csvOf([...yearOf(2024, good), ...yearOf(2025, bad)]));

    const y2024 = await run(t, 2024);
    expect(y2024).toMatchObject({ due: '200000000.05', direction: 'TO_UPSTREAM', advances: '96000000.01', balance: '104000000.04' });
    // 200 000 000.05 × 0.5 = 100 000 000.025 → .03 half up; × 0.3 → 60 000 000.015 → .02; × 0.2 → 40 000 000.01: one fen too many, taken from the largest share.
    expect(y2024.funders).toEqual([
      { funder: 'CENTRAL', due: '100000000.02', advances: '60000000.00', balance: '40000000.02' },
      { funder: 'DOWNSTREAM', due: '60000000.02', advances: '36000000.01', balance: '24000000.01' },
      { funder: 'UPSTREAM', due: '40000000.01', advances: '0.00', balance: '40000000.01' },
    ]);
    const y2025 = await run(t, 2025);
    expect(y2025).toMatchObject({ due: '-200000000.05', direction: 'FROM_UPSTREAM', advances: '60000000.00', balance: '-260000000.05' });
    expect(y2025.funders.map((f) => f.balance)).toEqual(['-60000000.00', '-200000000.05', '0.00']);

    // A payment recorded after the run changes the netting: the draft can no longer be confirmed.
    await pay(t, { year: 2024, funder: 'UPSTREAM', amount: '0.01' });
    await expect(confirm(t, y2024)).rejects.toThrow(/no longer matches the data/);
    const again = await run(t, 2024);
    expect(again).toMatchObject({ advances: '96000000.02', balance: '104000000.03' });
    await expect(confirm(t, { id: again.id, fingerprint: y2024.fingerprint })).rejects.toThrow(/not the run you checked/);
    await confirm(t, again);
    await confirm(t, y2025);
  });
});

describe('fund: payments and the ledger', () => {
  it('adds up to the fen per agreement, year and funder, and for the portfolio', async () => {
    const t = await administered({ terms: { ...anyLab, fundingShares: { central: '0.3333', downstream: '0.3333', upstream: '0.3334' } } });
    await importAs(t, t.fundAdmin, csvOf(yearOf(2024, good)));
    await pay(t, { year: 2024, funder: 'CENTRAL', amount: '30000000.10' });
    const settlement = await confirm(t, await run(t, 2024));
    // 200 000 000.05 in shares of 0.3333 / 0.3333 / 0.3334: 66 660 000.02 + 66 660 000.02 + 66 680 000.02 = 200 000 000.06, one fen back from the largest.
    expect(settlement.funders.map((f) => f.due)).toEqual(['66660000.02', '66660000.02', '66680000.01']);
    await pay(t, { year: 2024, funder: 'CENTRAL', amount: '36659999.92' });
    await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '66660000.02' });
    await pay(t, { year: 2024, funder: 'UPSTREAM', amount: '12345.67' });

    const ledger = await getLedger({ actor: t.downstream, origin: origin(), ...t.at });
    expect(ledger.lines.filter((l) => l.year === 2024)).toEqual([
      { agreementId: t.agreementId, year: 2024, funder: 'CENTRAL', scheduled: '66660000.00', settled: '66660000.02', paid: '66660000.02', outstanding: '0.00' },
      { agreementId: t.agreementId, year: 2024, funder: 'DOWNSTREAM', scheduled: '66660000.00', settled: '66660000.02', paid: '66660000.02', outstanding: '0.00' },
      { agreementId: t.agreementId, year: 2024, funder: 'UPSTREAM', scheduled: '66680000.00', settled: '66680000.01', paid: '12345.67', outstanding: '66667654.34' },
    ]);
    expect(ledger.byYear.find((y) => y.year === 2024)).toMatchObject({ confirmed: true, scheduled: '200000000.00', settled: '200000000.05', paid: '133332345.71', outstanding: '66667654.34' });
    // 10 scheduled years of 200 000 000; one settled.
    expect(ledger.totals).toEqual({
      scheduled: '2000000000.00',
      settled: '200000000.05',
      paid: '133332345.71',
      advances: '0.00',
      outstanding: '66667654.34',
      owedToUpstream: '66667654.34',
      owedByUpstream: '0.00',
    });
    expect(ledger.payments.map((p) => p.kind)).toEqual(['ADVANCE', 'SETTLEMENT', 'SETTLEMENT', 'SETTLEMENT']);
    // The first payment was made before the settlement: an advance against the schedule.
    expect((await testDb().payment.findMany({ where: { agreementId: t.agreementId }, orderBy: { createdAt: 'asc' } })).map((p) => p.settlementId === null)).toEqual([true, false, false, false]);

    const portfolio = await getFundPortfolio({ actor: t.fundAdmin, origin: origin(), now });
    expect(portfolio.agreements).toEqual([expect.objectContaining({ id: t.agreementId, totals: ledger.totals, confirmedYears: 1, disputed: 0 })]);
    expect(portfolio.totals).toEqual(ledger.totals);
    expect(portfolio.byFunder.find((f) => f.funder === 'UPSTREAM')).toMatchObject({ paid: '12345.67', outstanding: '66667654.34' });
    expect(portfolio.payments[0]).toMatchObject({ amount: '12345.67', reference: 'BANK-2024-UPSTREAM' });
    expect(portfolio.results.find((r) => r.indicator === 'codmn' && r.year === 2024)).toMatchObject({ value: '2.31', target: '2.6', met: true });
    // Another fund's administrator sees none of it.
    const otherFund = (await loadActor((await makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' })).id))!;
    expect((await getFundPortfolio({ actor: otherFund, origin: origin() })).agreements).toEqual([]);

    const csv = await exportAgreementLedger({ actor: t.viewer, origin: origin(), ...t.at, format: 'csv' });
    const text = csv.bytes.toString('utf8');
    // A report in the reader's language (a Chinese reader here): headers and funders from the catalogue, amounts as they are.
    expect(text).toContain('项目,协议编号,年度,出资方,计划金额,结算金额,已付金额,未结清金额,币种');
    expect(text).toContain(`${t.deal.slug},1,2024,上游方（自筹）,66680000.00,66680000.01,12345.67,66667654.34,CNY`);
    expect(text).toContain(`${t.deal.slug},1,2025,下游方,66660000.00,,0.00,,CNY`);
    const xlsx = await exportPortfolioLedger({ actor: t.fundAdmin, origin: origin(), format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('付款记录')!.rowCount).toBe(5);
    expect(workbook.getWorksheet('付款记录')!.getRow(1).getCell(6).text).toBe('方向');
    const english = await exportAgreementLedger({ actor: { ...t.viewer, locale: 'en' }, origin: origin(), ...t.at, format: 'csv' });
    expect(english.bytes.toString('utf8')).toContain(`${t.deal.slug},1,2024,Upstream party (own budget)`);
  });

  it('refuses a payment larger than the outstanding balance unless it carries an overpayment note', async () => {
    const t = await administered();
    await importAs(t, t.fundAdmin, csvOf(yearOf(2024, good)));
    await confirm(t, await run(t, 2024));
    await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '200000000.00' });
    const over = await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '0.06' }).catch((error: unknown) => error);
    expect(over).toBeInstanceOf(ValidationError);
    expect((over as ValidationError).problems).toMatchObject([
      { field: 'amount', message: '0.06 is more than the outstanding balance in this direction (0.05) by 0.01: correct the amount, or add an overpayment note to record it anyway' },
    ]);
    // Terms without a parties section: a payment names no organisation (docs/decisions/0110).
    await expect(pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '0.01', party: 'henan' })).rejects.toMatchObject({
      problems: [{ field: 'party', message: 'payments on this funder line name no organisation: the terms name none for it' }],
    });
    await expect(pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '1.005' })).rejects.toMatchObject({
      problems: [{ field: 'amount', message: '1.005 has more than two decimals: amounts are to the fen' }],
    });
    await expect(pay(t, { year: 2024, funder: 'CENTRAL', amount: '1' })).rejects.toThrow(/more than the outstanding balance in this direction \(0\.00\)/);
    await expect(pay(t, { year: 2031, funder: 'DOWNSTREAM', amount: '1' })).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ field: 'year', message: "2031 is outside the agreement's years 2021–2030" })]),
    });
    expect(await testDb().payment.count({ where: { agreementId: t.agreementId } })).toBe(1);

    const noted = await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '0.06', overpaymentNote: 'bank rounded up the transfer' });
    expect(noted).toMatchObject({ amount: '0.06', overpayment: '0.01', overpaymentNote: 'bank rounded up the transfer', kind: 'SETTLEMENT' });
    const line = (await getLedger({ actor: t.fundAdmin, origin: origin(), ...t.at })).lines.find((l) => l.year === 2024 && l.funder === 'DOWNSTREAM');
    expect(line).toMatchObject({ paid: '200000000.06', outstanding: '-0.01' });
    // The upstream party pays the extra fen back: allowed up to what it owes.
    await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '0.01', direction: 'FROM_UPSTREAM' });
    expect((await getLedger({ actor: t.fundAdmin, origin: origin(), ...t.at })).totals).toMatchObject({ paid: '200000000.05', outstanding: '0.00' });
  });
});

describe('fund: immutability and authorisation', () => {
  it('keeps a confirmed settlement, its year’s results and every payment unchangeable, in the database itself', async () => {
    const t = await administered();
    await importAs(t, t.fundAdmin, csvOf(yearOf(2024, good)));
    const settlement = await confirm(t, await run(t, 2024));
    const payment = await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '1000.00' });

    await expect(testDb().settlement.update({ where: { id: settlement.id }, data: { due: '1.00' } })).rejects.toThrow(/confirmed and immutable/);
    await expect(testDb().settlement.update({ where: { id: settlement.id }, data: { status: 'DRAFT', confirmedAt: null, confirmedById: null } })).rejects.toThrow(/confirmed and immutable/);
    await expect(testDb().settlement.delete({ where: { id: settlement.id } })).rejects.toThrow(/confirmed and immutable/);
    await expect(testDb().payment.update({ where: { id: payment.id }, data: { amount: '1.00' } })).rejects.toThrow();
    await expect(testDb().payment.delete({ where: { id: payment.id } })).rejects.toThrow();
    await expect(testDb().$executeRawUnsafe('TRUNCATE "Payment"')).rejects.toThrow(/append-only/);
    const value = await testDb().monitoringValue.findFirstOrThrow({ where: { agreementId: t.agreementId } });
    await expect(testDb().monitoringValue.update({ where: { id: value.id }, data: { value: '1' } })).rejects.toThrow();
    await expect(testDb().monitoringValue.create({ data: { ...value, id: undefined, value: '9.99', createdAt: undefined, samples: undefined } })).rejects.toThrow(/settled and final/);

    await expect(enter(t, t.upstream, 2024, 'codmn', '2.2')).rejects.toBeInstanceOf(ConflictError);
    await expect(importAs(t, t.fundAdmin, csvOf([[2024, 'tp', '0.02']]))).rejects.toMatchObject({
      problems: [{ field: 'row 2, column A (year)', message: '2024 is settled and final: its monitoring results can no longer change' }],
    });
    await expect(run(t, 2024)).rejects.toBeInstanceOf(ConflictError);
    await expect(confirm(t, settlement)).rejects.toThrow(/confirmed already/);
    const stored = await testDb().settlement.findUniqueOrThrow({ where: { id: settlement.id } });
    expect(stored.due.toFixed(2)).toBe('200000000.05');

    // A draft may be re-run, but confirming cannot slip in a different amount.
    await importAs(t, t.fundAdmin, csvOf(yearOf(2023, good)));
    const draft = await run(t, 2023);
    await expect(testDb().settlement.update({ where: { id: draft.id }, data: { status: 'CONFIRMED', confirmedAt: new Date(), confirmedById: t.fundAdmin.id, due: '1.00' } })).rejects.toThrow(
      /cannot change what was run/,
    );
    // One generic guard (docs/decisions/0110): the draft's agreement and year stay, confirming names who and when.
    await expect(testDb().settlement.update({ where: { id: draft.id }, data: { year: 2022 } })).rejects.toThrow(/its year is fixed/);
    await expect(testDb().settlement.update({ where: { id: draft.id }, data: { status: 'CONFIRMED', confirmedAt: new Date() } })).rejects.toThrow(/confirming needs confirmedById/);
    await expect(testDb().settlement.update({ where: { id: draft.id }, data: { confirmedAt: new Date() } })).rejects.toThrow(/only a confirmed row names confirmedAt/);
    await expect(testDb().settlement.update({ where: { id: draft.id }, data: { parties: [] } })).resolves.toMatchObject({ id: draft.id });
    expect((await verifyAuditChains(testDb())).broken.filter((link) => link.chain === t.deal.id)).toEqual([]);
  });

  it('lets only fund members with manage administer, parties enter their own results, and strangers see nothing', async () => {
    const t = await administered();
    const stranger = (await loadActor((await makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' })).id))!;
    await expect(getMonitoring({ actor: stranger, origin: origin(), ...t.at })).rejects.toBeInstanceOf(NotFoundError);
    await expect(enter(t, stranger, 2024, 'codmn', '2')).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMonitoring({ actor: t.upstream, origin: origin(), dealId: t.deal.id, agreementId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
    // An observer with the edit right is no party; a fund member without edit or manage may only read.
    await expect(enter(t, t.viewer, 2024, 'codmn', '2')).rejects.toMatchObject({ status: 403, right: expect.stringContaining('enter monitoring results') });
    await expect(enter(t, t.reader, 2024, 'codmn', '2')).rejects.toMatchObject({ status: 403, right: 'edit' });
    // A platform administrator holds manage, but is not on the fund's side.
    await expect(run(t, 2024, t.admin)).rejects.toMatchObject({ status: 403, right: expect.stringContaining('administer the fund') });
    await expect(pay(t, { year: 2024, funder: 'CENTRAL', amount: '1' }, t.downstream)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await testDb().auditEvent.count({ where: { action: 'access.refused', actorId: t.admin.id } })).toBe(1);

    const unsigned = await administered({ sign: false });
    await expect(enter(unsigned, unsigned.upstream, 2024, 'codmn', '2')).rejects.toThrow(/not signed by every signatory yet/);
    expect((await getMonitoring({ actor: unsigned.viewer, origin: origin(), ...unsigned.at })).agreement.status).toBe('DRAFT');
    await expect(
      testDb().monitoringValue.create({
        data: {
          agreementId: unsigned.agreementId,
          year: 2024,
          indicator: 'codmn',
          value: '1',
          side: 'UPSTREAM',
          laboratory: 'x',
          sampledFrom: new Date(),
          sampledTo: new Date(),
          source: 'MANUAL',
          enteredById: unsigned.upstream.id,
          enteredByName: 'x',
        },
      }),
    ).rejects.toThrow(/not signed and archived/);

    const archive = await searchFundArchive({ actor: t.fundAdmin, origin: origin(), filter: { party: 'Org', fromYear: 2029, toYear: 2035 } });
    expect(archive.agreements.map((a) => a.id)).toEqual([t.agreementId]);
    expect(archive.agreements[0]).toMatchObject({ hashVerified: true, administration: { confirmedYears: [] } });
    expect((await searchFundArchive({ actor: t.fundAdmin, origin: origin(), filter: { toYear: 2020 } })).agreements).toEqual([]);
    expect((await searchFundArchive({ actor: stranger, origin: origin(), filter: {} })).agreements).toEqual([]);
  });
});

describe('fund: a settlement an accountant can file', () => {
  // The score-based rule: 2021's results give 117 750 000 due; the terms call for a 90 000 000 advance.
  const scoreTerms = { ...templateTerms('score-based', 'en'), from: 2021, to: 2030 };
  const scoreAnyLab = { ...scoreTerms, monitoring: Object.fromEntries(Object.keys(scoreTerms.indicators).map((name) => [name, { labs: 'either' }])) };
  const scored2021 = { codmn: '3.2', nh3n: '0.35', tp: '0.06', volume: '92' };

  it('names the currency and price base, the terms’ advance beside the advances paid, and who pays whom by organisation', async () => {
    const t = await administered({ terms: scoreAnyLab });
    await pay(t, { year: 2021, funder: 'DOWNSTREAM', amount: '80000000.00' });
    await importAs(t, t.fundAdmin, csvOf(yearOf(2021, scored2021)));
    const draft = await run(t, 2021);
    expect(draft).toMatchObject({ currency: 'CNY', due: '117750000.00', advances: '80000000.00', balance: '37750000.00', termsAdvance: '90000000.00', advanceDifference: '-10000000.00' });
    expect(draft.priceBase).not.toBe('');
    expect(draft.transfers).toEqual([{ funder: 'DOWNSTREAM', payer: 'FUNDER', amount: '37750000.00', reason: 'balance' }]);
    const agreement = await getAgreement({ actor: t.fundAdmin, origin: origin(), ...t.at });
    expect(draft.parties.UPSTREAM.map((o) => o.name)).toEqual(agreement.parties.find((p) => p.side === 'UPSTREAM')!.organisations.map((o) => o.name));
    expect(draft.parties.DOWNSTREAM.length).toBeGreaterThan(0);
    // The ledger compares the advances the same way, per year with a settlement.
    const ledger = await getLedger({ actor: t.fundAdmin, origin: origin(), ...t.at });
    expect(ledger.advances).toEqual([{ year: 2021, status: 'DRAFT', called: '90000000.00', paid: '80000000.00', difference: '-10000000.00' }]);
  });

  it('says the upstream party compensates, not that advances exceed the amount due, when it owes under a two-way rule with nothing advanced', async () => {
    const t = await administered();
    await importAs(t, t.fundAdmin, csvOf([...yearOf(2024, bad), ...yearOf(2025, good)]));
    const owed = await run(t, 2024);
    expect(owed).toMatchObject({ direction: 'FROM_UPSTREAM', advances: '0.00', termsAdvance: null, advanceDifference: null });
    expect(owed.transfers).toEqual([{ funder: 'DOWNSTREAM', payer: 'UPSTREAM', amount: '200000000.05', reason: 'compensation' }]);
    // An advance larger than what is due, under the same rule, is a refund.
    await pay(t, { year: 2025, funder: 'DOWNSTREAM', amount: '250000000.00', overpaymentNote: 'advance above the schedule, by mistake' });
    const refunded = await run(t, 2025);
    expect(refunded).toMatchObject({ direction: 'TO_UPSTREAM', balance: '-49999999.95' });
    expect(refunded.transfers).toEqual([{ funder: 'DOWNSTREAM', payer: 'UPSTREAM', amount: '49999999.95', reason: 'refund' }]);
  });

  it('prints a bilingual statement with the inputs, formulas, advances, payers, who ran and confirmed it, the hash and the chain head; not found for others', async () => {
    const t = await administered({ terms: scoreAnyLab });
    await pay(t, { year: 2021, funder: 'DOWNSTREAM', amount: '90000000.00', reference: 'ADV-2021' });
    await importAs(t, t.fundAdmin, csvOf(yearOf(2021, scored2021), 'Miyun station'));
    const draft = await run(t, 2021);
    const confirmed = await confirm(t, draft);
    const { renderSettlementPdf } = await import('../../lib/server/fund/render-settlement-pdf');
    const pdf = await renderSettlementPdf({ actor: t.upstream, origin: origin(), ...t.at, settlementId: confirmed.id });
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(10_000);
    expect(pdf.fileName).toBe(`settlement-${t.deal.slug}-1-2021.pdf`);
    if (process.env.PES_KEEP_PDF) (await import('node:fs')).writeFileSync(process.env.PES_KEEP_PDF, pdf.bytes);
    const agreement = await testDb().agreement.findUniqueOrThrow({ where: { id: t.agreementId } });
    const text = pdfText(pdf.bytes);
    for (const expected of [
      '生态补偿结算单',
      'Settlement statement',
      'Miyun station',
      '117,750,000.00 CNY',
      '90,000,000.00 CNY',
      'ADV-2021',
      'Run by',
      'Confirmed by',
      '北京时间',
      'Beijing time',
      agreement.hash!.slice(0, 32),
      'Head of the chain',
      'advance_rate',
    ]) {
      expect(text.replace(/\s+/g, ' '), expected).toContain(expected);
    }
    expect(text).toMatch(/pays .* 27,750,000\.00 CNY/);
    // Another agreement's settlement, a settlement id that is not one, and a stranger: not found.
    const other = await administered();
    await expect(renderSettlementPdf({ actor: other.fundAdmin, origin: origin(), ...other.at, settlementId: confirmed.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(renderSettlementPdf({ actor: t.fundAdmin, origin: origin(), ...t.at, settlementId: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(renderSettlementPdf({ actor: other.fundAdmin, origin: origin(), ...t.at, settlementId: confirmed.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('exports which payment a reversal undoes and why, in the reader’s language', async () => {
    const t = await administered();
    const paid = await pay(t, { year: 2024, funder: 'DOWNSTREAM', amount: '1000.00' });
    const undone = await reverse(t, { reverses: paid.id, reason: '重复录入', paidOn: '2027-03-05' });
    const xlsx = await exportAgreementLedger({ actor: t.fundAdmin, origin: origin(), ...t.at, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('付款记录')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const column = (name: string) => header.indexOf(name) + 1;
    expect(header).toEqual(expect.arrayContaining(['付款编号', '冲销的付款', '冲销原因', '冲销分录']));
    const rows = [2, 3].map((i) => sheet.getRow(i));
    const reversal = rows.find((r) => r.getCell(column('付款编号')).text === undone.id)!;
    const original = rows.find((r) => r.getCell(column('付款编号')).text === paid.id)!;
    expect(reversal.getCell(column('冲销的付款')).text).toBe(paid.id);
    expect(reversal.getCell(column('冲销原因')).text).toBe('重复录入');
    expect(original.getCell(column('冲销分录')).text).toBe(undone.id);
    expect(original.getCell(column('冲销的付款')).text).toBe('');
  });
});
