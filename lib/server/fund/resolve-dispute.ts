import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import type { ResolveDisputeInput } from '@/lib/domain/fund-schemas';
import { assessCell, resolvedValue } from '@/lib/domain/monitoring';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { confirmedYears, loadAdministration, ruleOf, toRuling } from './administration';
import { checkEvidence, storeEvidence } from './evidence-file';
import { checkLabResult } from './lab-result';
import { inFundTransaction, mayAdminister } from './fund-access';
import { cellDto } from './fund-dto';
import { text } from '@/lib/domain/local-text';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Resolves a disputed indicator of a year: one side's current result accepted, the current
 * results averaged, or a re-test recorded with its laboratory, sampling dates and evidence file:
 * one value, or its dated samples, checked as a lab's samples are and settled on as written.
 * For results of dated samples the resolution keeps the samples it settles on: the accepted
 * lab's, or per date the labs' mean (docs/decisions/0097).
 * The resolution names the results it settled; a newer result from either side reopens the cell.
 */
export async function resolveDispute({
  actor,
  origin,
  dealId,
  agreementId,
  input,
  evidence,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  input: ResolveDisputeInput;
  evidence?: { fileName: string; bytes: Uint8Array } | null;
}) {
  if (input.method === 'RETEST' && !evidence) throw new ValidationError(text('retestNeedsEvidence', { field: 'file' }), 'file');
  const file = input.method === 'RETEST' && evidence ? await checkEvidence(evidence) : null;
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async (tx, { access, agreement }) => {
    const admin = await loadAdministration(tx, agreement);
    if (confirmedYears(admin).has(input.year)) throw new ConflictError(text('yearSettledFinal', { year: input.year }));
    const entries = admin.entries.filter((e) => e.year === input.year && e.indicator === input.indicator);
    const rule = ruleOf(admin, input.year, input.indicator);
    const cell = assessCell(input.year, input.indicator, entries, admin.rulings, rule);
    // A re-test's samples are checked as a lab's entry of samples is (docs/decisions/0110).
    const retested = input.method === 'RETEST' && input.samples ? checkLabResult(admin, input) : null;
    const resolved = resolvedValue(
      cell,
      input.method === 'ACCEPT'
        ? { method: 'ACCEPT', valueId: input.valueId }
        : input.method === 'RETEST'
          ? retested?.samples
            ? { method: 'RETEST', samples: retested.samples }
            : { method: 'RETEST', value: input.value ?? '' }
          : { method: 'AVERAGE' },
      rule,
    );
    if (!resolved.ok) {
      if (cell.state === 'disputed') throw new ValidationError(resolved.text, input.method === 'ACCEPT' ? 'valueId' : 'value');
      throw new ConflictError(resolved.text);
    }
    const period = retested ? { from: retested.sampledFrom, to: retested.sampledTo } : input.method === 'RETEST' ? { from: input.sampledFrom!, to: input.sampledTo! } : null;
    if (file) await storeEvidence(tx, dealId, file);
    const created = await tx.disputeResolution.create({
      data: {
        agreementId: agreement.id,
        year: input.year,
        indicator: input.indicator,
        method: input.method,
        basisValueIds: cell.current.map((e) => e.id),
        value: resolved.value,
        ...(resolved.samples ? { samples: resolved.samples as unknown as Prisma.InputJsonValue } : {}),
        note: input.note,
        acceptedValueId: input.method === 'ACCEPT' ? input.valueId : null,
        ...(input.method === 'RETEST'
          ? {
              laboratory: input.laboratory,
              sampledFrom: new Date(`${period!.from}T00:00:00Z`),
              sampledTo: new Date(`${period!.to}T00:00:00Z`),
              evidenceSha256: file!.sha256,
              evidenceFileName: file!.fileName,
            }
          : {}),
        resolvedById: actor.id,
        resolvedByName: actor.name,
      },
    });
    const after = assessCell(input.year, input.indicator, entries, [...admin.rulings, toRuling(created)], ruleOf(admin, input.year, input.indicator));
    await appendAuditEvent(tx, {
      action: 'monitoring.dispute_resolved',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: {
        before: { year: input.year, indicator: input.indicator, results: cell.current.map((e) => ({ side: e.side, value: e.value, valueId: e.id })), spread: cell.spread, allowed: cell.allowed },
        after: {
          resolutionId: created.id,
          method: input.method,
          value: resolved.value,
          ...(resolved.samples ? { samples: resolved.samples.length } : {}),
          ...(retested?.samples ? { retestSamples: retested.samples.map(({ on, value }) => ({ on, value })) } : {}),
          note: input.note,
          ...(file ? { evidence: { sha256: file.sha256, fileName: file.fileName }, laboratory: created.laboratory } : {}),
        },
      },
    });
    return { id: created.id, cell: cellDto(after) };
  });
}
