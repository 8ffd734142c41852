import { describe, expect, it } from 'vitest';
import { agreementStanding, nettingByDirection } from './agreement-standing';
import { indicatorTarget, judgedDirection, targetMet } from './indicator-target';
import { monitoringRules } from './monitoring-rules';

const line = (settled: string | null, paid: string, scheduled = '0') => ({ scheduled, settled, paid });

describe('an indicator judged by the direction the parties signed', () => {
  const rules = monitoringRules({ indicators: { conduct: 'points', tp: 'mg/L' }, monitoring: { conduct: { direction: 'higher' } } });

  it('conduct 75 against a target of 90 is not met when higher is better; 95 is', () => {
    expect(targetMet('75', '90', rules.conduct!.direction)).toBe(false);
    expect(targetMet('95', '90', rules.conduct!.direction)).toBe(true);
    expect(targetMet('90', '90', rules.conduct!.direction)).toBe(true);
  });

  it('a concentration under the default (lower is better) meets its target at or below it', () => {
    expect(rules.tp!.direction).toBe('lower');
    expect(targetMet('0.026', '0.05', rules.tp!.direction)).toBe(true);
    expect(targetMet('0.05', '0.05', rules.tp!.direction)).toBe(true);
    expect(targetMet('0.051', '0.05', rules.tp!.direction)).toBe(false);
  });

  it('without a result or a target there is nothing to judge', () => {
    expect(targetMet(null, '90', 'higher')).toBeNull();
    expect(targetMet('75', null, 'higher')).toBeNull();
  });

  it('finds the target under each name the terms use, the explicit one first', () => {
    expect(indicatorTarget({ target_conduct: '90' }, 'conduct')).toBe('90');
    expect(indicatorTarget({ conduct_target: '85' }, 'conduct')).toBe('85');
    expect(indicatorTarget({ c0_tp: '0.05', target_tp: '0.04' }, 'tp')).toBe('0.04');
    expect(indicatorTarget({ c0_tp: '0.05' }, 'tp')).toBe('0.05');
    expect(indicatorTarget({ c0_tp: '0.05' }, 'tn')).toBeNull();
  });
});

describe('the standing of an agreement, from what is outstanding', () => {
  it('148 million settled and not paid is outstanding, not up to date, even with nothing to settle or resolve', () => {
    const standing = agreementStanding({ lines: [line('148000000.00', '0.00')], disputed: 0, closedUnsettled: 0 });
    expect(standing.status).toBe('outstanding');
    expect(standing.reasons).toEqual(['outstanding']);
    expect(standing.netting.toUpstream.outstanding).toBe('148000000.00');
  });

  it('is up to date only when every settled line is paid exactly and nothing waits', () => {
    expect(agreementStanding({ lines: [line('200000000.00', '200000000.00'), line(null, '5000.00', '100')], disputed: 0, closedUnsettled: 0 }).status).toBe('upToDate');
  });

  it('an overpaid line is outstanding too: a refund is owed', () => {
    const standing = agreementStanding({ lines: [line('100.00', '150.00')], disputed: 0, closedUnsettled: 0 });
    expect(standing.status).toBe('outstanding');
    expect(standing.netting.toUpstream.outstanding).toBe('-50.00');
  });

  it('lists every reason, the dispute first, then what is unpaid, then what is to settle', () => {
    const standing = agreementStanding({ lines: [line('10.00', '0.00')], disputed: 2, closedUnsettled: 1 });
    expect(standing.status).toBe('disputed');
    expect(standing.reasons).toEqual(['disputed', 'outstanding', 'toSettle']);
    expect(agreementStanding({ lines: [], disputed: 0, closedUnsettled: 3 }).status).toBe('toSettle');
  });
});

describe('netting per direction', () => {
  it('keeps what downstream pays upstream apart from the compensation upstream pays back', () => {
    const netting = nettingByDirection([
      // 2021: downstream owes 200 million, 150 million paid.
      line('200000000.00', '150000000.00'),
      // 2022: the two-way rule made the upstream party owe 30 million; 10 million refunded (paid is signed toward upstream).
      line('-30000000.00', '-10000000.00'),
      // 2023 not settled: an advance of 5 million toward upstream.
      line(null, '5000000.00', '200000000'),
    ]);
    expect(netting.toUpstream).toEqual({ settled: '200000000.00', paid: '150000000.00', outstanding: '50000000.00', advances: '5000000.00' });
    expect(netting.fromUpstream).toEqual({ settled: '30000000.00', paid: '10000000.00', outstanding: '20000000.00', advances: '0.00' });
  });

  it('places a line with nothing settled or scheduled by the money that moved', () => {
    const netting = nettingByDirection([line(null, '-7.00')]);
    expect(netting.fromUpstream.advances).toBe('7.00');
    expect(netting.toUpstream.advances).toBe('0.00');
  });
});

describe('the direction a result is judged by', () => {
  it('is the signed one where the terms state it, even against what the unit suggests', () => {
    expect(judgedDirection('lower', 'm³')).toEqual({ direction: 'lower', signed: true });
    expect(judgedDirection('higher', 'points')).toEqual({ direction: 'higher', signed: true });
  });

  it('is assumed, and said to be, for a document without monitoring rules: a volume higher, the rest lower', () => {
    expect(judgedDirection(undefined, '10⁸ m³')).toEqual({ direction: 'higher', signed: false });
    expect(judgedDirection(undefined, 'mg/L')).toEqual({ direction: 'lower', signed: false });
  });
});
