import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { confirmSettlement } from '../../lib/server/fund/confirm-settlement';
import { exportAgreementLedger, exportPortfolioLedger } from '../../lib/server/fund/export-ledger';
import { getFundPortfolio } from '../../lib/server/fund/get-fund-portfolio';
import { getLedger } from '../../lib/server/fund/get-ledger';
import { listSettlements } from '../../lib/server/fund/list-settlements';
import { recordPayment } from '../../lib/server/fund/record-payment';
import { reversePayment } from '../../lib/server/fund/reverse-payment';
import { ValidationError } from '../../lib/domain/errors';
import type { RecordPaymentInput } from '../../lib/domain/fund-schemas';
import { runSettlementYear } from '../../lib/server/fund/run-settlement';
import { templateTerms } from '../../lib/terms';
import { testDb } from '../factories';
import { pdfText } from '../support/pdf-text';
import { renderSettlementPdf } from '../../lib/server/fund/render-settlement-pdf';
import { fundOrigin } from '../factories/signed-agreement';
import { acceptOnThreeParties, signByEveryParty, threePartyDeal } from '../factories/three-party-deal';

// Decision 0098: a three-party deal (Shiyan upstream; Henan and Beijing downstream by allocation;
// the central government funding half) through signature, settlement and the ledger.

const origin = fundOrigin;
const now = new Date('2027-06-01T00:00:00Z');
// A payment that is not whole yuan, so every split below is checked to the fen.
const terms = { ...templateTerms('fixed-schedule', 'zh'), name: '中线水源区补偿', from: 2021, to: 2030, formulas: [{ name: 'payment', expr: '100000000.05' }] };

async function settledThreeParties() {
  const t = await threePartyDeal();
  const { agreementId } = await acceptOnThreeParties(t, terms);
  await signByEveryParty(t, agreementId);
  const at = { dealId: t.deal.id, agreementId };
  // The central government advanced 10 million for 2024 before the settlement.
  await recordPayment({
    actor: t.fundAdmin,
    origin: origin(),
    ...at,
    now,
    input: { year: 2024, funder: 'CENTRAL', party: t.organisations.central.id, direction: 'TO_UPSTREAM', amount: '10000000.00', paidOn: '2027-03-01', reference: 'ADV-2024' },
  });
  const draft = await runSettlementYear({ actor: t.fundAdmin, origin: origin(), ...at, year: 2024, now });
  return { t, at, agreementId, draft };
}

