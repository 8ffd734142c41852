import { describe, expect, it } from 'vitest';
import { anchorOn, itemAt } from './comment-anchor';

const v1 = {
  costs: [
    { code: 'C_f', label: 'Forest construction' },
    { code: 'C_w', label: 'Water works' },
  ],
  benefits: [{ label: 'Clean water' }],
};
// v2 inserted a line before both costs and renamed the water works.
const v2 = {
  costs: [
    { code: 'C_s', label: 'Soil' },
    { code: 'C_f', label: 'Forest construction' },
    { code: 'C_w', label: 'Water treatment' },
  ],
  benefits: [{ label: 'Clean water' }],
};

describe('comment anchors', () => {
  it('reads the line a target names, or null for the whole scenario and for a line not there', () => {
    expect(itemAt(v1, 'costs[1]')).toEqual({ list: 'costs', index: 1, code: 'C_w', label: 'Water works' });
    expect(itemAt(v1, null)).toBeNull();
    expect(itemAt(v1, 'scenario')).toBeNull();
    expect(itemAt(v1, 'costs[7]')).toBeNull();
    expect(itemAt(v1, 'constructor')).toBeNull();
  });

  it('follows a line to its new position on another version by its code and label', () => {
    expect(anchorOn(v2, v1, 'costs[0]')).toBe('costs[1]');
    expect(anchorOn(v2, v1, 'benefits[0]')).toBe('benefits[0]');
    expect(anchorOn(v1, v1, 'costs[1]')).toBe('costs[1]');
  });

  it('leaves a comment in the thread only when its line is gone or changed, or it is about the whole scenario', () => {
    expect(anchorOn(v2, v1, 'costs[1]')).toBeNull();
    expect(anchorOn(v2, v1, null)).toBeNull();
    expect(anchorOn({}, v1, 'costs[0]')).toBeNull();
  });
});
