import Decimal from 'decimal.js';
import { message, problemAt, type CodedProblem, type Message } from '../engine/problem';
import { formatPath } from '../engine/field-path';
import { TD, type TDec } from './decimal';
import { termsFunders, type TermsFunder } from './monitoring-rules';

/**
 * Several parties per side (issue 17, item 4; docs/terms.md, "Parties"): the `parties` section of
 * a `payment-terms/1` document names the organisations on the upstream side (who receive a
 * payment), on the downstream side (who pay it) and, optionally, the funders (who fund it, each
 * counted on one of the ledger's funder lines: central, downstream or upstream), each with its
 * share of what its list pays or receives: a fixed fraction, or in proportion to a stated quantity
 * (a receiving province's water allocation). A document without the section means one party per
 * side, as every document did before it.
 *
 * Amounts are split to the fen by the largest-remainder rule (`splitAmount`), so the parts of an
 * amount always add up to it exactly and no part is more than a fen from its exact share.
 */

export const partyLists = ['upstream', 'downstream', 'funders'] as const;
export type PartyList = (typeof partyLists)[number];

/** One party as the document writes it: a share or a quantity (neither only when it is alone in its list). */
export interface TermsParty {
  /** Unique in its list; an organisation's id when the section comes from the deal's parties. */
  id: string;
  name?: string;
  nameZh?: string;
  /** A fraction from 0 to 1; the shares of a list add up to exactly 1. */
  share?: string;
  /** A stated quantity (a water allocation); the list's parts follow the quantities. */
  quantity?: string;
}

export interface TermsFunderParty extends TermsParty {
  /** The ledger's funder line this funder pays on. */
  kind: TermsFunder;
}

export interface PartiesSection {
  upstream: TermsParty[];
  downstream: TermsParty[];
  funders?: TermsFunderParty[];
  /** The unit of the quantities ("亿立方米"), as written. */
  quantityUnit?: string;
}

// Generous for any real agreement (the Middle Route has four receiving provinces); it bounds the work.
export const MAX_PARTIES = 100;
export const MAX_PARTY_TEXT = 200;

type Loose = Record<string, unknown>;
const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
type Path = (string | number)[];

/** A plain decimal as agreed values are written: no exponent, no blanks. */
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function plainDecimal(raw: unknown, example: string): { ok: true; value: TDec; text: string } | { ok: false; reason: Message } {
  if (typeof raw === 'number') return { ok: false, reason: message('engine.writeAsString', { reason: message('engine.notADecimal'), example }) };
  if (typeof raw !== 'string' || !PLAIN_DECIMAL.test(raw)) return { ok: false, reason: message('engine.notAPlainDecimal', { value: typeof raw === 'string' ? raw : String(raw) }) };
  const value = new TD(raw);
  return { ok: true, value, text: value.isZero() ? '0' : value.toString() };
}

const describe = (raw: unknown): Message | string => (raw === null ? 'null' : Array.isArray(raw) ? message('engine.aList') : isRecord(raw) ? message('engine.anObject') : typeof raw);

const SECTION_FIELDS = ['upstream', 'downstream', 'funders', 'quantityUnit'];
const PARTY_FIELDS = ['id', 'name', 'nameZh', 'share', 'quantity'];
const FUNDER_FIELDS = [...PARTY_FIELDS, 'kind'];

function readText(raw: unknown, path: Path, problems: CodedProblem[], max: number): string | undefined {
  if (typeof raw !== 'string') {
    problems.push(problemAt(formatPath(path), message('engine.expectedGot', { expected: message('engine.aString'), got: describe(raw) })));
    return undefined;
  }
  if (raw.trim() === '') {
    problems.push(problemAt(formatPath(path), message('engine.mustNotBeEmpty')));
    return undefined;
  }
  if (raw.length > max) {
    problems.push(problemAt(formatPath(path), message('engine.longerThan', { max })));
    return undefined;
  }
  return raw;
}

