// The audit events a use case may append, each with the shape of its summary, and how an event
// reads for a person: a sentence (a catalogue key under `audit.event` with its values) and the
// fields it changed, before → after, each named by a catalogue label (`audit.field`). Stored
// summaries are plain JSON and older rows may lack fields or hold others: reading never assumes
// the current shape, it takes what it recognises and leaves the rest out.

import { D } from '@/lib/engine/decimal';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Decimal = string;

interface MemberState {
  userId: string;
  side: string;
  canEdit: boolean;
  canSign: boolean;
}

/** The summary each action records; `before`/`after` hold the fields the change touched. */
export interface AuditSummaries {
  'auth.sign_in': null;
  'auth.sign_in_failed': { reason: string; [key: string]: Json };
  'auth.sign_in_blocked': { retryAfterSeconds: number };
  'auth.signed_out_everywhere': { sessionsEnded: number };
  'access.refused': { right: string; status: number; dealId?: string };
  'user.created': { after: { email: string; name: string; role?: string; organisationId: string; [key: string]: Json | undefined } };
  'user.disabled': { before: { disabled: boolean }; after: { disabled: boolean } };
  'user.enabled': { before: { disabled: boolean }; after: { disabled: boolean } };
  'organisation.created': { after: { name: string; nameZh: string; kind: string; [key: string]: Json | undefined } };
  'deal.created': { after: { name: string; nameZh: string; status: string; [key: string]: Json | undefined } };
  'deal.status_changed': { before: { status: string }; after: { status: string }; agreementNumber?: number };
  'deal.periods_changed': { before: { periods: DealPeriodJson[] }; after: { periods: DealPeriodJson[] } };
  'deal.parties_set': { before: DealPartiesJson; after: DealPartiesJson };
  'member.added': { after: MemberState & { email: string } };
  'member.changed': { before: MemberState; after: MemberState };
  'member.removed': { before: MemberState };
  'scenario.version_saved': { after: { scenarioId: string; number: number; message: string; documentHash: string; evidence?: number; template?: string } };
  'scenario.forked': { after: { scenarioId: string; name: string; forkedFromVersionId: string } };
  /** A fork of the actor's own side's version: a copy to work on, not a counter-proposal. */
  'scenario.duplicated': { after: { scenarioId: string; name: string; forkedFromVersionId: string } };
  'evidence.uploaded': { after: { fileName: string; contentType: string; size: number } };
  'comment.added': { after: { versionId: string; target: string | null; length: number } };
  'offer.sent': { after: OfferSent };
  'offer.countered': { after: OfferSent };
  'offer.accepted': OfferAnswered;
  'offer.rejected': OfferAnswered;
  'offer.withdrawn': OfferAnswered;
  'agreement.drafted': { after: { number: number; offerNumber: number; versionId: string; years: string; totalAmount: Decimal; signatories: string[] } };
  'agreement.signed': { after: { number: number; signedAt: string; signatures: string } };
  'agreement.sign_failed': { reason: 'wrong_password'; dealId: string };
  'agreement.archived': { before: { status: string }; after: { status: string; hash: string } };
  'agreement.amendment_proposed': { after: { amendmentId: string; number: number; effectiveFrom: number; reason: string; changes: Json } };
  'agreement.amendment_signed': { after: { amendmentId: string; number: number; effectiveFrom: number; signatures: string; effective: boolean } };
  'monitoring.entered': {
    before: { value: string; laboratory: string } | null;
    after: { valueId: string; year: number; indicator: string; value: string; samples?: Json; laboratory: string; sampled: string; cell: string };
  };
  'monitoring.imported': { after: { importId: string; fileName: string; sha256?: string; rows: number; years: number[]; values: Json[]; truncated?: boolean; disputed: Json } };
  'monitoring.tolerances_set': { before: Json; after: Json };
  'monitoring.entry_closed': { after: { year: number } };
  'monitoring.dispute_resolved': { before: Json & { year: number; indicator: string }; after: { resolutionId: string; method: string; value: string; note: string; [key: string]: Json } };
  'fund.shares_set': { before: Json; after: Json };
  'settlement.run': {
    before: { due: Decimal; balance: Decimal; fingerprint: string } | null;
    after: { settlementId: string; year: number; due: Decimal; direction: string; advances: Decimal; balance: Decimal; values: Json; fingerprint: string };
  };
  'settlement.confirmed': { after: { settlementId: string; year: number; due: Decimal; advances: Decimal; balance: Decimal; fingerprint: string } };
  'payment.recorded': {
    before: Json;
    after: {
      paymentId: string;
      year: number;
      funder: string;
      /** The organisation (its id in the terms) that paid, when the terms name the parties (docs/decisions/0110). */
      party?: string;
      direction: string;
      amount: Decimal;
      paidOn: string;
      reference: string;
      kind: string;
      overpayment: Decimal | null;
      overpaymentNote: string | null;
      confirmedDuplicateOf?: string;
    };
  };
  'payment.reversed': {
    before: { paymentId: string; direction: string; amount: Decimal; paidOn: string; reference: string };
    after: { paymentId: string; reversesId: string; year: number; funder: string; party?: string; direction: string; amount: Decimal; paidOn: string; reason: string };
  };
}

