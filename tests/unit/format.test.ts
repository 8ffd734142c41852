import { describe, expect, it } from 'vitest';
import { formatAmount, formatMeasurement } from '../../lib/domain/format';

describe('formatAmount', () => {
  it('groups thousands by locale', () => {
    expect(formatAmount('1234567', 'en')).toBe('1,234,567 yuan');
    expect(formatAmount('1234567', 'zh')).toBe('1,234,567 元');
  });

  it('offers 万 and 亿 for Chinese readers, applying the scenario unit', () => {
    // 2,900,860 thousand CNY = 29.0086 亿元
    expect(formatAmount('2900860', 'zh', { unit: 1000, scale: 'yi' })).toBe('29.01 亿元');
    expect(formatAmount('158266', 'zh', { unit: 1000, scale: 'wan' })).toBe('15,826.60 万元');
  });

  it('keeps digits a binary float would lose', () => {
    expect(formatAmount('12345678901234567.89', 'en', { fractionDigits: 2, withSuffix: false })).toBe('12,345,678,901,234,567.89');
  });

  it('rounds half away from zero at the shown precision', () => {
    expect(formatAmount('0.125', 'en', { scale: 'yuan', fractionDigits: 2, withSuffix: false })).toBe('0.13');
    expect(formatAmount('-1500', 'en', { withSuffix: false })).toBe('-1,500');
  });
});

describe('formatMeasurement', () => {
  it('shows a lab value as measured, and an agreed average of several results to four decimals, marked', () => {
    expect(formatMeasurement('2.31')).toBe('2.31');
    expect(formatMeasurement('0.0255')).toBe('0.0255');
    expect(formatMeasurement('<0.025')).toBe('<0.025');
    expect(formatMeasurement('2.4533333333333333333333333333333333333333')).toBe('≈2.4533');
    expect(formatMeasurement('0.026666666')).toBe('≈0.0267');
  });
});