/** One list of the section; `readable` is false when its shares cannot be checked (a bad entry). */
function readList(raw: unknown, list: PartyList, problems: CodedProblem[]): TermsParty[] | TermsFunderParty[] | undefined {
  const path: Path = ['parties', list];
  const problem = (at: Path, what: Message) => problems.push(problemAt(formatPath(at), what));
  if (!Array.isArray(raw)) {
    problem(path, message('engine.expectedGot', { expected: message('engine.aList'), got: describe(raw) }));
    return undefined;
  }
  if (raw.length === 0) {
    problem(path, message('engine.atLeastOneParty'));
    return undefined;
  }
  if (raw.length > MAX_PARTIES) {
    problem(path, message('engine.moreThanParties', { max: MAX_PARTIES }));
    return undefined;
  }
  const fields = list === 'funders' ? FUNDER_FIELDS : PARTY_FIELDS;
  const parties: (TermsParty & { kind?: TermsFunder })[] = [];
  const ids = new Map<string, number>();
  let readable = true;
  raw.forEach((entry: unknown, i) => {
    const at: Path = [...path, i];
    if (!isRecord(entry)) {
      problem(at, message('engine.expectedGot', { expected: message('engine.anObject'), got: describe(entry) }));
      readable = false;
      return;
    }
    for (const key of Object.keys(entry)) if (!fields.includes(key)) problem([...at, key], message('engine.keyed', { message: message('engine.unknownField'), key }));
    const party: TermsParty & { kind?: TermsFunder } = { id: '' };
    if (entry.id === undefined) {
      problem([...at, 'id'], message('engine.missingRequired'));
      readable = false;
    } else {
      const id = readText(entry.id, [...at, 'id'], problems, MAX_PARTY_TEXT);
      if (id === undefined) readable = false;
      else if (ids.has(id)) problem([...at, 'id'], message('engine.duplicateParty', { id, index: ids.get(id)! }));
      else ids.set(id, i);
      party.id = id ?? '';
    }
    for (const key of ['name', 'nameZh'] as const) {
      if (entry[key] === undefined) continue;
      const value = readText(entry[key], [...at, key], problems, MAX_PARTY_TEXT);
      if (value !== undefined) party[key] = value;
    }
    if (list === 'funders') {
      if (entry.kind === undefined) problem([...at, 'kind'], message('engine.missingRequired'));
      else if (typeof entry.kind === 'string' && (termsFunders as readonly string[]).includes(entry.kind)) party.kind = entry.kind as TermsFunder;
      else problem([...at, 'kind'], message('engine.notOneOf', { value: String(entry.kind), values: [...termsFunders] }));
    }
    if (entry.share !== undefined && entry.quantity !== undefined) {
      problem(at, message('engine.shareAndQuantity'));
      readable = false;
    }
    if (entry.share !== undefined) {
      const parsed = plainDecimal(entry.share, '0.5');
      if (!parsed.ok) {
        problem([...at, 'share'], parsed.reason);
        readable = false;
      } else if (parsed.value.isNegative() || parsed.value.greaterThan(1)) {
        problem([...at, 'share'], message('engine.shareBetween'));
        readable = false;
      } else party.share = parsed.text;
    }
    if (entry.quantity !== undefined) {
      const parsed = plainDecimal(entry.quantity, '37.7');
      if (!parsed.ok) {
        problem([...at, 'quantity'], parsed.reason);
        readable = false;
      } else if (parsed.value.isNegative()) {
        problem([...at, 'quantity'], message('engine.quantityNegative'));
        readable = false;
      } else party.quantity = parsed.text;
    }
    parties.push(party);
  });
  if (!readable) return parties;

  // One way of sharing per list: every party a share, or every party a quantity; a party alone in
  // its list may state neither (it has all of it).
  const withShare = parties.filter((p) => p.share !== undefined).length;
  const withQuantity = parties.filter((p) => p.quantity !== undefined).length;
  if (parties.length === 1 && withShare + withQuantity === 0) return parties;
  if (withShare !== parties.length && withQuantity !== parties.length) {
    problem(path, message(withShare + withQuantity === 0 ? 'engine.sharesNotStated' : 'engine.sharesMixed'));
    return parties;
  }
  if (withShare === parties.length) {
    const total = parties.reduce((sum, p) => sum.plus(p.share!), new TD(0));
    if (!total.equals(1)) problem(path, message('engine.sharesAddUpTo', { total: total.toString() }));
  } else {
    const total = parties.reduce((sum, p) => sum.plus(p.quantity!), new TD(0));
    if (!total.isPositive() || total.isZero()) problem(path, message('engine.quantitiesAllZero'));
  }
  return parties;
}

