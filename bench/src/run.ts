/**
 * nianbao benchmarks. `npm run bench -- [options]` at the repository root (builds this package first;
 * the packages it measures must be built: `npm run build`).
 *
 *   --only validate,html,cli,pdf,import,batch   suites to run (default: all, in this order)
 *   --reports N       generated reports for validation and HTML (default 100, half of each edition)
 *   --rounds N        measured rounds over those reports (default 10)
 *   --cold N          cold samples (fresh processes) per method for validation (default 10)
 *   --pdf-reports N   generated reports for the warm PDF comparison (default 10)
 *   --pdf-rounds N    measured rounds for the warm PDF comparison (default 3)
 *   --pdf-cold N      cold PDF samples per renderer (default 3)
 *   --pdf-docs N      consecutive documents for the PDF memory trend (default 1000; 0 = skip)
 *   --batch N         reports in the batch build (default 200; the targets are for 10000)
 *   --cli-runs N      runs per command for the CLI start (default 20)
 *   --wait-quiet S    wait up to S seconds for the 1-minute load average to fall below 1.0
 *   --results DIR     where to write the JSON results (default bench/results)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSet, loadExamples, type BenchReport } from './data.js';
import { currentLoad, machineInfo } from './machine.js';
import { table } from './table.js';

const mean = (values: readonly number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
import type { TargetCheck } from './targets.js';

// Short, noise-sensitive suites first (while the machine is quiet), the long batch build last.
const SUITES = ['validate', 'html', 'cli', 'pdf', 'import', 'batch'] as const;
type Suite = (typeof SUITES)[number];

export interface BenchOptions {
  only: Suite[];
  reports: number;
  rounds: number;
  cold: number;
  pdfReports: number;
  pdfRounds: number;
  pdfCold: number;
  pdfDocs: number;
  batch: number;
  cliRuns: number;
  waitQuiet: number;
  results: string;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string' },
      reports: { type: 'string' },
      rounds: { type: 'string' },
      cold: { type: 'string' },
      'pdf-reports': { type: 'string' },
      'pdf-rounds': { type: 'string' },
      'pdf-cold': { type: 'string' },
      'pdf-docs': { type: 'string' },
      batch: { type: 'string' },
      'cli-runs': { type: 'string' },
      'wait-quiet': { type: 'string' },
      results: { type: 'string' },
    },
    strict: true,
  });
  const count = (name: keyof typeof values, fallback: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not ${JSON.stringify(raw)}`);
    return n;
  };
  const only = values.only === undefined ? [...SUITES] : values.only.split(',').map((s) => s.trim());
  for (const suite of only)
    if (!(SUITES as readonly string[]).includes(suite))
      throw new Error(`--only: unknown suite ${JSON.stringify(suite)} (${SUITES.join(', ')})`);
  return {
    only: only as Suite[],
    reports: count('reports', 100),
    rounds: Math.max(1, count('rounds', 10)),
    cold: Math.max(1, count('cold', 10)),
    pdfReports: count('pdf-reports', 10),
    pdfRounds: Math.max(1, count('pdf-rounds', 3)),
    pdfCold: Math.max(1, count('pdf-cold', 3)),
    pdfDocs: count('pdf-docs', 1000),
    batch: Math.max(1, count('batch', 200)),
    cliRuns: Math.max(1, count('cli-runs', 20)),
    waitQuiet: count('wait-quiet', 0),
    results: values.results ?? fileURLToPath(new URL('../results/', import.meta.url)),
  };
}

export interface BenchSummary {
  machine: ReturnType<typeof machineInfo>;
  options: BenchOptions;
  loadDuring: Record<string, { before: number; after: number; max: number; mean: number }>;
  targets: TargetCheck[];
  /** Suites that did not complete, with the reason. */
  failures: Record<string, string>;
  durationMs: number;
}

type SuiteOutcome = { result: { targets: TargetCheck[] }; text: string };

