import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, groupDigits } from '../../lib/domain/format';

describe('groupDigits (the one digit grouping)', () => {
  it('groups the integer part and keeps every fraction digit', () => {
    expect(groupDigits('1234567.50', 'zh')).toBe('1,234,567.50');
    expect(groupDigits('1234567.50', 'en')).toBe('1,234,567.50');
    expect(groupDigits('-1234', 'en')).toBe('-1,234');
    expect(groupDigits('12345678901234567.8901', 'en')).toBe('12,345,678,901,234,567.8901');
    expect(groupDigits('999', 'zh')).toBe('999');
  });

  it('leaves text that is not a decimal alone', () => {
    expect(groupDigits('12abc', 'zh')).toBe('12abc');
    expect(groupDigits('', 'en')).toBe('');
  });
});

describe('formatMoney (an amount with its unit and price base)', () => {
  it('says the unit and the price base in Chinese', () => {
    // 12,345 thousand CNY = 1,234.5 万元
    expect(formatMoney('12345', 'zh', { unit: 1000, scale: 'wan', priceBase: '2015 年价' })).toBe('1,234.50 万元（2015 年价）');
    expect(formatMoney('2900860', 'zh', { unit: 1000, scale: 'yi', priceBase: '2000 年不变价' })).toBe('29.01 亿元（2000 年不变价）');
  });

  it('says them in English', () => {
    expect(formatMoney('12345', 'en', { unit: 1000, priceBase: '2015 prices' })).toBe('12,345,000 yuan (2015 prices)');
    expect(formatMoney('12345', 'en', { unit: 1000, scale: 'wan', fractionDigits: 1 })).toBe('1,234.5 ten thousand yuan');
  });

  it('leaves out an empty price base and agrees with formatAmount', () => {
    expect(formatMoney('1500', 'zh', { priceBase: '  ' })).toBe(formatAmount('1500', 'zh'));
    expect(formatMoney('1500', 'zh')).toBe('1,500 元');
  });
});