export interface PartiesRead {
  parties?: PartiesSection;
  problems: CodedProblem[];
}

/**
 * The `parties` section of a terms document, checked; absent stays absent (an older document reads,
 * and hashes, as it did). With both `parties.funders` and `fundingShares`, the funders' shares added
 * up by kind must be the funding shares: the document states one split, not two.
 */
export function readPartiesSection(document: unknown): PartiesRead {
  const problems: CodedProblem[] = [];
  if (!isRecord(document) || document.parties === undefined) return { problems };
  const raw = document.parties;
  if (!isRecord(raw)) {
    problems.push(problemAt('parties', message('engine.expectedGot', { expected: message('engine.anObject'), got: describe(raw) })));
    return { problems };
  }
  for (const key of Object.keys(raw))
    if (!SECTION_FIELDS.includes(key)) problems.push(problemAt(formatPath(['parties', key]), message('engine.keyed', { message: message('engine.unknownField'), key })));
  const section: PartiesSection = { upstream: [], downstream: [] };
  for (const list of ['upstream', 'downstream'] as const) {
    if (raw[list] === undefined) problems.push(problemAt(formatPath(['parties', list]), message('engine.missingRequired')));
    else section[list] = (readList(raw[list], list, problems) as TermsParty[] | undefined) ?? [];
  }
  if (raw.funders !== undefined) section.funders = (readList(raw.funders, 'funders', problems) as TermsFunderParty[] | undefined) ?? [];
  if (raw.quantityUnit !== undefined) {
    if (typeof raw.quantityUnit === 'string' && raw.quantityUnit.length <= 100) section.quantityUnit = raw.quantityUnit;
    else problems.push(problemAt('parties.quantityUnit', message('engine.unitAsText')));
  }
  // The same organisation cannot both pay and receive the payment it is party to.
  const upstreamIds = new Set(section.upstream.map((p) => p.id));
  section.downstream.forEach((p, i) => {
    if (p.id && upstreamIds.has(p.id)) problems.push(problemAt(formatPath(['parties', 'downstream', i, 'id']), message('engine.partyOnBothSides', { id: p.id })));
  });
  if (section.funders?.length && isRecord(document.fundingShares) && !problems.length) {
    const byKind = funderKindShares(section.funders);
    const stated = document.fundingShares;
    for (const kind of termsFunders) {
      const written = typeof stated[kind] === 'string' && PLAIN_DECIMAL.test(stated[kind]) ? new TD(stated[kind]) : new TD(0);
      if (!written.equals(byKind[kind]))
        problems.push(
          problemAt(formatPath(['parties', 'funders']), message('engine.fundersDisagree', { kind, funders: byKind[kind].toString(), shares: written.toString(), sharesField: 'fundingShares' })),
        );
    }
  }
  return problems.length ? { problems } : { parties: section, problems };
}

// ------------------------------------------------------------- shares

/** What each party of a list counts for: its share, its quantity, or 1 when it is alone. */
export function partyWeights(parties: readonly TermsParty[]): TDec[] {
  return parties.map((p) => new TD(p.share ?? p.quantity ?? 1));
}

/** Each party's exact fraction of its list (a quantity over the list's total), 64 significant digits. */
export function partyFractions(parties: readonly TermsParty[]): TDec[] {
  const weights = partyWeights(parties);
  const total = weights.reduce((sum, w) => sum.plus(w), new TD(0));
  return weights.map((w) => (total.isZero() ? new TD(0) : w.dividedBy(total)));
}

/** The funders' fractions of the whole added up by ledger line (a funding-shares split). */
export function funderKindShares(funders: readonly TermsFunderParty[]): Record<TermsFunder, TDec> {
  const fractions = partyFractions(funders);
  const out = { central: new TD(0), downstream: new TD(0), upstream: new TD(0) } as Record<TermsFunder, TDec>;
  funders.forEach((f, i) => (out[f.kind] = out[f.kind].plus(fractions[i]!)));
  return out;
}

// ------------------------------------------------------------- splitting an amount

const FEN = new TD('0.01');
// Whole-number arithmetic of the split: wide enough that no product of fen and scaled weights rounds.
const SD = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_DOWN, toExpNeg: -9e15, toExpPos: 9e15 });

