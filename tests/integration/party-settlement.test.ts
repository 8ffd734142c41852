import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { confirmSettlement } from '../../lib/server/fund/confirm-settlement';
import { exportAgreementLedger, exportPortfolioLedger } from '../../lib/server/fund/export-ledger';
import { getFundPortfolio } from '../../lib/server/fund/get-fund-portfolio';
import { getLedger } from '../../lib/server/fund/get-ledger';
import { listSettlements } from '../../lib/server/fund/list-settlements';
import { recordPayment } from '../../lib/server/fund/record-payment';
import { runSettlementYear } from '../../lib/server/fund/run-settlement';
import { templateTerms } from '../../lib/terms';
import { testDb } from '../factories';
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
    input: { year: 2024, funder: 'CENTRAL', direction: 'TO_UPSTREAM', amount: '10000000.00', paidOn: '2027-03-01', reference: 'ADV-2024' },
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
    expect(header).toEqual(['项目', '协议编号', '年度', '组织', '角色', '出资方', '计划金额', '结算金额', '币种']);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1).map((v) => String(v ?? '')));
    expect(rows).toContainEqual([t.deal.slug, '1', '2024', o.henan.nameZh, '付款', '下游方', '60000000', '30000000.02', 'CNY']);
    expect(rows).toContainEqual([t.deal.slug, '1', '2024', o.shiyan.nameZh, '收款（上游）', '', '200000000', '100000000.05', 'CNY']);
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
