/**
 * Validation time of two builds of nianbao, measured back to back (issue 14: the simple engine stays
 * within 2× of the engine it replaced). Each build is a checkout with its packages built (`npm run
 * build`); a fresh `node` process per sample validates that checkout's own 100 generated reports
 * (bench/dist/data.js) with its own `validateReport`, and reports CPU time per report. The builds
 * alternate, so load from outside falls on both alike.
 *
 *   node bench/dist/compare-builds.js <before-checkout> <after-checkout> [--pairs N] [--rounds N]
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Run in the checkout's bench folder, so `@nianbao/validator` and ./dist are that checkout's. */
const CHILD = `
import { generateSet } from './dist/data.js';
import { validateReport } from '@nianbao/validator';
const reports = generateSet(100).map((r) => r.report);
const perReport = () => {
  const start = process.cpuUsage();
  for (const report of reports) validateReport(report);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / reports.length;
};
for (let i = 0; i < 3; i++) perReport();
const rounds = Array.from({ length: Number(process.argv[1]) }, perReport).sort((a, b) => a - b);
console.log(JSON.stringify({ median: rounds[rounds.length >> 1], min: rounds[0] }));
`;

interface Sample {
  median: number;
  min: number;
}

function sample(checkout: string, rounds: number): Sample {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, String(rounds)], {
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
    options: { pairs: { type: 'string', default: '5' }, rounds: { type: 'string', default: '15' } },
  });
  if (positionals.length !== 2) throw new Error('usage: compare-builds <before-checkout> <after-checkout>');
  const [before, after] = positionals.map((path) => resolve(path)) as [string, string];
  const pairs = Number(values.pairs);
  const rounds = Number(values.rounds);
  const ratios: number[] = [];
  const loads: number[] = [];
  console.log(`CPU time per report, 100 generated reports, median of ${rounds} rounds per process`);
  console.log(`before ${before}\nafter  ${after}`);
  for (let i = 1; i <= pairs; i++) {
    // The side that goes first alternates too.
    const [first, second] = i % 2 === 1 ? [before, after] : [after, before];
    const a = sample(first, rounds);
    const b = sample(second, rounds);
    const [old, now] = first === before ? [a, b] : [b, a];
    const load = loadavg()[0]!;
    ratios.push(now.median / old.median);
    loads.push(load);
    console.log(
      `pair ${i}: before ${us(old.median)} (min ${us(old.min)}), after ${us(now.median)} (min ${us(now.min)}),` +
        ` ratio ${(now.median / old.median).toFixed(2)}×, load ${load.toFixed(2)}`,
    );
  }
  console.log(
    `median ratio ${median(ratios).toFixed(2)}× (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}),` +
      ` 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  );
}

main();