/**
 * An amount in whole currency split in proportion to `weights` (each ≥ 0, their total > 0), to the
 * fen: the amount is first rounded half-up to the fen; each part is its exact share rounded down to
 * the fen, and the fen left over go one each to the parts whose exact shares lost most in rounding
 * (the largest remainders), equal remainders to the earlier part. So the parts add up to the amount
 * exactly, each is within a fen of its exact share, a part with weight 0 gets nothing, and the same
 * input always gives the same parts. A negative amount is split as its magnitude, negated.
 *
 * Whole-number arithmetic throughout (fen × weights scaled to whole numbers, 1000 digits), so no
 * division rounds before the remainders are compared.
 */
export function splitAmount(amount: TDec | string | number, weights: readonly (TDec | string | number)[]): TDec[] {
  const ws = weights.map((w) => new SD(w));
  if (!ws.length) throw new RangeError('splitAmount: no weights');
  if (ws.some((w) => w.isNegative() || !w.isFinite())) throw new RangeError('splitAmount: a weight is negative');
  const rounded = new TD(amount).toDecimalPlaces(2, TD.ROUND_HALF_UP);
  const negative = rounded.isNegative();
  const fen = new SD(rounded.abs().times(100).toFixed(0)); // a whole number of fen
  // Scale the weights to whole numbers: a weight's decimals are finite (parsed from text).
  const scale = new SD(10).pow(Math.max(...ws.map((w) => w.decimalPlaces())));
  const whole = ws.map((w) => w.times(scale));
  const total = whole.reduce((sum, w) => sum.plus(w), new SD(0));
  if (total.isZero()) throw new RangeError('splitAmount: the weights add up to 0');
  const floors = whole.map((w) => fen.times(w).divToInt(total));
  const remainders = whole.map((w, i) => fen.times(w).minus(floors[i]!.times(total)));
  let left = fen.minus(floors.reduce((sum, f) => sum.plus(f), new SD(0))).toNumber();
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i]!.plus(1);
    left -= 1;
  }
  return floors.map((f) => {
    const part = new TD(f.toFixed(0)).times(FEN);
    return negative && !part.isZero() ? part.negated() : part;
  });
}

/** One party's part of an amount. */
export interface PartyPart {
  id: string;
  name?: string;
  nameZh?: string;
  /** Its exact fraction of the list (decimal text, up to 40 significant digits). */
  fraction: string;
  /** Its part in whole currency, two decimals. */
  amount: string;
}

const fenText = (value: TDec) => (value.isZero() ? '0.00' : value.toFixed(2));
const fractionText = (value: TDec) => (value.isZero() ? '0' : value.toSignificantDigits(40).toString());

/** An amount split among the parties of one list, each part with its party's names and fraction. */
export function splitAmongParties(amount: TDec | string | number, parties: readonly TermsParty[]): PartyPart[] {
  const parts = splitAmount(amount, partyWeights(parties));
  const fractions = partyFractions(parties);
  return parties.map((p, i) => ({
    id: p.id,
    ...(p.name === undefined ? {} : { name: p.name }),
    ...(p.nameZh === undefined ? {} : { nameZh: p.nameZh }),
    fraction: fractionText(fractions[i]!),
    amount: fenText(parts[i]!),
  }));
}

/** An amount split by every list of the section: what each upstream party receives, each downstream party and each funder pays. */
export function splitByParties(amount: TDec | string | number, parties: PartiesSection): { upstream: PartyPart[]; downstream: PartyPart[]; funders?: (PartyPart & { kind: TermsFunder })[] } {
  const out: { upstream: PartyPart[]; downstream: PartyPart[]; funders?: (PartyPart & { kind: TermsFunder })[] } = {
    upstream: splitAmongParties(amount, parties.upstream),
    downstream: splitAmongParties(amount, parties.downstream),
  };
  if (parties.funders?.length) {
    const funders = parties.funders;
    out.funders = splitAmongParties(amount, funders).map((part, i) => ({ ...part, kind: funders[i]!.kind }));
  }
  return out;
}

/** The section every document without one means: one party per side, no funders named. */
export function onePartyPerSide(names: { upstream: Omit<TermsParty, 'share' | 'quantity'>; downstream: Omit<TermsParty, 'share' | 'quantity'> }): PartiesSection {
  return { upstream: [{ ...names.upstream }], downstream: [{ ...names.downstream }] };
}
