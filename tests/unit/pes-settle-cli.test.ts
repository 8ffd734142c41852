import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const terms = 'lib/terms/fixtures/two-way-terms.json';
const monitoring = 'lib/terms/fixtures/two-way-monitoring.json';
const shiyan = 'lib/engine/fixtures/shiyan-2003-2050.json';
const xinanTerms = 'lib/terms/fixtures/xinan-terms.json';
const xinanMonitoring = 'lib/terms/fixtures/xinan-monitoring.json';

/** Runs the CLI the way `npm run pes` does; resolves with the exit code instead of throwing. */
async function pes(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/pes.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const STACK_LINE = /^\s+at /m;

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pes-settle-'));
}

// Each case starts the CLI through npx/tsx, a few seconds apiece on a busy machine.
describe('scripts/pes.ts settle', { timeout: 60_000 }, () => {
  it('prints settlement/1 JSON for the format document’s example', async () => {
    const r = await pes('settle', terms, monitoring);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ format: 'settlement/1', currency: 'CNY', unit: 1, total: '0' });
    expect(json.years.map((y: { year: number; payment: string }) => [y.year, y.payment])).toEqual([
      [2018, '200000000'],
      [2019, '-200000000'],
      [2020, undefined],
    ]);
    expect(json.years[2]).toEqual({ year: 2020, missing: ['codmn', 'nh3n', 'tn', 'tp'] });
    expect(json.years[0].values.P).toMatch(/^0\.77927884615384615/);
  });

  it('reports missing indicators in the JSON, exit code 0, for every year of the terms', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'monitoring.json');
    writeFileSync(file, JSON.stringify({ '2018': { codmn: '2.31', nh3n: '0.10', tn: '1.05' } }));
    const r = await pes('settle', terms, file);
    expect(r.code).toBe(0);
    const all = ['codmn', 'nh3n', 'tn', 'tp'];
    expect(JSON.parse(r.stdout).years).toEqual([
      { year: 2018, missing: ['tp'] },
      { year: 2019, missing: all },
      { year: 2020, missing: all },
    ]);
  });

  it('takes --scheduled from a pes-scenario/1 document or a year map', async () => {
    const dir = tempDir();
    const fixed = path.join(dir, 'fixed.json');
    writeFileSync(fixed, JSON.stringify({ format: 'payment-terms/1', name: 'fixed', currency: 'CNY', unit: 1000, from: 2014, to: 2015, formulas: [{ name: 'payment', expr: 'scheduled' }] }));
    const empty = path.join(dir, 'empty.json');
    writeFileSync(empty, '{}');
    const fromScenario = await pes('settle', fixed, empty, '--scheduled', shiyan);
    expect(fromScenario.code).toBe(0);
    const years = JSON.parse(fromScenario.stdout).years;
    expect(years.map((y: { year: number }) => y.year)).toEqual([2014, 2015]);
    const engine = JSON.parse((await pes('compute', shiyan)).stdout);
    expect(years[0].payment).toBe(engine.years.find((y: { year: number }) => y.year === 2014).payment);

    const map = path.join(dir, 'scheduled.json');
    writeFileSync(map, JSON.stringify({ '2014': '12.5', '2015': '13' }));
    const fromMap = await pes('settle', fixed, empty, `--scheduled=${map}`);
    expect(JSON.parse(fromMap.stdout).total).toBe('25.5');
  });

  it('refuses bad terms with exit code 2, the problems on stderr and no stack trace', async () => {
    const dir = tempDir();
    const bad = JSON.parse(readFileSync(path.join(root, terms), 'utf8'));
    bad.constants.k = 'abc';
    bad.to = 2017;
    bad.formulas[1].expr = 'P <= 1 ? amout : -amount';
    bad.formulas.push({ name: 'x', expr: 'import("fs")' });
    const file = path.join(dir, 'terms.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await pes('settle', file, monitoring);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}: constants.k: not a decimal number`);
    expect(r.stderr).toContain(`${file}: to: 2017 is before from 2018`);
    expect(r.stderr).toContain(`${file}: formulas[1].expr: unknown name "amout" at position 10 in formula "payment"`);
    expect(r.stderr).toContain(`${file}: formulas[2].expr: unknown function "import" at position 1 in formula "x"`);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses bad monitoring data with exit code 2, naming year and indicator', async () => {
    const dir = tempDir();
    const badMonitoring = path.join(dir, 'monitoring.json');
    writeFileSync(badMonitoring, JSON.stringify({ '2019': { codmn: 'n/a', cod: '1' }, '2030': {} }));
    const r = await pes('settle', terms, badMonitoring);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2019.codmn: not a number');
    expect(r.stderr).toContain('2019.cod: unknown indicator');
    expect(r.stderr).toContain('2030: year 2030 is outside from..to (2018..2020)');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses a division by zero on a year’s data with exit code 2', async () => {
    const dir = tempDir();
    const divTerms = path.join(dir, 'div.json');
    writeFileSync(
      divTerms,
      JSON.stringify({ format: 'payment-terms/1', name: 'd', currency: 'CNY', unit: 1, from: 2018, to: 2020, indicators: { v: 'm³' }, formulas: [{ name: 'payment', expr: '100 / v' }] }),
    );
    const zero = path.join(dir, 'zero.json');
    writeFileSync(zero, JSON.stringify({ '2019': { v: '0' } }));
    const div = await pes('settle', divTerms, zero);
    expect(div.code).toBe(2);
    expect(div.stdout).toBe('');
    expect(div.stderr).toContain('2019: division by zero in formula "payment" for 2019');
    expect(div.stderr).not.toMatch(STACK_LINE);
  });

  it('settles monitoring with samples, shows the samples behind each aggregate, and refuses bad samples in English', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'samples.json');
    writeFileSync(
      bad,
      JSON.stringify({
        '2019': {
          codmn: [
            { on: '2019-01-15', value: '2.1' },
            { on: '2018-02-15', value: '2.2' },
            { on: '2019-02-30', value: 'n/a' },
          ],
          tp: [],
        },
      }),
    );
    const [json, text, refused] = await Promise.all([pes('settle', xinanTerms, xinanMonitoring), pes('settle', xinanTerms, xinanMonitoring, '--format', 'text'), pes('settle', xinanTerms, bad)]);
    expect(json.code).toBe(0);
    const settlement = JSON.parse(json.stdout);
    expect(settlement.years.map((y: { year: number; payment?: string }) => [y.year, y.payment])).toEqual([
      [2018, '200000000'],
      [2019, '-200000000'],
      [2020, undefined],
    ]);
    expect(settlement.years[0].values.P).toMatch(/^0\.76552884615384615/);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('2018: payment = 200000000\n  P = 0.9 * (0.25 * 2.31 / 2.6 + 0.25 * 0.1 / 0.12 + 0.25 * 0.0241666666666667 / 0.03 + 0.25 * 1.05 / 1.2) = 0.765528846153846\n');
    expect(text.stdout).toMatch(/\n {4}mean\(tp\) = 0\.0241666+7 over 12 sample\(s\): 2018-01-15 0\.02, .*2018-07-15 <0\.01 \(counts as 0\.005\), /);
    expect(text.stdout).toContain('2020: missing codmn, nh3n, tp, tn\n');
    expect(text.stdout).toContain('total = 0 (CNY, unit 1)');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`${bad}: 2019.codmn[1].on: a sample of 2018-02-15 is not of the year 2019`);
    expect(refused.stderr).toContain(`${bad}: 2019.codmn[2].on: 2019-02-30 is not a day of the calendar`);
    expect(refused.stderr).toContain(`${bad}: 2019.codmn[2].value: "n/a" is not a plain decimal number`);
    expect(refused.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses bad arguments and unreadable files with exit code 2', async () => {
    const missing = path.join(tempDir(), 'nope.json');
    const cases = [
      ['settle', terms],
      ['settle', terms, monitoring, '--scheduled'],
      ['settle', terms, missing],
      ['compute', shiyan, '--scheduled', monitoring],
      ['settle', terms, monitoring, '--format', 'csv'],
    ];
    const results = await Promise.all(cases.map((args) => pes(...args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i]!.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, cases[i]!.join(' ')).not.toMatch(STACK_LINE);
    });
    expect(results[2]!.stderr).toMatch(/nope\.json: cannot read \(ENOENT\)/);
    expect(results[3]!.stderr).toContain('--scheduled applies to settle only');
  });

  it('lists settle in the usage text and keeps the other commands working', async () => {
    const help = await pes('help');
    expect(help.code).toBe(2);
    expect(help.stderr).toContain('pes settle TERMS.json MONITORING.json [--scheduled SCENARIO.json]');
    expect(help.stderr).toContain('pes compute FILE [--format json|csv]');
    const validate = await pes('validate', shiyan);
    expect(validate).toMatchObject({ code: 0, stdout: 'valid\n' });
  });
});
