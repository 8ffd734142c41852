/**
 * Command-line PES calculator. Thin on purpose: argument handling and file I/O
 * here, every rule and number in lib/engine.
 *
 *   npm run pes -- compute FILE [--format json|csv]
 *   npm run pes -- validate FILE
 *   npm run pes -- explain FILE YEAR FIELD [--format text|json]
 *   npm run pes -- diff FILE_A FILE_B
 *
 * Exit codes: 0 done, 2 bad input (arguments, unreadable file, invalid
 * document), 1 an internal error. Never prints a stack trace.
 */
import { readFileSync } from 'node:fs';
import {
  computeScenario,
  diffScenarios,
  explainResult,
  parseScenarioText,
  toResultCsv,
  toResultJson,
  type Problem,
  type Scenario,
} from '../lib/engine/index';

const USAGE = `usage:
  pes compute FILE [--format json|csv]
  pes validate FILE
  pes explain FILE YEAR FIELD [--format text|json]
  pes diff FILE_A FILE_B`;

class BadInput extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

function load(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput([`${file}: cannot read (${code ?? (e instanceof Error ? e.message : String(e))})`]);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new BadInput(parsed.problems.map((p: Problem) => `${file}: ${p.path}: ${p.message}`));
  return parsed.scenario;
}

/** Splits `--format X` (or `--format=X`) from the positional arguments. */
function options(args: string[]): { positional: string[]; format: string | undefined } {
  const positional: string[] = [];
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format') {
      format = args[++i];
      if (format === undefined) throw new BadInput(['--format needs a value']);
    } else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a.startsWith('--')) throw new BadInput([`unknown option ${a}`]);
    else positional.push(a);
  }
  return { positional, format };
}

function expect(positional: string[], names: string[]): string[] {
  if (positional.length !== names.length) throw new BadInput([`expected ${names.join(' ')}, got ${positional.length} argument(s)`]);
  return positional;
}

function run(argv: string[]): string {
  const [command, ...rest] = argv;
  const { positional, format } = options(rest);
  switch (command) {
    case 'compute': {
      const [file] = expect(positional, ['FILE']);
      const result = computeScenario(load(file!));
      if (format === undefined || format === 'json') return JSON.stringify(toResultJson(result), null, 2) + '\n';
      if (format === 'csv') return toResultCsv(result);
      throw new BadInput([`unknown format "${format}" (json or csv)`]);
    }
    case 'validate': {
      const [file] = expect(positional, ['FILE']);
      load(file!);
      return 'valid\n';
    }
    case 'explain': {
      const [file, yearText, field] = expect(positional, ['FILE', 'YEAR', 'FIELD']);
      if (!/^\d{4}$/.test(yearText!)) throw new BadInput([`YEAR: "${yearText}" is not a four-digit year`]);
      const scenario = load(file!);
      const e = explainResult(scenario, computeScenario(scenario), Number(yearText), field!);
      if (!e.ok) throw new BadInput([e.error]);
      if (format === 'json') return JSON.stringify(e, null, 2) + '\n';
      if (format !== undefined && format !== 'text') throw new BadInput([`unknown format "${format}" (text or json)`]);
      return [
        `${e.field} ${e.year} = ${e.value}`,
        `formula:     ${e.formula}`,
        `substituted: ${e.substituted}`,
        'inputs:',
        ...e.inputs.map((i) => `  ${i.name} = ${i.value}`),
        '',
      ].join('\n');
    }
    case 'diff': {
      const [fileA, fileB] = expect(positional, ['FILE_A', 'FILE_B']);
      return JSON.stringify(diffScenarios(load(fileA!), load(fileB!)), null, 2) + '\n';
    }
    case undefined:
    case '--help':
    case 'help':
      throw new BadInput([USAGE]);
    default:
      throw new BadInput([`unknown command "${command}"`, USAGE]);
  }
}

try {
  process.stdout.write(run(process.argv.slice(2)));
} catch (e) {
  if (e instanceof BadInput) {
    process.stderr.write(e.problems.join('\n') + '\n');
    process.exitCode = 2;
  } else {
    process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
