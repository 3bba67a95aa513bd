/**
 * 5. CLI cold start: `nianbao validate <example>` in a fresh process, next to `node -e 0` (Node's own
 * start-up). The CLI is measured as built (apps/cli bundles itself with esbuild; see its README).
 */
import { CLI_BIN, CLI_SHIM, EXAMPLE_FILES, REPO_ROOT } from '../data.js';
import { runProcess } from '../spawn.js';
import { summarize, type Summary } from '../stats.js';
import { table } from '../table.js';
import { fmtMs, fmtRatio, type TargetCheck } from '../targets.js';

const TARGET_MS = 300;

export interface CliResult {
  runs: number;
  commands: Record<string, Summary>;
  targets: TargetCheck[];
}

export async function cliSuite(options: { runs: number }): Promise<{ result: CliResult; text: string }> {
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['nianbao --version', [CLI_BIN, '--version']],
    // What `npx nianbao` / an installed bin runs: the shim that requires the built CLI.
    [`nianbao (bin shim) validate ${EXAMPLE_FILES[0]}`, [CLI_SHIM, 'validate', EXAMPLE_FILES[0]]],
    ...EXAMPLE_FILES.map((file): [string, string[]] => [`nianbao validate ${file}`, [CLI_BIN, 'validate', file]]),
  ];
  const times = new Map(commands.map(([name]) => [name, [] as number[]]));
  const env = { ...process.env, NO_COLOR: '1' };
  // One unmeasured round fills the OS file cache, as for a user who has run node before.
  for (let round = -1; round < options.runs; round++) {
    for (const [name, args] of commands) {
      const run = await runProcess(process.execPath, args, { cwd: REPO_ROOT, env });
      if (run.code !== 0) throw new Error(`${name} exited ${run.code}: ${run.stderr.slice(-1000)}`);
      if (round >= 0) times.get(name)!.push(run.wallMs);
    }
  }
  const summaries = Object.fromEntries([...times].map(([name, values]) => [name, summarize(values)]));
  const baseline = summaries['node -e 0']!;
  const targets: TargetCheck[] = EXAMPLE_FILES.map((file) => {
    const s = summaries[`nianbao validate ${file}`]!;
    return {
      suite: 'cli',
      what: `nianbao validate ${file}, wall (median of ${options.runs})`,
      target: `≤ ${TARGET_MS} ms`,
      measured: `${fmtMs(s.median)} (p95 ${fmtMs(s.p95)}; node -e 0: ${fmtMs(baseline.median)})`,
      pass: s.median <= TARGET_MS,
    };
  });
  const rows = Object.entries(summaries).map(([name, s]) => [
    name,
    fmtMs(s.median),
    fmtMs(s.p95),
    fmtMs(s.min),
    fmtRatio(s.median / baseline.median),
    fmtMs(s.median - baseline.median),
  ]);
  const text = [
    `### 5. CLI cold start (${options.runs} runs each, interleaved, wall time spawn → exit)`,
    table(['command', 'median', 'p95', 'min', 'vs node -e 0', 'above node -e 0'], rows),
  ].join('\n');
  return { result: { runs: options.runs, commands: summaries, targets }, text };
}
