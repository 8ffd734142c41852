import { describe, expect, it } from 'vitest';
import { rebaseDocument } from './rebase';

const item = (label: string, values: Record<string, string>, code = 'ED_F') => ({ code, label, values });
const base = {
  name: 'Shiyan',
  discountRate: '0.03',
  alpha: { ED: { '2003-2050': '0.15' } },
  costs: [item('Forest', { '2003-2010': '100' }), item('Sewage', { '2003-2010': '200' }, 'ED_S'), item('Schools', { '2003-2010': '300' }, 'PD_E')],
};

describe('rebaseDocument', () => {
  it('keeps both sides when they touched different fields and items', () => {
    const mine = { ...base, discountRate: '0.05', costs: [item('Forest', { '2003-2010': '150' }), base.costs[1]!, base.costs[2]!] };
    const theirs = { ...base, alpha: { ED: { '2003-2050': '0.2' } }, costs: [base.costs[0]!, item('Sewage', { '2003-2010': '250' }, 'ED_S'), base.costs[2]!] };
    const { document, conflicts } = rebaseDocument(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(document.discountRate).toBe('0.05');
    expect(document.alpha).toEqual({ ED: { '2003-2050': '0.2' } });
    expect(document.costs).toEqual([item('Forest', { '2003-2010': '150' }), item('Sewage', { '2003-2010': '250' }, 'ED_S'), base.costs[2]]);
  });

  it('replays my additions and removals onto their list', () => {
    const mine = { ...base, costs: [base.costs[0]!, base.costs[1]!, item('Roads', { '2003-2010': '9' }, 'AD_X')] };
    const theirs = { ...base, costs: [...base.costs, item('Fishery', { '2003-2010': '5' }, 'IO_F')] };
    const { document, conflicts } = rebaseDocument(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect((document.costs as { label: string }[]).map((c) => c.label)).toEqual(['Forest', 'Sewage', 'Fishery', 'Roads']);
  });

  it('names the places both changed differently and keeps my value there', () => {
    const mine = { ...base, discountRate: '0.05', costs: [item('Forest', { '2003-2010': '150' }), base.costs[1]!, base.costs[2]!] };
    const theirs = { ...base, discountRate: '0.04', costs: [item('Forest', { '2003-2010': '120' }), base.costs[1]!] };
    const { document, conflicts } = rebaseDocument(base, mine, theirs);
    expect(conflicts).toEqual(['discountRate', 'costs: Forest']);
    expect(document.discountRate).toBe('0.05');
    // They removed Schools and I left it alone: it stays removed.
    expect(document.costs).toEqual([item('Forest', { '2003-2010': '150' }), base.costs[1]]);
  });

  it('treats a list with repeated labels as one value (no item-level guessing)', () => {
    const twins = { ...base, costs: [item('Forest', { '2003-2010': '1' }), item('Forest', { '2003-2010': '2' })] };
    const mine = { ...twins, costs: [item('Forest', { '2003-2010': '1' }), item('Forest', { '2003-2010': '3' })] };
    const theirs = { ...twins, costs: [item('Forest', { '2003-2010': '4' }), item('Forest', { '2003-2010': '2' })] };
    const { document, conflicts } = rebaseDocument(twins, mine, theirs);
    expect(conflicts).toEqual(['costs']);
    expect(document.costs).toEqual(mine.costs);
  });

  it('drops a field I removed when they left it alone', () => {
    const withVolume = { ...base, waterVolume: { '2003-2050': '95' } };
    const mine: Record<string, unknown> = { ...withVolume };
    delete mine.waterVolume;
    const { document } = rebaseDocument(withVolume, mine, { ...withVolume, name: 'Shiyan (revised)' });
    expect(document).not.toHaveProperty('waterVolume');
    expect(document.name).toBe('Shiyan (revised)');
  });
});
