import { describe, expect, it } from 'vitest';
import { summaryLines } from '../../lib/domain/audit-summary';

describe('summaryLines', () => {
  it('shows a change field by field, leaving out what did not change', () => {
    expect(summaryLines({ before: { status: 'DRAFT', name: 'A' }, after: { status: 'NEGOTIATING', name: 'A' } })).toEqual([{ field: 'status', before: 'DRAFT', after: 'NEGOTIATING' }]);
  });
  it('shows a creation as after-only and a removal as before-only', () => {
    expect(summaryLines({ after: { number: 2, message: 'v2' } })).toEqual([
      { field: 'number', after: '2' },
      { field: 'message', after: 'v2' },
    ]);
    expect(summaryLines({ before: { side: 'OBSERVER' } })).toEqual([{ field: 'side', before: 'OBSERVER' }]);
  });
  it('lists other details key by key, and nothing for no summary', () => {
    expect(summaryLines({ right: 'edit', status: 404 })).toEqual([
      { field: 'right', after: 'edit' },
      { field: 'status', after: '404' },
    ]);
    expect(summaryLines(null)).toEqual([]);
  });
});
