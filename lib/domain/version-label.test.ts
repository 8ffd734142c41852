import { describe, expect, it } from 'vitest';
import { versionLabel, versionMark } from './version-label';

describe('a version as a reader names it', () => {
  it('reads 第 n 版 in Chinese and vn in English, after its scenario', () => {
    expect(versionMark(3, 'zh')).toBe('第 3 版');
    expect(versionMark(3, 'en')).toBe('v3');
    expect(versionLabel('表 2 成本', 12, 'zh')).toBe('表 2 成本 · 第 12 版');
    expect(versionLabel('Table 2 costs', 12, 'en')).toBe('Table 2 costs · v12');
  });
});
