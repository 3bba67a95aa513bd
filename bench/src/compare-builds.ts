/**
 * Validation time of two builds of nianbao, measured back to back (issue 14: the simple engine stays
 * within 2× of the engine it replaced). Each build is a checkout with its packages built (`npm run
 * build`); a fresh `node` process per sample validates that checkout's own 100 generated reports
 * (bench/dist/data.js) with its own `validateReport`, and reports CPU time per report. The builds
 * alternate, so load from outside falls on both alike. With `--rules <checkout>` both builds validate
 * with that checkout's rule files (schemas/rules-<edition>.json) instead of their own: the engines
 * compared on the same rules.
 *
 *   node bench/dist/compare-builds.js <before-checkout> <after-checkout> [--pairs N] [--rounds N] [--rules <checkout>]
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Run in the checkout's bench folder, so `@nianbao/validator` and ./dist are that checkout's. */
const CHILD = `
import { readFileSync } from 'node:fs';
import { generateSet } from './dist/data.js';
import { rulesFor } from '@nianbao/template';
import { validateReport } from '@nianbao/validator';
const [rounds, rulesFrom] = process.argv.slice(1);
// Before the first validation, which compiles what it needs of the rules.
if (rulesFrom)
  for (const edition of ['2019', '2021']) {
    const file = rulesFrom + '/schemas/rules-' + edition + '.json';
    rulesFor(edition).rules.splice(0, Infinity, ...JSON.parse(readFileSync(file, 'utf8')).rules);
  }
const reports = generateSet(100).map((r) => r.report);
const perReport = () => {
  const start = process.cpuUsage();
  for (const report of reports) validateReport(report);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / reports.length;
};
for (let i = 0; i < 3; i++) perReport();
const times = Array.from({ length: Number(rounds) }, perReport).sort((a, b) => a - b);
console.log(JSON.stringify({ median: times[times.length >> 1], min: times[0] }));
`;

interface Sample {
  median: number;
  min: number;
}

function sample(checkout: string, rounds: number, rulesFrom: string | undefined): Sample {
  const args = ['--input-type=module', '-e', CHILD, String(rounds), ...(rulesFrom ? [rulesFrom] : [])];
  const out = execFileSync(process.execPath, args, {
    cwd: join(checkout, 'bench'),
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Sample;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const us = (value: number): string => `${value.toFixed(0)} µs`;

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      pairs: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '15' },
      rules: { type: 'string' },
    },
  });
  if (positionals.length !== 2) throw new Error('usage: compare-builds <before-checkout> <after-checkout>');
  const [before, after] = positionals.map((path) => resolve(path)) as [string, string];
  const pairs = Number(values.pairs);
  const rounds = Number(values.rounds);
  const rulesFrom = values.rules === undefined ? undefined : resolve(values.rules);
  const ratios: number[] = [];
  const minRatios: number[] = [];
  const loads: number[] = [];
  console.log(`CPU time per report, 100 generated reports, median of ${rounds} rounds per process`);
  console.log(`before ${before}\nafter  ${after}`);
  if (rulesFrom) console.log(`both with the rule files of ${rulesFrom}`);
  for (let i = 1; i <= pairs; i++) {
    // The side that goes first alternates too.
    const [first, second] = i % 2 === 1 ? [before, after] : [after, before];
    const a = sample(first, rounds, rulesFrom);
    const b = sample(second, rounds, rulesFrom);
    const [old, now] = first === before ? [a, b] : [b, a];
    const load = loadavg()[0]!;
    ratios.push(now.median / old.median);
    minRatios.push(now.min / old.min);
    loads.push(load);
    console.log(
      `pair ${i}: before ${us(old.median)} (min ${us(old.min)}), after ${us(now.median)} (min ${us(now.min)}),` +
        ` ratio ${(now.median / old.median).toFixed(2)}×, load ${load.toFixed(2)}`,
    );
  }
  console.log(
    `median ratio ${median(ratios).toFixed(2)}× (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}),` +
      ` ratio of the fastest rounds ${median(minRatios).toFixed(2)}× (least touched by other processes),` +
      ` 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  );
}

main();
