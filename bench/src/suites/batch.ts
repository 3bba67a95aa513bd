/**
 * 4. Batch build with the real CLI: N generated reports (YAML source files, both editions) →
 * `nianbao build <dir> --out <dir>` (all outputs: HTML page and fragment, PDF, JSON/CSV/datapackage).
 * Wall time, reports/s, and the peak RSS of the process, which covers its worker threads.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { CLI_BIN, generatedReport } from '../data.js';
import { currentLoad } from '../machine.js';
import { procMemory, processTree } from '../proc.js';
import { runProcess } from '../spawn.js';
import { table } from '../table.js';
import { fmtRate, type TargetCheck } from '../targets.js';

const TIME = '/usr/bin/time';
const TARGET_WALL_MS = 10 * 60 * 1000;
const TARGET_RSS_KIB = 1.5 * 1024 * 1024;
/** Targets are stated for 10,000 reports; a smaller run is extrapolated linearly for the wall time. */
export const TARGET_COUNT = 10_000;

export interface BatchResult {
  reports: number;
  jobs: string;
  exitCode: number | null;
  built: number;
  outputFiles: number;
  generateMs: number;
  wallMs: number;
  reportsPerSec: number;
  /** Peak RSS of the build process (main thread + workers): /usr/bin/time's maximum resident set size when available, else the last VmHWM polled. */
  peakRssKiB: number;
  peakRssSource: string;
  polledMaxRssKiB: number;
  polledHwmKiB: number;
  maxThreads: number;
  loadBefore: number;
  loadAfter: number;
  targets: TargetCheck[];
}

interface BuildRun {
  code: number | null;
  stderr: string;
  wallMs: number;
  polledMaxRss: number;
  polledHwm: number;
  maxThreads: number;
  loadBefore: number;
  loadAfter: number;
}

