import { describe, expect, it } from 'vitest';
import { normaliseNumberText, numberValueOf, parseNumberText } from '../../components/ui/number-text';

const value = (text: string) => parseNumberText(text);

describe('parseNumberText (what a number box understood)', () => {
  it('reads plain decimals canonically', () => {
    expect(value('1234.5')).toEqual({ kind: 'number', value: '1234.5' });
    expect(value('  007.250 ')).toEqual({ kind: 'number', value: '7.25' });
    expect(value('.5')).toEqual({ kind: 'number', value: '0.5' });
    expect(value('5.')).toEqual({ kind: 'number', value: '5' });
    expect(value('-0.00')).toEqual({ kind: 'number', value: '0' });
    expect(value('-12')).toEqual({ kind: 'number', value: '-12' });
    expect(value('+12')).toEqual({ kind: 'number', value: '12' });
  });

  it('reads thousands separators: commas, spaces, Chinese commas', () => {
    expect(value('1,234,567.89')).toEqual({ kind: 'number', value: '1234567.89' });
    expect(value('1 234 567')).toEqual({ kind: 'number', value: '1234567' });
    expect(value('1\u00a0234.5')).toEqual({ kind: 'number', value: '1234.5' });
    expect(value('1\u202f234')).toEqual({ kind: 'number', value: '1234' });
    expect(value('1，234，567．5')).toEqual({ kind: 'number', value: '1234567.5' });
  });

  it('reads full-width digits, points and signs', () => {
    expect(value('１２３４．５')).toEqual({ kind: 'number', value: '1234.5' });
    expect(value('－１２')).toEqual({ kind: 'number', value: '-12' });
    expect(value('−3.5')).toEqual({ kind: 'number', value: '-3.5' });
    expect(value('\u3000１，０００\u3000')).toEqual({ kind: 'number', value: '1000' });
  });

  it('keeps digits no binary double could hold', () => {
    expect(value('12,345,678,901,234,567.890123')).toEqual({ kind: 'number', value: '12345678901234567.890123' });
  });

  it('never turns text that is not a number into one', () => {
    for (const text of ['12abc', 'abc', '1,23', '12,3456', '1.234,5', '1,234 567', '1..2', '1.2.3', '1e3', '--1', '-', '.', '、', '1、234', '12%', '¥12', '0x10']) {
      expect(value(text), text).toEqual({ kind: 'invalid', text });
    }
  });

  it('tells an empty box apart', () => {
    expect(value('')).toEqual({ kind: 'empty' });
    expect(value('   ')).toEqual({ kind: 'empty' });
    expect(value('\u3000')).toEqual({ kind: 'empty' });
  });
});

describe('numberValueOf (what the form gets)', () => {
  it('is the canonical decimal, empty, or the text as typed', () => {
    expect(numberValueOf('１，２３４．５０')).toBe('1234.5');
    expect(numberValueOf('')).toBe('');
    expect(numberValueOf('12abc')).toBe('12abc');
  });

  it('normalises full-width characters and spaces only', () => {
    expect(normaliseNumberText(' ９\u3000８ ')).toBe('9 8');
  });
});