describe('several parties through signature, settlement and ledger', () => {
  it('splits a settled year by party to the fen: the upstream party receives it all, the funder lines split among their payers', async () => {
    const { t, at, draft } = await settledThreeParties();
    expect(draft.funders.map((f) => [f.funder, f.due, f.advances, f.balance])).toEqual([
      ['CENTRAL', '50000000.02', '10000000.00', '40000000.02'],
      ['DOWNSTREAM', '50000000.03', '0.00', '50000000.03'],
      ['UPSTREAM', '0.00', '0.00', '0.00'],
    ]);
    const o = t.organisations;
    expect(draft.byParty!.map((p) => [p.role, p.funder, p.nameZh, p.due, p.advances, p.balance])).toEqual([
      ['receives', null, o.shiyan.nameZh, '100000000.05', '10000000.00', '90000000.05'],
      ['pays', 'CENTRAL', o.central.nameZh, '50000000.02', '10000000.00', '40000000.02'],
      ['pays', 'DOWNSTREAM', o.henan.nameZh, '30000000.02', '0.00', '30000000.02'],
      ['pays', 'DOWNSTREAM', o.beijing.nameZh, '20000000.01', '0.00', '20000000.01'],
    ]);
    expect(draft.byParty!.map((p) => p.id)).toEqual([o.shiyan.id, o.central.id, o.henan.id, o.beijing.id]);
    // Stored with the settlement, and frozen with it once confirmed.
    const confirmed = await confirmSettlement({ actor: t.fundAdmin, origin: origin(), ...at, settlementId: draft.id, fingerprint: draft.fingerprint, now });
    expect(confirmed.byParty).toEqual(draft.byParty);
    const row = await testDb().settlement.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.parties).toEqual(draft.byParty);
    await expect(testDb().settlement.update({ where: { id: draft.id }, data: { parties: [] } })).rejects.toThrow();
    const listed = await listSettlements({ actor: t.beijing, origin: origin(), ...at, now });
    expect(listed.years.find((y) => y.year === 2024)?.settlement?.byParty).toEqual(draft.byParty);
  });

  it('the ledger, its export and the portfolio name each organisation, in Chinese on Chinese pages', async () => {
    const { t, at, draft } = await settledThreeParties();
    await confirmSettlement({ actor: t.fundAdmin, origin: origin(), ...at, settlementId: draft.id, fingerprint: draft.fingerprint, now });
    const o = t.organisations;
    const ledger = await getLedger({ actor: t.fundAdmin, origin: origin(), ...at });
    const y2024 = ledger.byParty.filter((p) => p.year === 2024).map((p) => [p.role, p.funder, p.nameZh, p.settled]);
    expect(y2024).toEqual([
      ['receives', null, o.shiyan.nameZh, '100000000.05'],
      ['pays', 'CENTRAL', o.central.nameZh, '50000000.02'],
      ['pays', 'DOWNSTREAM', o.henan.nameZh, '30000000.02'],
      ['pays', 'DOWNSTREAM', o.beijing.nameZh, '20000000.01'],
    ]);
    // Unsettled years split their scheduled amount alike (200 000 thousand a year, half of it on the downstream line).
    expect(ledger.byParty.find((p) => p.year === 2025 && p.id === o.henan.id && p.funder === 'DOWNSTREAM')).toMatchObject({ scheduled: '60000000.00', settled: null });
    const henan = ledger.partyTotals.find((p) => p.role === 'pays' && p.id === o.henan.id)!;
    expect(henan).toMatchObject({ name: o.henan.name, nameZh: o.henan.nameZh, settled: '30000000.02', scheduled: '600000000.00' });
    expect(ledger.partyTotals.find((p) => p.role === 'receives')).toMatchObject({ id: o.shiyan.id, settled: '100000000.05', scheduled: '2000000000.00' });

    const xlsx = await exportAgreementLedger({ actor: t.fundAdmin, origin: origin(), ...at, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('按组织')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(['项目', '协议编号', '年度', '组织', '角色', '出资方', '计划金额', '结算金额', '已付金额', '未结清金额', '币种']);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1).map((v) => String(v ?? '')));
    expect(rows).toContainEqual([t.deal.slug, '1', '2024', o.henan.nameZh, '付款', '下游方', '60000000', '30000000.02', '0', '30000000.02', 'CNY']);
    expect(rows).toContainEqual([t.deal.slug, '1', '2024', o.shiyan.nameZh, '收款（上游）', '', '200000000', '100000000.05', '10000000', '90000000.05', 'CNY']);
    expect(rows).toContainEqual([t.deal.slug, '1', '2024', o.central.nameZh, '付款', '中央财政', '100000000', '50000000.02', '10000000', '40000000.02', 'CNY']);
    const english = await exportAgreementLedger({ actor: { ...t.fundAdmin, locale: 'en' }, origin: origin(), ...at, format: 'xlsx' });
    const englishBook = new ExcelJS.Workbook();
    await englishBook.xlsx.load(english.bytes as unknown as ArrayBuffer);
    expect(englishBook.getWorksheet('By organisation')!.getRow(3).getCell(4).text).toBe(o.central.name);

    const portfolio = await getFundPortfolio({ actor: t.fundAdmin, origin: origin(), now });
    expect(portfolio.byParty.map((p) => [p.role, p.nameZh, p.settled])).toEqual([
      ['receives', o.shiyan.nameZh, '100000000.05'],
      ['pays', o.central.nameZh, '50000000.02'],
      ['pays', o.henan.nameZh, '30000000.02'],
      ['pays', o.beijing.nameZh, '20000000.01'],
    ]);
    const portfolioXlsx = await exportPortfolioLedger({ actor: t.fundAdmin, origin: origin(), format: 'xlsx', now });
    const portfolioBook = new ExcelJS.Workbook();
    await portfolioBook.xlsx.load(portfolioXlsx.bytes as unknown as ArrayBuffer);
    expect(portfolioBook.getWorksheet('按组织')!.rowCount).toBe(1 + ledger.byParty.length);
  });
});