export async function batchSuite(
  count: number,
  options: { keep?: boolean } = {},
): Promise<{ result: BatchResult; text: string }> {
  // Neutral names: on a shared machine another session cleaning up its own `…/bin.js build` runs by
  // name must not hit this one. The CLI is the same file, reached through a symlink (Node runs its real path).
  const dir = mkdtempSync(join(tmpdir(), 'nb-bench-'));
  const cli = join(dir, 'cli.js');
  symlinkSync(CLI_BIN, cli);
  const input = join(dir, 'reports');
  const out = join(dir, 'out');
  mkdirSync(input);
  try {
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++)
      writeFileSync(join(input, `report-${String(i).padStart(5, '0')}.yaml`), stringify(generatedReport(i)));
    const generateMs = Number(process.hrtime.bigint() - start) / 1e6;

    const build = await runBuild(cli, input, out);
    const { wallMs, polledMaxRss, polledHwm, maxThreads, loadBefore, loadAfter } = build;
    const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(build.stderr)?.[1];
    const peakRssKiB = timeRss ? Number(timeRss) : polledHwm;
    const built = build.stderr.split('\n').filter((line) => line.startsWith('ok ')).length;
    let outputFiles = 0;
    // One folder per report; the build's .nianbao-output marker beside them is not an output.
    if (existsSync(out))
      for (const entry of readdirSync(out, { withFileTypes: true }))
        if (entry.isDirectory()) outputFiles += readdirSync(join(out, entry.name)).length;
    if (build.code !== 0) throw buildFailure(build, built);

    const result: BatchResult = {
      reports: count,
      jobs: 'default (one worker per core)',
      exitCode: build.code,
      built,
      outputFiles,
      generateMs,
      wallMs,
      reportsPerSec: (count / wallMs) * 1000,
      peakRssKiB,
      peakRssSource: timeRss ? '/usr/bin/time -v' : '/proc VmHWM (polled every 100 ms)',
      polledMaxRssKiB: polledMaxRss,
      polledHwmKiB: polledHwm,
      maxThreads,
      loadBefore,
      loadAfter,
      targets: batchTargets(count, wallMs, peakRssKiB),
    };
    return { result, text: batchText(result) };
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `nianbao build` (under /usr/bin/time -v when there is one), polling its memory and threads. */
async function runBuild(cli: string, input: string, out: string): Promise<BuildRun> {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const args = [...(useTime ? ['-v', process.execPath] : []), cli, 'build', input, '--out', out];
  let buildPid: number | undefined;
  let polledMaxRss = 0;
  let polledHwm = 0;
  let maxThreads = 0;
  const poll = () => {
    if (buildPid === undefined) return;
    const memory = procMemory(buildPid);
    if (!memory) return;
    polledMaxRss = Math.max(polledMaxRss, memory.rssKiB);
    polledHwm = Math.max(polledHwm, memory.hwmKiB);
    maxThreads = Math.max(maxThreads, memory.threads);
  };
  const timer = setInterval(poll, 100);
  const loadBefore = currentLoad();
  const start = process.hrtime.bigint();
  const run = await runProcess(command, args, {
    env: { ...process.env, NO_COLOR: '1' },
    onSpawn: (pid) => {
      if (!useTime) {
        buildPid = pid;
        return;
      }
      // /usr/bin/time forks node: find it once it exists.
      const find = setInterval(() => {
        buildPid = processTree(pid).find((p) => p !== pid);
        if (buildPid !== undefined) clearInterval(find);
      }, 5);
      setTimeout(() => clearInterval(find), 5000).unref();
    },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(timer);
  const loadAfter = currentLoad();
  return { code: run.code, stderr: run.stderr, wallMs, polledMaxRss, polledHwm, maxThreads, loadBefore, loadAfter };
}

function buildFailure(run: BuildRun, built: number): Error {
  const why = run.code === 143 || run.code === 130 ? ' (terminated by a signal from outside the benchmark)' : '';
  return new Error(
    `nianbao build exited ${run.code}${why} after ${built} reports: ${run.stderr
      .split('\n')
      .filter((l) => !l.startsWith('ok ') && !l.startsWith('\t'))
      .slice(-10)
      .join('\n')}`,
  );
}

function batchTargets(count: number, wallMs: number, peakRssKiB: number): TargetCheck[] {
  const perReportMs = wallMs / count;
  const projected = perReportMs * TARGET_COUNT;
  return [
    {
      suite: 'batch',
      what: `wall time of ${TARGET_COUNT.toLocaleString('en-US')} reports${count === TARGET_COUNT ? '' : ` (projected from ${count.toLocaleString('en-US')})`}`,
      target: '≤ 10 min',
      measured: `${(projected / 60000).toFixed(1)} min (${fmtRate((count / wallMs) * 1000)})`,
      pass: projected <= TARGET_WALL_MS,
    },
    {
      suite: 'batch',
      what: `peak RSS of the build process (${count.toLocaleString('en-US')} reports)`,
      target: '≤ 1.5 GB',
      measured: `${(peakRssKiB / 1024).toFixed(0)} MiB`,
      pass: peakRssKiB <= TARGET_RSS_KIB,
    },
  ];
}

function batchText(result: BatchResult): string {
  const { reports: count, built, outputFiles, wallMs, peakRssKiB, maxThreads, loadBefore, loadAfter } = result;
  return [
    `### 4. Batch build: ${count.toLocaleString('en-US')} generated reports → HTML + PDF + open data (\`nianbao build\`, one worker per core)`,
    table(
      [
        'reports',
        'built',
        'output files',
        'wall',
        'reports/s',
        'peak RSS',
        'threads (max)',
        'load 1 min before → after',
      ],
      [
        [
          String(count),
          String(built),
          String(outputFiles),
          `${(wallMs / 1000).toFixed(1)} s`,
          fmtRate(result.reportsPerSec),
          `${(peakRssKiB / 1024).toFixed(0)} MiB`,
          String(maxThreads),
          `${loadBefore} → ${loadAfter}`,
        ],
      ],
    ),
  ].join('\n');
}
