import { describe, expect, it } from 'vitest';
import { toScenarioDocument } from '../../components/scenario-editor/model';
import { checkTerms } from '../../components/terms/terms-check';
import { blankTerms, type TermsDraft } from '../../components/terms/terms-draft';
import { miyunDocument, shiyanDocument } from '../../lib/engine';
import { parseScenario } from '../../lib/engine/schema';
import { templateSample, templateTerms } from '../../lib/terms/templates';

// The version page and the editor preview parse their first document on the server, the terms page
// checks its first draft there: what they hand the browser must survive the trip as plain data
// (React's server payload carries no class instances), so the browser shows what it would have computed.
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('drafts checked on the server for the browser', () => {
  it.each([
    ['shiyan', shiyanDocument()],
    ['miyun', miyunDocument()],
    ['refused', { ...(shiyanDocument() as object), endYear: 1990, costs: [{ code: 'nope', label: '', values: { '2011': 'x' } }] }],
  ])('a scenario outcome (%s) is plain data', (_name, json) => {
    const outcome = parseScenario(toScenarioDocument(json));
    expect(plain(outcome)).toEqual(outcome);
  });

  it('a blank draft over the deal years, and a template with its sample data, check to plain data', () => {
    const blank = blankTerms({ from: 2021, to: 2030, unit: 10_000, currency: 'CNY' });
    // Blank terms have no name yet: refused, with the problem at its place.
    const blankCheck = checkTerms(blank, {});
    expect(blankCheck.outcome).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'name', code: 'engine.mustNotBeEmpty' })] });
    expect(plain(blankCheck)).toEqual(blankCheck);
    const named = checkTerms({ ...blank, name: '2021—2030 年补偿' }, {});
    expect(named.backTest?.kind).toBe('settled');
    expect(plain(named)).toEqual(named);
    const terms = templateTerms('two-way-quality-index', 'zh') as TermsDraft;
    const sample = checkTerms(terms, templateSample('two-way-quality-index'));
    expect(sample.backTest?.kind).toBe('settled');
    expect(plain(sample)).toEqual(sample);
  });

  it('refused terms check to their problems and no back-test', () => {
    const check = checkTerms({ ...blankTerms(), formulas: [{ name: 'payment', expr: '1 +' }] }, {});
    expect(check.outcome.ok).toBe(false);
    expect(check.backTest).toBeNull();
    expect(plain(check)).toEqual(check);
  });
});
