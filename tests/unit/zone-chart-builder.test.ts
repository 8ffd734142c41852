import { describe, expect, it } from 'vitest';
import { D } from '../../lib/engine/decimal';
import { pairYears } from '../../lib/engine/version-pair';
import { bandSeries } from '../../components/negotiation/chart-builder';
import { pairChartOption } from '../../components/negotiation/pair-chart';
import { zoneChartOption } from '../../components/negotiation/zone-chart';
import { weightText } from '../../components/negotiation/weight';
import type { ZoneVersion } from '../../lib/contracts/negotiation';

const text = { lower: 'L', upper: 'U', suggested: 'S', zone: 'Z', gap: 'G', axis: '万元' };
const num = (v: ReturnType<typeof D> | null) => (v === null ? null : v.toNumber());
type Series = { name: string; data: (number | null)[]; areaStyle?: { color: string } };

describe('the zone charts’ shared builder', () => {
  it('shades the zone where upper ≥ lower and the gap in red where lower > upper, nothing without both bounds', () => {
    const [base, zone, gap] = bandSeries({
      stack: 's',
      names: { base: 'b', zone: 'z', gap: 'g' },
      colour: '#123456',
      lower: [D(10), D(30), D(5)],
      upper: [D(25), D(20), null],
      num,
    }) as unknown as Series[];
    expect(base!.data).toEqual([10, 20, null]);
    expect(zone!.data).toEqual([15, 0, null]);
    expect(gap!.data).toEqual([0, 10, null]);
    expect(gap!.areaStyle?.color).toBe('#dc2626');
  });

  it('draws the same band for the pair and for one version with the same bounds', () => {
    const years = [
      { year: 2021, lowerBound: '100', upperBound: '160' },
      { year: 2022, lowerBound: '120', upperBound: '90' },
    ];
    const pair = pairChartOption(pairYears({ unit: 1000, years }, { unit: 1000, years }, D('0.5'), 1000), 1000, 'thousand', 'zh', text);
    const version = {
      id: 'v',
      unit: 1000,
      years: years.map((y) => ({
        ...y,
        payment: y.lowerBound,
        suggestedPayment: null,
        feasible: null,
        waterVolume: null,
        directCost: '0',
        opportunityCost: '0',
        subsidies: '0',
        internalEffect: '0',
        benefits: y.upperBound,
        downstreamCosts: '0',
      })),
    } as unknown as ZoneVersion;
    const zone = zoneChartOption([version], [], D('0.5'), 'thousand', 'zh', { ...text, versionLabel: () => 'v1', offerLabel: () => 'o' });
    const band = (option: { series?: unknown }) => (option.series as Series[]).slice(0, 3).map((s) => s.data);
    expect(band(pair)).toEqual([
      [100, 90],
      [60, 0],
      [0, 30],
    ]);
    expect(band(zone)).toEqual(band(pair));
    expect((pair.xAxis as { data: string[] }).data).toEqual(['2021', '2022']);
    expect((zone.xAxis as { data: string[] }).data).toEqual(['2021', '2022']);
  });

  it('keeps the weight a two-place string within 0 … 1', () => {
    expect([weightText('0.4'), weightText('1'), weightText('1.5'), weightText('-0.1')]).toEqual(['0.40', '1.00', '0.50', '0.50']);
  });
});
