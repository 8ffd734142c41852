import { describe, expect, it } from 'vitest';
import { safeDestination } from './safe-destination';

describe('safeDestination (callbackUrl after sign-in)', () => {
  it.each([
    '/%5Cevil.example/',
    '/%5cevil.example/',
    '/%255Cevil.example/',
    '/%09/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/.//evil.example',
    'https://evil.example/deals',
    'javascript:alert(1)',
    'deals',
    '',
    '/%E0%A4%A',
  ])('refuses %j and goes to the deals list', (callbackUrl) => {
    expect(safeDestination(callbackUrl)).toBe('/deals');
  });

  it('refuses a missing value', () => {
    expect(safeDestination(undefined)).toBe('/deals');
    expect(safeDestination(null)).toBe('/deals');
    expect(safeDestination(['/deals/a', '//evil.example'])).toBe('/deals');
  });

  it.each([
    ['/deals', '/deals'],
    ['/deals/abc/versions/def?tab=terms#costs', '/deals/abc/versions/def?tab=terms#costs'],
    ['/fund/archive?q=%E5%AF%86%E4%BA%91', '/fund/archive?q=%E5%AF%86%E4%BA%91'],
    ['/deals/../fund', '/fund'],
  ])('keeps the same-site path %j', (callbackUrl, expected) => {
    expect(safeDestination(callbackUrl)).toBe(expected);
  });
});
