import { describe, expect, it } from 'vitest';
import { toleranceBand } from './tolerance-band';

const inside = (band: { low: string; high: string }, value: string) => Number(value) >= Number(band.low) && Number(value) <= Number(band.high);

describe('the tolerance band of a year', () => {
  it('is centred between the two results and as wide as the allowed difference', () => {
    expect(toleranceBand(['2.31', '2.45'], '0.2')).toEqual({ low: '2.28', high: '2.48' });
  });

  it('holds both results when they agree and not both when they are disputed', () => {
    const agreed = toleranceBand(['0.026', '0.029'], '0.005')!;
    expect(inside(agreed, '0.026') && inside(agreed, '0.029')).toBe(true);
    const disputed = toleranceBand(['0.026', '0.040'], '0.005')!;
    expect(inside(disputed, '0.026') || inside(disputed, '0.040')).toBe(false);
  });

  it('spans the lowest and highest of three results', () => {
    expect(toleranceBand(['1', '3', '2'], '4')).toEqual({ low: '0', high: '4' });
  });

  it('is not drawn for a single result or without an allowed difference', () => {
    expect(toleranceBand(['2.31'], '0.2')).toBeNull();
    expect(toleranceBand(['2.31', '2.45'], null)).toBeNull();
  });
});