/** A party of a deal as the audit trail records it (docs/decisions/0098). */
export interface DealPartyJson {
  organisationId: string;
  name: string;
  nameZh: string;
  side: string;
  funder: string | null;
  share: Decimal | null;
  quantity: Decimal | null;
}

interface DealPartiesJson {
  parties: DealPartyJson[];
  quantityUnit: string | null;
}

interface DealPeriodJson {
  label: string;
  from: number;
  to: number;
}

/** An offer as sent; amounts in the offer version's unit × currency (`unit` currency each). */
export interface OfferSent {
  number: number;
  versionId: string;
  /** Currency per amount unit of `offered` and `presentValue` (rows before it carry neither reading). */
  unit: number;
  /** Σ offered over the whole term. */
  offered: Decimal;
  belowLowerYears: number[];
  aboveUpperYears: number[];
  /** Pre-payment years with nothing offered, repaid by the back-pay annuity in the catch-up years (decision 0052). */
  deferredYears: number[];
  /** The whole term discounted at i_s to its first year; null for an empty term. */
  presentValue: { baseYear: number; rate: Decimal; offered: Decimal } | null;
  answersOfferId: string | null;
}

interface OfferAnswered {
  before: { status: string };
  after: { status: string; reason: string | null };
}

export type AuditAction = keyof AuditSummaries;

export const auditActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_blocked',
  'auth.signed_out_everywhere',
  'access.refused',
  'user.created',
  'user.disabled',
  'user.enabled',
  'organisation.created',
  'deal.created',
  'deal.status_changed',
  'deal.periods_changed',
  'deal.parties_set',
  'member.added',
  'member.changed',
  'member.removed',
  'scenario.version_saved',
  'scenario.forked',
  'scenario.duplicated',
  'evidence.uploaded',
  'comment.added',
  'offer.sent',
  'offer.countered',
  'offer.accepted',
  'offer.rejected',
  'offer.withdrawn',
  'agreement.drafted',
  'agreement.signed',
  'agreement.sign_failed',
  'agreement.archived',
  'agreement.amendment_proposed',
  'agreement.amendment_signed',
  'monitoring.entered',
  'monitoring.imported',
  'monitoring.tolerances_set',
  'monitoring.entry_closed',
  'monitoring.dispute_resolved',
  'fund.shares_set',
  'settlement.run',
  'settlement.confirmed',
  'payment.recorded',
  'payment.reversed',
] as const satisfies readonly AuditAction[];

// Every action is listed once (the type checks it, both ways).
type Missing = Exclude<AuditAction, (typeof auditActions)[number]>;
const everyAction: Missing extends never ? true : Missing = true;
void everyAction;

/** The groups of actions the activity page filters by: an action's first word. */
export const auditGroups = ['deal', 'member', 'scenario', 'evidence', 'comment', 'offer', 'agreement', 'monitoring', 'fund', 'settlement', 'payment'] as const;
export type AuditGroup = (typeof auditGroups)[number];

export function isAuditAction(action: string): action is AuditAction {
  return (auditActions as readonly string[]).includes(action);
}

/** A value as it is shown: text as written (data), an amount in yuan, or a term the catalogue names. */
export type AuditValue =
  | { kind: 'text'; text: string }
  | { kind: 'amount'; yuan: string }
  | { kind: 'years'; years: number[] }
  | { kind: 'term'; term: 'status' | 'offerStatus' | 'agreementStatus' | 'side' | 'yesNo' | 'method' | 'funder' | 'direction' | 'indicator'; value: string }
  /**
   * A part of a sentence that is there or not (an offer's total, an amendment coming into force):
   * `audit.clause.<clause>` with its own values, so the sentence needs no select of its own;
   * absent, an empty text.
   */
  | { kind: 'clause'; clause: AuditClause; values: Record<string, string | number | AuditValue> };

export type AuditClause = 'noParties' | 'organisations' | 'offered' | 'presentValue' | 'deferred' | 'inForce';

export type AuditField = 'status' | 'side' | 'canEdit' | 'canSign' | 'reason' | 'value' | 'laboratory' | 'due' | 'balance' | 'disabled';

export interface AuditChange {
  field: AuditField;
  before?: AuditValue;
  after?: AuditValue;
}

