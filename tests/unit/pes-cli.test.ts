import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const shiyan = 'lib/engine/fixtures/shiyan-2003-2050.json';

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

describe('scripts/pes.ts', () => {
  it('compute prints pes-result/1 JSON for a valid file', async () => {
    const r = await pes('compute', shiyan);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.format).toBe('pes-result/1');
    expect(json.years).toHaveLength(48);
    expect(json.totals.directCost).toBe('262701060');
  });

  it('refuses an invalid file with exit code 2, the problems on stderr and no stack trace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pes-cli-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'pes-scenario/1',
        name: 'x',
        currency: 'CNY',
        unit: 1,
        priceBase: 'p',
        startYear: 2003,
        endYear: 2010,
        costs: [{ code: 'C_f', label: 'f', values: { '2003-2010': 'abc' } }],
        alpha: { ED: { '2003-2010': '1.4' } },
      }),
    );
    const r = await pes('compute', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('costs[0].values["2003-2010"]: not a number');
    expect(r.stderr).toContain('alpha.ED["2003-2010"]: 1.4 is not between 0 and 1');
    expect(r.stderr).not.toMatch(STACK_LINE);

    const missing = await pes('validate', path.join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read \(ENOENT\)/);
    expect(missing.stderr).not.toMatch(STACK_LINE);

    const badArgs = await pes('explain', shiyan, 'nope');
    expect(badArgs.code).toBe(2);
    expect(badArgs.stderr).not.toMatch(STACK_LINE);
  });

  it('compute --format csv prints the years as CSV', async () => {
    const r = await pes('compute', shiyan, '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('year,directCost,opportunityCost,subsidies,internalEffect,lowerBound,upperBound,payment,pricePerM3,suggestedPayment,feasible');
    expect(lines).toHaveLength(49);
    expect(lines[1]).toMatch(/^2003,6201595,3053122,2007345,2390656\.35,4856715\.65,,0,,,$/);
  });
});