// Decision 0110: a payment names the organisation on its funder line that pays it.
describe('payments per organisation', () => {
  const pay = (t: Awaited<ReturnType<typeof threePartyDeal>>, agreementId: string, input: Partial<RecordPaymentInput>) =>
    recordPayment({
      actor: t.fundAdmin,
      origin: origin(),
      dealId: t.deal.id,
      agreementId,
      now,
      input: { year: 2024, funder: 'DOWNSTREAM', direction: 'TO_UPSTREAM', amount: '1000.00', paidOn: '2027-03-02', reference: `REF-${Math.random()}`, ...input },
    });

  it('refuses a payment that names no organisation of its line, or one not on it, in the reader’s language', async () => {
    const { t, agreementId } = await settledThreeParties();
    const o = t.organisations;
    const none = await pay(t, agreementId, {}).catch((error: unknown) => error);
    expect(none).toBeInstanceOf(ValidationError);
    expect((none as ValidationError).problems).toEqual([
      expect.objectContaining({ field: 'party', message: `choose the organisation that pays it (or is repaid): ${o.henan.name}, ${o.beijing.name}` }),
    ]);
    const wrong = await pay(t, agreementId, { party: o.shiyan.id }).catch((error: unknown) => error);
    expect((wrong as ValidationError).problems).toEqual([
      expect.objectContaining({ field: 'party', message: expect.stringContaining(`is not an organisation on this funder line: one of ${o.henan.name}, ${o.beijing.name}`) }),
    ]);
    // The central line is the named Ministry of Finance's, not the downstream parties'.
    const crossed = await pay(t, agreementId, { funder: 'CENTRAL', party: o.henan.id }).catch((error: unknown) => error);
    expect(crossed).toBeInstanceOf(ValidationError);
    expect(await testDb().payment.count({ where: { agreementId } })).toBe(1);
  });

  it('nets each payer’s own advances in the settlement, and the ledger, export and portfolio show paid and outstanding by organisation', async () => {
    const t = await threePartyDeal();
    const { agreementId } = await acceptOnThreeParties(t, terms);
    await signByEveryParty(t, agreementId);
    const at = { dealId: t.deal.id, agreementId };
    const o = t.organisations;
    // Henan advances 5 million for 2024; Beijing nothing; then Henan's advance is reversed and paid again smaller.
    const henanAdvance = await pay(t, agreementId, { party: o.henan.id, amount: '5000000.00', reference: 'HN-ADV' });
    expect(henanAdvance.party).toEqual({ id: o.henan.id, name: o.henan.name, nameZh: o.henan.nameZh });
    const reversal = await reversePayment({ actor: t.fundAdmin, origin: origin(), ...at, now, input: { reverses: henanAdvance.id, reason: '金额有误', paidOn: '2027-03-03' } });
    expect(reversal.party?.id).toBe(o.henan.id);
    await pay(t, agreementId, { party: o.henan.id, amount: '4000000.00', reference: 'HN-ADV-2', paidOn: '2027-03-04' });
    const audit = await testDb().auditEvent.findMany({ where: { dealId: t.deal.id, action: { in: ['payment.recorded', 'payment.reversed'] } }, orderBy: { id: 'asc' } });
    expect(audit.map((e) => (e.summary as { after: { party?: string } }).after.party)).toEqual([o.henan.id, o.henan.id, o.henan.id]);

    const draft = await runSettlementYear({ actor: t.fundAdmin, origin: origin(), ...at, year: 2024, now });
    expect(draft.byParty!.map((p) => [p.role, p.funder, p.nameZh, p.due, p.advances, p.balance])).toEqual([
      ['receives', null, o.shiyan.nameZh, '100000000.05', '4000000.00', '96000000.05'],
      ['pays', 'CENTRAL', o.central.nameZh, '50000000.02', '0.00', '50000000.02'],
      // Henan's advance is Henan's, not split with Beijing by allocation.
      ['pays', 'DOWNSTREAM', o.henan.nameZh, '30000000.02', '4000000.00', '26000000.02'],
      ['pays', 'DOWNSTREAM', o.beijing.nameZh, '20000000.01', '0.00', '20000000.01'],
    ]);
    const confirmed = await confirmSettlement({ actor: t.fundAdmin, origin: origin(), ...at, settlementId: draft.id, fingerprint: draft.fingerprint, now });
    // The statement prints each party's part of the due, its advances and its balance, by name in both languages.
    const pdf = await renderSettlementPdf({ actor: t.henan, origin: origin(), ...at, settlementId: confirmed.id });
    const text = pdfText(pdf.bytes).replace(/[ \t]+/g, ' ');
    for (const heading of ['各当事方分担', "Each party's part", '收款（上游）', 'Receives (upstream)', '付款 · 下游方', 'Pays · Downstream party', '付款 · 中央财政'])
      expect(text, heading).toContain(heading);
    const lineOf = (name: string) => text.split('\n').find((l) => l.includes(name) && /\d,\d{3}/.test(l)) ?? '';
    expect(lineOf(o.henan.nameZh)).toMatch(/30,000,000\.02 4,000,000\.00 26,000,000\.02/);
    expect(lineOf(o.beijing.nameZh)).toMatch(/20,000,000\.01 0\.00 20,000,000\.01/);
    expect(lineOf(o.shiyan.nameZh)).toMatch(/100,000,000\.05 4,000,000\.00 96,000,000\.05/);
    for (const name of [o.henan.name, o.beijing.name, o.shiyan.name, o.central.nameZh, o.central.name]) expect(text, name).toContain(name);
    // The payments name the organisation that paid them.
    expect(text).toMatch(new RegExp(`HN-ADV-2\\n[^\\n]*\\n[^\\n]*${o.henan.nameZh}[^\\n]*\\n[^\\n]*${o.henan.name}`));
    // Beijing pays its balance after the settlement; more than it owes is an overpayment, though the line still owes more.
    const over = await pay(t, agreementId, { party: o.beijing.id, amount: '20000000.02', reference: 'BJ-1' }).catch((error: unknown) => error);
    expect(over).toBeInstanceOf(ValidationError);
    expect((over as ValidationError).problems[0]).toMatchObject({ field: 'amount', message: expect.stringContaining('(20000000.01) by 0.01') });
    await pay(t, agreementId, { party: o.beijing.id, amount: '20000000.01', reference: 'BJ-1', paidOn: '2027-03-05' });

    const ledger = await getLedger({ actor: t.fundAdmin, origin: origin(), ...at });
    expect(ledger.payers).toEqual([
      { funder: 'CENTRAL', parties: [{ id: o.central.id, name: o.central.name, nameZh: o.central.nameZh }] },
      {
        funder: 'DOWNSTREAM',
        parties: [
          { id: o.henan.id, name: o.henan.name, nameZh: o.henan.nameZh },
          { id: o.beijing.id, name: o.beijing.name, nameZh: o.beijing.nameZh },
        ],
      },
      { funder: 'UPSTREAM', parties: [{ id: o.shiyan.id, name: o.shiyan.name, nameZh: o.shiyan.nameZh }] },
    ]);
    const y2024 = ledger.byParty.filter((p) => p.year === 2024).map((p) => [p.role, p.funder, p.nameZh, p.settled, p.paid, p.outstanding]);
    expect(y2024).toEqual([
      ['receives', null, o.shiyan.nameZh, '100000000.05', '24000000.01', '76000000.04'],
      ['pays', 'CENTRAL', o.central.nameZh, '50000000.02', '0.00', '50000000.02'],
      ['pays', 'DOWNSTREAM', o.henan.nameZh, '30000000.02', '4000000.00', '26000000.02'],
      ['pays', 'DOWNSTREAM', o.beijing.nameZh, '20000000.01', '20000000.01', '0.00'],
    ]);
    // The organisations' parts add up to their funder line.
    const downstream = ledger.lines.find((l) => l.year === 2024 && l.funder === 'DOWNSTREAM')!;
    expect(downstream).toMatchObject({ paid: '24000000.01', outstanding: '26000000.02' });
    expect(ledger.partyTotals.find((p) => p.role === 'pays' && p.id === o.beijing.id)).toMatchObject({ paid: '20000000.01', outstanding: '0.00' });
    expect(ledger.payments.map((p) => p.party?.nameZh)).toEqual([o.henan.nameZh, o.henan.nameZh, o.henan.nameZh, o.beijing.nameZh]);

    const csv = (await exportAgreementLedger({ actor: t.fundAdmin, origin: origin(), ...at, format: 'csv' })).bytes.toString('utf8');
    expect(csv).toContain('项目,协议编号,年度,出资方,组织,计划金额,结算金额,已付金额,未结清金额,币种');
    expect(csv).toContain(`${t.deal.slug},1,2024,下游方,${o.henan.nameZh},60000000.00,30000000.02,4000000.00,26000000.02,CNY`);
    expect(csv).toContain(`${t.deal.slug},1,2024,下游方,${o.beijing.nameZh},40000000.00,20000000.01,20000000.01,0.00,CNY`);
    expect(csv).toContain(`${t.deal.slug},1,2024,中央财政,${o.central.nameZh},100000000.00,50000000.02,0.00,50000000.02,CNY`);
    const xlsx = await exportAgreementLedger({ actor: { ...t.fundAdmin, locale: 'en' }, origin: origin(), ...at, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const payments = book.getWorksheet('Payments')!;
    expect(payments.getRow(1).getCell(6).text).toBe('Organisation');
    expect(payments.getRow(5).getCell(6).text).toBe(o.beijing.name);
    const byOrganisation = book.getWorksheet('By organisation')!;
    const header = (byOrganisation.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(6, 10)).toEqual(['Scheduled', 'Settled', 'Paid', 'Outstanding']);

    const portfolio = await getFundPortfolio({ actor: t.fundAdmin, origin: origin(), now });
    expect(portfolio.byParty.map((p) => [p.role, p.nameZh, p.paid, p.outstanding])).toEqual([
      ['receives', o.shiyan.nameZh, '24000000.01', '76000000.04'],
      ['pays', o.central.nameZh, '0.00', '50000000.02'],
      ['pays', o.henan.nameZh, '4000000.00', '26000000.02'],
      ['pays', o.beijing.nameZh, '20000000.01', '0.00'],
    ]);
    expect(portfolio.payments.find((p) => p.reference === 'BJ-1')?.party?.id).toBe(o.beijing.id);
    // The database keeps the organisation with the payment, and a reversal must name the same one.
    const original = await testDb().payment.findFirstOrThrow({ where: { agreementId, reference: 'BJ-1' } });
    expect(original.partyId).toBe(o.beijing.id);
    await expect(
      testDb().payment.create({
        data: { ...original, id: undefined, createdAt: undefined, direction: 'FROM_UPSTREAM', partyId: o.henan.id, reversesId: original.id, reversalReason: 'x', settlementId: original.settlementId },
      }),
    ).rejects.toThrow(/undo exactly/);
  });
});
