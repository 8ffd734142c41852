/**
 * Command-line PES calculator. Thin on purpose: argument handling and file I/O
 * here, every rule and number in lib/engine and lib/terms.
 *
 *   npm run pes -- compute FILE [--format json|csv]
 *   npm run pes -- validate FILE
 *   npm run pes -- explain FILE YEAR FIELD [--format text|json]
 *   npm run pes -- diff FILE_A FILE_B
 *   npm run pes -- settle TERMS.json MONITORING.json [--scheduled SCENARIO.json] [--format json|text]
 *
 * Exit codes: 0 done, 2 bad input (arguments, unreadable file, invalid
 * document), 1 an internal error. Never prints a stack trace.
 */
import { readFileSync } from 'node:fs';
import '../lib/domain/catalogue';
import { computeScenario, diffScenarios, explainResult, parseScenarioText, toResultCsv, toResultJson, type CodedProblem, type Message, type Scenario } from '../lib/engine/index';
import { fromMessage, inEnglish } from '../lib/domain/local-text';
import type { PaymentTerms, Settlement, TraceSamples, YearTrace } from '../lib/terms/index';

const USAGE = `usage:
  pes compute FILE [--format json|csv]
  pes validate FILE
  pes explain FILE YEAR FIELD [--format text|json]
  pes diff FILE_A FILE_B
  pes settle TERMS.json MONITORING.json [--scheduled SCENARIO.json] [--format json|text]
      MONITORING.json: year → indicator → one value ("2.31") or the year's
      samples ([{ "on": "2019-01-15", "value": "2.1" }, …], "<0.01" below the
      detection limit)
      SCENARIO.json: a pes-scenario/1 document (its computed payment per year)
      or a map of year to amount in the unit of the terms
      --format text: each formula of each year with its values, and the
      samples behind each aggregate`;

class BadInput extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput([`${file}: cannot read (${code ?? (e instanceof Error ? e.message : String(e))})`]);
  }
}

/** The engines' problems are codes; the CLI says them in English. */
function english(problem: Message): string {
  return inEnglish(fromMessage(problem));
}

function refuse(file: string, problems: readonly CodedProblem[]): never {
  throw new BadInput(problems.map((p) => `${file}: ${p.path}: ${english(p)}`));
}

function load(file: string): Scenario {
  const parsed = parseScenarioText(read(file));
  if (!parsed.ok) refuse(file, parsed.problems);
  return parsed.scenario;
}

/** `mean(codmn)`, `share(codmn <= 6)`: an aggregate of a trace as a formula writes it. */
function aggregateText(s: TraceSamples): string {
  return s.condition ? `share(${s.indicator} ${s.condition.op} ${s.condition.bound})` : `${s.aggregate}(${s.indicator})`;
}

function sampleText(s: TraceSamples['values'][number]): string {
  const counts = s.counted === s.value ? '' : ` (counts as ${s.counted})`;
  const meets = s.meets === undefined ? '' : s.meets ? ' met' : ' not met';
  return `${s.on} ${s.value}${counts}${meets}`;
}

/** The settlement for a reader: per year each formula with its values, the samples behind each aggregate, then the total. */
function settlementText(settlement: Settlement, traces: YearTrace[]): string {
  const out: string[] = [];
  for (const trace of traces) {
    const year = settlement.years.find((y) => y.year === trace.year);
    if (trace.missing) {
      out.push(`${trace.year}: missing ${trace.missing.join(', ')}`);
      continue;
    }
    out.push(`${trace.year}: payment = ${year && 'payment' in year ? year.payment : '?'}`);
    for (const step of trace.steps) {
      out.push(`  ${step.text}`);
      for (const s of step.samples ?? []) out.push(`    ${aggregateText(s)} = ${s.value} over ${s.values.length} sample(s): ${s.values.map(sampleText).join(', ')}`);
    }
  }
  out.push(`total = ${settlement.total} (${settlement.currency}, unit ${settlement.unit})`, '');
  return out.join('\n');
}

// Loaded only for settle, which alone needs the terms' parser and schemas.
const termsModule = () => import('../lib/terms/index');

