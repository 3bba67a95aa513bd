/** Warm, side-by-side timing of synchronous contenders over a set of reports. */
import type { BenchReport } from './data.js';
import { summarize, type Summary } from './stats.js';

export interface Contender {
  name: string;
  /** Must return something derived from the work, so the call cannot be optimised away. */
  run: (report: BenchReport) => unknown;
}

export interface WarmResult {
  /** Per contender, per report index: call durations in ms. */
  samples: Map<string, number[][]>;
}

/**
 * Runs every contender on every report, `rounds` times after `warmup` rounds. Within a round the
 * contenders take turns on each report (rotating who goes first), so machine noise falls on all of
 * them alike; each call is timed on its own.
 */
export function measureWarm(
  contenders: readonly Contender[],
  reports: readonly BenchReport[],
  options: { rounds: number; warmup: number },
): WarmResult {
  const samples = new Map(contenders.map((contender) => [contender.name, reports.map(() => [] as number[])]));
  let sink = 0;
  const consume = (value: unknown) => {
    sink += typeof value === 'string' ? value.length : value === true ? 1 : value ? 2 : 0;
  };
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    const measured = round >= options.warmup;
    for (let r = 0; r < reports.length; r++) {
      const report = reports[r]!;
      for (let k = 0; k < contenders.length; k++) {
        const contender = contenders[(k + r + round) % contenders.length]!;
        const start = process.hrtime.bigint();
        const value = contender.run(report);
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        consume(value);
        if (measured) samples.get(contender.name)![r]!.push(elapsed);
      }
    }
  }
  if (sink === -1) console.log(sink); // keeps `sink` alive
  return { samples };
}

export interface GroupFigures extends Summary {
  /** Calls per second on one core: calls / total time of the calls. */
  opsPerSec: number;
}

export function figures(values: readonly number[]): GroupFigures {
  const summary = summarize(values);
  const total = values.reduce((sum, value) => sum + value, 0);
  return { ...summary, opsPerSec: total > 0 ? (values.length / total) * 1000 : Number.NaN };
}

/** Reports grouped the way the tables show them: each example alone, the generated set per edition and in all. */
export function groupsOf(reports: readonly BenchReport[]): { name: string; indexes: number[] }[] {
  const groups: { name: string; indexes: number[] }[] = [];
  reports.forEach((report, index) => {
    if (report.group === 'example') groups.push({ name: `example ${report.name}`, indexes: [index] });
  });
  for (const edition of ['2019', '2021'] as const) {
    const indexes = reports.flatMap((report, index) =>
      report.group === 'generated' && report.edition === edition ? [index] : [],
    );
    if (indexes.length) groups.push({ name: `generated ${edition} (${indexes.length})`, indexes });
  }
  const all = reports.flatMap((report, index) => (report.group === 'generated' ? [index] : []));
  if (all.length) groups.push({ name: `generated all (${all.length})`, indexes: all });
  return groups;
}

export function groupFigures(
  result: WarmResult,
  reports: readonly BenchReport[],
): Record<string, Record<string, GroupFigures>> {
  const out: Record<string, Record<string, GroupFigures>> = {};
  for (const group of groupsOf(reports)) {
    out[group.name] = {};
    for (const [name, perReport] of result.samples)
      out[group.name]![name] = figures(group.indexes.flatMap((index) => perReport[index]!));
  }
  return out;
}