/** What a sentence needs besides the summary: names of the people and scenarios it mentions. */
export interface AuditNames {
  scenario(id: string): string | undefined;
  user(id: string): string | undefined;
}

export type AuditSentenceValue = string | number | AuditValue;

export interface AuditDescription {
  /** `audit.event.<action>`, or `audit.event.other` for an action this version does not know. */
  sentence: AuditAction | 'other';
  values: Record<string, AuditSentenceValue>;
  changes: AuditChange[];
}

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

const fieldTerms: Partial<Record<AuditField, Extract<AuditValue, { kind: 'term' }>['term']>> = { side: 'side', canEdit: 'yesNo', canSign: 'yesNo', disabled: 'yesNo' };
const amountFields = new Set<AuditField>(['due', 'balance']);

function valueOf(field: AuditField, raw: unknown, statusTerm: 'status' | 'offerStatus' | 'agreementStatus'): AuditValue | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (field === 'status') return { kind: 'term', term: statusTerm, value: String(raw) };
  const term = fieldTerms[field];
  if (term) return { kind: 'term', term, value: String(raw) };
  if (amountFields.has(field)) return { kind: 'amount', yuan: String(raw) };
  return { kind: 'text', text: typeof raw === 'string' ? raw : JSON.stringify(raw) };
}

const same = (a?: AuditValue, b?: AuditValue) => JSON.stringify(a) === JSON.stringify(b);

function changesOf(summary: Obj | undefined, fields: readonly AuditField[], statusTerm: 'status' | 'offerStatus' | 'agreementStatus' = 'status'): AuditChange[] {
  const [before, after] = [asObj(summary?.before), asObj(summary?.after)];
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const change: AuditChange = { field };
    const b = valueOf(field, before?.[field], statusTerm);
    const a = valueOf(field, after?.[field], statusTerm);
    if (b) change.before = b;
    if (a) change.after = a;
    if ((b || a) && !same(b, a)) changes.push(change);
  }
  return changes;
}

const memberFields = ['side', 'canEdit', 'canSign'] as const;

const yearsOf = (value: unknown): number[] => (Array.isArray(value) ? value.filter((y): y is number => Number.isInteger(y)) : []);

/**
 * The total, present value and deferred years of a sent offer, in yuan. `none` (the sentence
 * leaves the part out) where the row does not say it: rows written before `unit` was recorded
 * hold amounts in a unit nobody can tell any more.
 */
const NO_CLAUSE: AuditValue = { kind: 'text', text: '' };
const clause = (name: AuditClause, values: Extract<AuditValue, { kind: 'clause' }>['values']): AuditValue => ({ kind: 'clause', clause: name, values });

function offerSentValues(after: Obj | undefined): Record<string, AuditSentenceValue> {
  const unit = typeof after?.unit === 'number' && after.unit > 0 ? after.unit : null;
  const yuan = (amount: unknown): AuditSentenceValue => (unit !== null && typeof amount === 'string' ? { kind: 'amount', yuan: D(amount).times(unit).toFixed() } : 'none');
  const presentValue = asObj(after?.presentValue);
  const deferred = yearsOf(after?.deferredYears);
  const offered = yuan(after?.offered);
  const presentOffered = yuan(presentValue?.offered);
  return {
    offered: offered === 'none' ? NO_CLAUSE : clause('offered', { amount: offered }),
    presentValue: presentOffered === 'none' ? NO_CLAUSE : clause('presentValue', { amount: presentOffered, baseYear: str(presentValue?.baseYear) ?? '—' }),
    deferred: deferred.length === 0 ? NO_CLAUSE : clause('deferred', { count: deferred.length, years: { kind: 'years', years: deferred } }),
  };
}

/**
 * Reads a stored event as a sentence and its changes. `actor` is who did it (a name, or the email
 * an anonymous attempt gave).
 */