async function loadTerms(file: string): Promise<PaymentTerms> {
  const { parseTermsText } = await termsModule();
  const parsed = parseTermsText(read(file));
  if (!parsed.ok) refuse(file, parsed.problems);
  return parsed.terms;
}

const OPTIONS = ['format', 'scheduled'] as const;
type Options = { positional: string[] } & Partial<Record<(typeof OPTIONS)[number], string>>;

/** Splits `--NAME X` (or `--NAME=X`) for the known options from the positional arguments. */
function options(args: string[]): Options {
  const out: Options = { positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const name = OPTIONS.find((o) => a === `--${o}` || a.startsWith(`--${o}=`));
    if (name !== undefined) {
      const value = a === `--${name}` ? args[++i] : a.slice(`--${name}=`.length);
      if (value === undefined) throw new BadInput([`--${name} needs a value`]);
      out[name] = value;
    } else if (a.startsWith('--')) throw new BadInput([`unknown option ${a}`]);
    else out.positional.push(a);
  }
  return out;
}

function expect(positional: string[], names: string[]): string[] {
  if (positional.length !== names.length) throw new BadInput([`expected ${names.join(' ')}, got ${positional.length} argument(s)`]);
  return positional;
}

async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  const { positional, format, scheduled } = options(rest);
  if (scheduled !== undefined && command !== 'settle') throw new BadInput(['--scheduled applies to settle only']);
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
      if (!e.ok) throw new BadInput([english(e.error)]);
      // The trace's codes in English; each input by its notation and its label.
      const inputs = e.inputs.map((i) => ({ name: i.notation ? `${i.notation} (${english(i.label)})` : english(i.label), value: i.value }));
      const told = { ...e, formula: english(e.formula), substituted: english(e.substituted), inputs };
      if (format === 'json') return JSON.stringify(told, null, 2) + '\n';
      if (format !== undefined && format !== 'text') throw new BadInput([`unknown format "${format}" (text or json)`]);
      return [
        `${told.field} ${told.year} = ${told.value}`,
        `formula:     ${told.formula}`,
        `substituted: ${told.substituted}`,
        'inputs:',
        ...told.inputs.map((i) => `  ${i.name} = ${i.value}`),
        '',
      ].join('\n');
    }
    case 'diff': {
      const [fileA, fileB] = expect(positional, ['FILE_A', 'FILE_B']);
      return JSON.stringify(diffScenarios(load(fileA!), load(fileB!)), null, 2) + '\n';
    }
    case 'settle': {
      const [termsFile, monitoringFile] = expect(positional, ['TERMS.json', 'MONITORING.json']);
      if (format !== undefined && format !== 'json' && format !== 'text') throw new BadInput([`unknown format "${format}" (json or text)`]);
      const { parseMonitoringText, parseScheduledText, settle, traceSettlement } = await termsModule();
      const terms = await loadTerms(termsFile!);
      const monitoring = parseMonitoringText(read(monitoringFile!), terms);
      if (!monitoring.ok) refuse(monitoringFile!, monitoring.problems);
      let schedule: Record<string, string> | undefined;
      if (scheduled !== undefined) {
        const parsed = parseScheduledText(read(scheduled), terms);
        if (!parsed.ok) refuse(scheduled, parsed.problems);
        schedule = parsed.scheduled;
      }
      const options = schedule === undefined ? {} : { scheduled: schedule };
      const settlement = settle(terms, monitoring.monitoring, options);
      // A year the formulas cannot evaluate (a division by zero on its data) makes the whole run bad input.
      const failed = settlement.years.flatMap((y) => ('error' in y ? [`${monitoringFile}: ${y.year}: ${english(y.error)}`] : []));
      if (failed.length) throw new BadInput(failed);
      if (format === 'text') return settlementText(settlement, traceSettlement(terms, monitoring.monitoring, options));
      return JSON.stringify(settlement, null, 2) + '\n';
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
  process.stdout.write(await run(process.argv.slice(2)));
} catch (e) {
  if (e instanceof BadInput) {
    process.stderr.write(e.problems.join('\n') + '\n');
    process.exitCode = 2;
  } else {
    process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
