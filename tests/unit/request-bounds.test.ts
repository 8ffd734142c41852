import { describe, expect, it } from 'vitest';
import { ZActivityFilter } from '../../lib/domain/deal-schemas';
import { ZSendOffer } from '../../lib/domain/offer-schemas';
import { readIssueText } from '../../lib/engine/problem';
import { evidenceType } from '../../lib/server/scenarios/evidence-type';
import { english } from '../support/english';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => {
    // The schemas' own messages are codes; their English is what the test reads.
    const coded = readIssueText(i.message);
    return [i.path.join('.'), coded ? english(coded) : i.message];
  }) ?? [];

describe('dates and ids from requests are bounded to what the database stores', () => {
  it.each([
    [{ from: '99999-01-01' }, 'from', /date/],
    [{ from: '+275760-09-13' }, 'from', /2200 or earlier/],
    [{ to: '1000-01-01' }, 'to', /1900 or later/],
    [{ before: '99999999999999999999999' }, 'before', /event id/],
    [{ before: '0' }, 'before', /event id/],
  ])('the activity filter refuses %j, naming %s', (query, field, message) => {
    const issues = issuesOf(ZActivityFilter.safeParse(query));
    expect(issues).toEqual([[field, expect.stringMatching(message)]]);
  });

  it('keeps dates and ids in range', () => {
    expect(ZActivityFilter.parse({ from: '2026-12-01', before: '9223372036854775807' })).toMatchObject({ from: new Date('2026-12-01'), before: 9223372036854775807n });
  });

  it('an offer valid until the year 20000 is refused at validUntil', () => {
    const offer = { versionId: crypto.randomUUID(), schedule: [{ from: 2021, to: 2030, amount: '1' }], validUntil: '+020000-01-01T00:00:00Z' };
    expect(issuesOf(ZSendOffer.safeParse(offer))).toEqual([['validUntil', expect.stringMatching(/2200 or earlier/)]]);
  });
});

describe('CSV evidence', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it.each(['<!DOCTYPE html><title>x</title>', '  <html><body>x</body></html>', '\uFEFF<script>alert(1)</script>', 'a,b\n1,<svg onload=alert(1)>', '<?xml version="1.0"?><x/>', '<p>note</p>'])(
    'refuses %j, which a browser could take for a page',
    async (text) => {
      expect(await evidenceType(bytes(text), 'evidence.csv')).toBeNull();
    },
  );

  it('accepts plain CSV, comparisons included', async () => {
    expect(await evidenceType(bytes('year,value,note\n2024,<0.01,below detection\n2025,1.2,a<b'), 'evidence.csv')).toBe('text/csv');
  });
});
