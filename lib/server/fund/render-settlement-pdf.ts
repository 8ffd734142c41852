import 'server-only';
import type { DealSnapshot } from '@/lib/contracts/agreements';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import { anchorDealChainHead } from '@/lib/server/audit/chain-anchors';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { loadAdministration } from './administration';
import { readAdministered } from './fund-access';
import { entryDto, namesOf, paymentDtos, settlementDto } from './fund-dto';
import { settlementStatementPdf, type StatementInput } from './settlement-statement-pdf';

/**
 * The printable statement of one settlement (draft or confirmed) for anyone who may read the
 * agreement's settlements: a settlement of another agreement, or of a deal the reader is not in,
 * is not found. The monitoring results printed are the ones the run rested on (their ids are kept
 * with the settlement), so a later result or resolution does not rewrite a filed statement.
 */
export async function renderSettlementPdf({
  actor,
  origin,
  dealId,
  agreementId,
  settlementId,
  now = new Date(),
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  settlementId: string;
  now?: Date;
}) {
  const { agreement } = await readAdministered({ actor, origin, dealId, agreementId, client: db() });
  const admin = await loadAdministration(db(), agreement);
  const row = isId(settlementId) ? admin.settlements.find((s) => s.id === settlementId) : undefined;
  if (!row) throw new NotFoundError('settlement');
  const settlement = settlementDto(row, await namesOf(db(), [row.runById, row.confirmedById]), agreement);

  const entries = new Map(admin.entries.map((e) => [e.id, e]));
  const rulings = new Map(admin.rulings.map((r) => [r.id, r]));
  const inputs: StatementInput[] = Object.entries(settlement.inputs)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([indicator, input]) => {
      const ruling = input.resolutionId ? rulings.get(input.resolutionId) : undefined;
      return {
        indicator,
        unit: admin.indicators.units[indicator] ?? '',
        used: input.value,
        resolution: ruling ? { value: ruling.row.value, note: ruling.row.note } : null,
        results: input.entryIds.flatMap((id) => {
          const entry = entries.get(id);
          if (!entry) return [];
          const dto = entryDto(entry);
          return [{ side: dto.side, laboratory: dto.laboratory, value: dto.value, samples: dto.samples, sampledFrom: dto.sampledFrom, sampledTo: dto.sampledTo, enteredBy: dto.enteredBy }];
        }),
        samples: input.samples ?? null,
      };
    });

  const deal = agreement.dealSnapshot as unknown as DealSnapshot;
  const bytes = await settlementStatementPdf(
    {
      agreement: { number: agreement.number, startYear: agreement.startYear, endYear: agreement.endYear, hash: agreement.hash },
      deal,
      settlement,
      inputs,
      payments: paymentDtos(admin.payments, admin.terms?.parties).filter((p) => p.year === row.year),
      chainHead: await anchorDealChainHead(dealId),
    },
    now,
  );
  return { bytes, fileName: `settlement-${deal.slug}-${agreement.number}-${row.year}${row.status === 'CONFIRMED' ? '' : '-draft'}.pdf` };
}