async function runSuite(
  suite: Suite,
  options: BenchOptions,
  examples: BenchReport[],
  generated: BenchReport[],
): Promise<SuiteOutcome> {
  const reports = [...examples, ...generated];
  if (suite === 'validate') {
    const { validateSuite } = await import('./suites/validate.js');
    return validateSuite(reports, { rounds: options.rounds, warmup: 2, coldSamples: options.cold });
  }
  if (suite === 'html') {
    const { htmlSuite } = await import('./suites/html.js');
    return htmlSuite(reports, { rounds: options.rounds * 5, warmup: 5 });
  }
  if (suite === 'pdf') {
    const { pdfSuite } = await import('./suites/pdf.js');
    return pdfSuite([...examples, ...generated.slice(0, options.pdfReports)], {
      rounds: options.pdfRounds,
      warmup: 1,
      coldSamples: options.pdfCold,
      memoryDocs: options.pdfDocs,
    });
  }
  if (suite === 'import') {
    const { importSuite } = await import('./suites/import.js');
    return importSuite({ rounds: Math.max(3, options.pdfRounds) });
  }
  if (suite === 'batch') {
    const { batchSuite } = await import('./suites/batch.js');
    return batchSuite(options.batch);
  }
  const { cliSuite } = await import('./suites/cli.js');
  return cliSuite({ runs: options.cliRuns });
}

export async function runBench(
  options: BenchOptions,
  log: (text: string) => void = (text) => process.stdout.write(`${text}\n`),
): Promise<BenchSummary> {
  const started = Date.now();
  if (options.waitQuiet > 0) {
    const deadline = Date.now() + options.waitQuiet * 1000;
    while (currentLoad() >= 1 && Date.now() < deadline) {
      log(`waiting for a quiet machine: load ${currentLoad()}`);
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
  }
  mkdirSync(options.results, { recursive: true });
  const machine = machineInfo();
  log(
    `## nianbao benchmarks — ${machine.date}\n\n${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage.join(' / ')}\n`,
  );

  const examples = await loadExamples();
  const generated = generateSet(options.reports);
  const targets: TargetCheck[] = [];
  const loadDuring: BenchSummary['loadDuring'] = {};
  const save = (name: string, result: unknown) =>
    writeFileSync(join(options.results, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  // A run of some suites only does not overwrite the summary of a full run.
  const summaryName = options.only.length === SUITES.length ? 'summary' : `summary-${options.only.join('-')}`;
  const failures: Record<string, string> = {};

  // The 1-minute load average every 10 s while a suite runs: how much else the machine was doing.
  let loadSamples: number[] = [];
  const loadTimer = setInterval(() => loadSamples.push(currentLoad()), 10_000);
  loadTimer.unref();
  for (const suite of SUITES.filter((name) => options.only.includes(name))) {
    loadSamples = [];
    const before = currentLoad();
    let outcome: SuiteOutcome;
    try {
      outcome = await runSuite(suite, options, examples, generated);
    } catch (error) {
      // One failed suite (e.g. a build killed from outside) does not lose the others' results.
      failures[suite] = error instanceof Error ? error.message : String(error);
      log(`### ${suite}: FAILED\n${failures[suite]}\n`);
      continue;
    }
    const after = currentLoad();
    loadDuring[suite] = {
      before,
      after,
      max: Math.max(before, after, ...loadSamples),
      mean: mean([before, ...loadSamples, after]),
    };
    save(suite, { machine, load: loadDuring[suite], ...outcome.result });
    targets.push(...outcome.result.targets);
    log(`${outcome.text}\n`);
  }

  clearInterval(loadTimer);
  const summary: BenchSummary = { machine, options, loadDuring, targets, failures, durationMs: Date.now() - started };
  save(summaryName, summary);
  log('### Targets');
  log(
    table(
      ['suite', 'what', 'target', 'measured', ''],
      targets.map((t) => [t.suite, t.what, t.target, t.measured, t.pass ? 'pass' : 'MISS']),
    ),
  );
  log(
    `\nLoad average (1 min) per suite, before → after (mean, max of samples every 10 s): ${Object.entries(loadDuring)
      .map(([suite, l]) => `${suite} ${l.before} → ${l.after} (${l.mean}, ${l.max})`)
      .join('; ')}. Took ${((Date.now() - started) / 1000).toFixed(0)} s. Results: ${options.results}`,
  );
  return summary;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const summary = await runBench(parseOptions(process.argv.slice(2)));
    if (Object.keys(summary.failures).length > 0) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
