import type { ChainProblem } from '@/lib/domain/audit-chain-problem';

/** GET /api/v1/deals/{dealId}/audit/verify: a deal's audit chain checked now. */
export interface AuditVerification {
  ok: boolean;
  /** Events checked, up to the first broken one. */
  events: number;
  /** The newest intact event, to compare with a head printed on an agreement PDF or statement. */
  head: { seq: number; hash: string } | null;
  /** Anchors written outside the database that the chain was checked against. */
  anchors: number;
  checkedAt: string;
  brokenAt?: { seq: number; code: ChainProblem['code']; params: Record<string, string | number> };
}
