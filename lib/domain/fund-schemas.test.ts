import { describe, expect, it } from 'vitest';
import { ZEnterMonitoringForm, ZEnterMonitoringValue, ZRecordPayment, ZResolveDisputeForm } from './fund-schemas';
import { render } from './local-text';
import { schemaProblems } from './schema-problems';
import './catalogue';

/** The problems a body gets, as the API and the form show them: field, its label and the message, in a language. */
function problems(schema: typeof ZEnterMonitoringValue | typeof ZEnterMonitoringForm, body: unknown, lang: 'en' | 'zh' = 'en') {
  const parsed = schema.safeParse(body);
  if (parsed.success) return [];
  return schemaProblems(parsed.error.issues, body).map((p) => [p.field, render(p.label!, lang), render(p.text!, lang)]);
}

describe('a monitoring result as entered: one value or dated samples (decision 0097)', () => {
  const base = { year: 2024, indicator: 'tp', laboratory: '上游监测站' };

  it('takes one value with its sampling period, as before', () => {
    expect(ZEnterMonitoringValue.parse({ ...base, value: '0.03', sampledFrom: '2024-01-01', sampledTo: '2024-12-31' })).toMatchObject({ value: '0.03' });
    expect(problems(ZEnterMonitoringValue, { ...base, value: '0.03', sampledFrom: '2024-01-01' })).toEqual([['sampledTo', 'Sampled to', 'is required']]);
  });

  it('takes samples, their dates the period', () => {
    const samples = [
      { on: '2024-01-15', value: '0.03' },
      { on: '2024-02-15', value: '<0.02' },
    ];
    expect(ZEnterMonitoringValue.parse({ ...base, samples })).toEqual({ ...base, samples });
  });

  it('refuses a sample outside the year, a repeated date and a value that is no lab result, each named by its place', () => {
    const body = {
      ...base,
      samples: [
        { on: '2024-01-15', value: '0.03' },
        { on: '2023-12-15', value: '0.02' },
        { on: '2024-01-15', value: '1e3' },
      ],
    };
    expect(problems(ZEnterMonitoringValue, body)).toEqual([
      ['samples.2.value', 'Samples, row 3: Value', expect.stringContaining('must be a decimal such as 2.31, or <0.025')],
      ['samples.1.on', 'Samples, row 2: Sampling date', 'must be a day of 2024, the year of the result'],
      ['samples.2.on', 'Samples, row 3: Sampling date', 'is the date of sample 1 already: one sample per date'],
    ]);
    expect(problems(ZEnterMonitoringValue, body, 'zh').map(([, label, message]) => `${label}：${message}`)).toEqual([
      expect.stringMatching(/^样品第 3 行，数值：必须是如 2\.31 的十进制数/),
      '样品第 2 行，采样日期：必须是结果所属的 2024 年内的日期',
      '样品第 3 行，采样日期：与第 1 个样品的日期相同：每个日期只能有一个样品',
    ]);
  });

  it('refuses both ways at once, neither, a period beside samples and an empty list', () => {
    expect(problems(ZEnterMonitoringValue, { ...base, value: '1', samples: [{ on: '2024-01-15', value: '1' }] }).map(([field]) => field)).toEqual(['value']);
    expect(problems(ZEnterMonitoringValue, { ...base }).map(([field]) => field)).toEqual(['value', 'sampledFrom', 'sampledTo']);
    expect(problems(ZEnterMonitoringValue, { ...base, samples: [{ on: '2024-01-15', value: '1' }], sampledFrom: '2024-01-01' })).toEqual([
      ['sampledFrom', 'Sampled from', 'leave it out: the sampling period is the first and last date of the samples'],
    ]);
    expect(problems(ZEnterMonitoringValue, { ...base, samples: [] }).map(([field]) => field)).toEqual(['samples']);
    expect(problems(ZEnterMonitoringValue, { ...base, samples: [{ on: '2024-01-15', value: '1', lab: 'x' }] }).map(([field]) => field)).toEqual(['samples.0.lab']);
  });

  it('sends from the form only the chosen way’s fields', () => {
    const form = { ...base, mode: 'samples', value: '', sampledFrom: '', sampledTo: '', samples: [{ on: '2024-03-01', value: '0.04' }] };
    expect(ZEnterMonitoringForm.parse(form)).toEqual({ ...base, samples: [{ on: '2024-03-01', value: '0.04' }] });
    expect(ZEnterMonitoringForm.parse({ ...form, mode: 'value', value: '0.04', sampledFrom: '2024-03-01', sampledTo: '2024-03-31' })).toEqual({
      ...base,
      value: '0.04',
      sampledFrom: '2024-03-01',
      sampledTo: '2024-03-31',
    });
  });
});

describe('the dispute form (decision 0110)', () => {
  const form = { method: 'RETEST', year: 2024, indicator: 'tp', laboratory: '中心', note: '复检', value: '0.02', sampledFrom: '2024-06-01', sampledTo: '2024-06-30' };
  const samples = [
    { on: '2024-01-15', value: '<0.02' },
    { on: '2024-06-15', value: '0.03' },
  ];

  it('sends a re-test’s samples or its one value, as its mode says, never both', () => {
    expect(ZResolveDisputeForm.parse({ ...form, retestMode: 'samples', samples })).toEqual({ method: 'RETEST', year: 2024, indicator: 'tp', laboratory: '中心', note: '复检', samples });
    expect(ZResolveDisputeForm.parse({ ...form, retestMode: 'value', samples })).toEqual({
      method: 'RETEST',
      year: 2024,
      indicator: 'tp',
      laboratory: '中心',
      note: '复检',
      value: '0.02',
      sampledFrom: '2024-06-01',
      sampledTo: '2024-06-30',
    });
    // Another method sends none of them.
    expect(ZResolveDisputeForm.parse({ ...form, method: 'AVERAGE', retestMode: 'samples', samples })).toEqual({ method: 'AVERAGE', year: 2024, indicator: 'tp', note: '复检' });
  });

  it('a payment names its organisation by id, or none', () => {
    const payment = { year: 2024, funder: 'DOWNSTREAM', amount: '1.00', paidOn: '2027-03-01', reference: 'R' };
    expect(ZRecordPayment.parse({ ...payment, party: ' henan ' }).party).toBe('henan');
    expect(ZRecordPayment.parse(payment).party).toBeUndefined();
    expect(ZRecordPayment.safeParse({ ...payment, party: '' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['party']);
  });
});