export function describeAuditEvent(event: { action: string; summary: unknown }, actor: string, names: AuditNames): AuditDescription {
  const summary = asObj(event.summary);
  const after = asObj(summary?.after);
  const before = asObj(summary?.before);
  const values: Record<string, AuditSentenceValue> = { actor };
  const put = (name: string, value: unknown) => {
    const text = str(value);
    if (text !== undefined) values[name] = text;
  };
  const describe = (sentence: AuditAction, changes: AuditChange[] = []): AuditDescription => ({ sentence, values, changes });
  if (!isAuditAction(event.action)) return { sentence: 'other', values, changes: [] };
  const action = event.action;
  switch (action) {
    case 'scenario.version_saved':
      put('scenario', names.scenario(str(after?.scenarioId) ?? '') ?? '—');
      put('number', after?.number);
      put('message', after?.message);
      return describe(action);
    case 'scenario.forked':
    case 'scenario.duplicated':
      put('scenario', after?.name);
      return describe(action);
    case 'member.added':
    case 'member.changed':
    case 'member.removed': {
      const userId = str(after?.userId) ?? str(before?.userId) ?? '';
      put('member', names.user(userId) ?? str(after?.email) ?? '—');
      return describe(action, changesOf(summary, memberFields));
    }
    case 'deal.status_changed':
      return describe(action, changesOf(summary, ['status']));
    case 'deal.periods_changed':
      // The labels as the manager wrote them (data, in no one language); none = one period over the deal's years.
      values.periods = Array.isArray(after?.periods) ? after.periods.map((p) => str(asObj(p)?.label) ?? '').join(' · ') || '—' : '—';
      return describe(action);
    case 'deal.parties_set':
      values.count = Array.isArray(after?.parties) ? after.parties.length : 0;
      values.parties = values.count === 0 ? clause('noParties', {}) : clause('organisations', { count: values.count });
      return describe(action);
    case 'deal.created':
      put('name', after?.nameZh ?? after?.name);
      return describe(action);
    case 'offer.sent':
    case 'offer.countered':
      put('number', after?.number);
      Object.assign(values, offerSentValues(after));
      return describe(action);
    case 'offer.accepted':
    case 'offer.rejected':
    case 'offer.withdrawn':
      return describe(action, changesOf(summary, ['status', 'reason'], 'offerStatus'));
    case 'agreement.drafted':
      put('number', after?.number);
      put('offerNumber', after?.offerNumber);
      put('years', after?.years);
      return describe(action);
    case 'agreement.signed':
      put('number', after?.number);
      put('signatures', after?.signatures);
      return describe(action);
    case 'agreement.archived':
      return describe(action, changesOf(summary, ['status'], 'agreementStatus'));
    case 'agreement.amendment_proposed':
      put('number', after?.number);
      put('year', after?.effectiveFrom);
      put('reason', after?.reason);
      return describe(action);
    case 'agreement.amendment_signed':
      put('number', after?.number);
      put('year', after?.effectiveFrom);
      put('signatures', after?.signatures);
      // A signature given, or the one that put the amendment in force.
      values.effective = after?.effective === true ? 'yes' : 'no';
      values.inForce = after?.effective === true ? clause('inForce', { year: str(after?.effectiveFrom) ?? '—' }) : NO_CLAUSE;
      return describe(action);
    case 'evidence.uploaded':
      put('fileName', after?.fileName);
      return describe(action);
    case 'monitoring.entered':
      put('year', after?.year);
      if (after?.indicator !== undefined) values.indicator = { kind: 'term', term: 'indicator', value: String(after.indicator) };
      return describe(action, changesOf(summary, ['value', 'laboratory']));
    case 'monitoring.entry_closed':
      put('year', after?.year);
      return describe(action);
    case 'monitoring.imported':
      put('fileName', after?.fileName);
      values.count = typeof after?.rows === 'number' ? after.rows : 0;
      return describe(action);
    case 'monitoring.dispute_resolved':
      put('year', before?.year);
      if (before?.indicator !== undefined) values.indicator = { kind: 'term', term: 'indicator', value: String(before.indicator) };
      if (after?.method !== undefined) values.method = { kind: 'term', term: 'method', value: String(after.method) };
      put('value', after?.value);
      return describe(action);
    case 'settlement.run':
    case 'settlement.confirmed':
      put('year', after?.year);
      return describe(action, changesOf(summary, ['due', 'balance']));
    case 'payment.reversed':
      put('reason', after?.reason);
    // falls through: the rest reads like the payment it undoes
    case 'payment.recorded':
      put('year', after?.year);
      if (after?.amount !== undefined) values.amount = { kind: 'amount', yuan: String(after.amount) };
      if (after?.funder !== undefined) values.funder = { kind: 'term', term: 'funder', value: String(after.funder) };
      if (after?.direction !== undefined) values.direction = { kind: 'term', term: 'direction', value: String(after.direction) };
      return describe(action);
    case 'user.created':
      put('name', after?.name);
      return describe(action);
    case 'organisation.created':
      put('name', after?.nameZh ?? after?.name);
      return describe(action);
    case 'user.disabled':
    case 'user.enabled':
    case 'comment.added':
    case 'agreement.sign_failed':
    case 'monitoring.tolerances_set':
    case 'fund.shares_set':
    case 'auth.sign_in':
    case 'auth.sign_in_failed':
    case 'auth.sign_in_blocked':
    case 'access.refused':
      return describe(action);
    case 'auth.signed_out_everywhere':
      put('count', summary?.sessionsEnded);
      return describe(action);
  }
}
