/**
 * 1. Validation per report: nianbao's full validation (schema + every rule) vs Ajv 2020 with the same
 * JSON Schema (schema only, compiled once) vs JSON.parse of the same document text. Warm (in this
 * process) and cold (a fresh process per sample).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structuralValidator, validateReport } from '@nianbao/validator';
import type { Edition } from '@nianbao/template';
import { ajvValidators } from '../ajv.js';
import type { BenchReport } from '../data.js';
import { groupFigures, measureWarm, type Contender, type GroupFigures } from '../measure.js';
import { runChildOk } from '../spawn.js';
import { summarize, type Summary } from '../stats.js';
import { table } from '../table.js';
import { fmtRate, fmtRatio, fmtTime, type TargetCheck } from '../targets.js';

export const NIANBAO = 'nianbao validateReport';
export const STRUCTURE = 'nianbao structure only';
export const AJV = 'Ajv 2020 (allErrors)';
export const AJV_FIRST = 'Ajv 2020 (first error)';
export const PARSE = 'JSON.parse';

interface ColdSample {
  method: string;
  ok: boolean;
  bootMs: number;
  importMs: number;
  setupMs: number;
  firstCallMs: number;
  totalMs: number;
}
const COLD_METHODS = ['nianbao', 'ajv', 'json-parse'] as const;

export interface ValidateResult {
  warm: Record<string, Record<string, GroupFigures>>;
  cold: Record<
    string,
    {
      document: string;
      wallMs: Summary;
      importMs: Summary;
      setupMs: Summary;
      firstCallMs: Summary;
      firstCallWithSetupMs: Summary;
    }
  >;
  targets: TargetCheck[];
}

export async function validateSuite(
  reports: readonly BenchReport[],
  options: { rounds: number; warmup: number; coldSamples: number },
): Promise<{ result: ValidateResult; text: string }> {
  const ajvAll = ajvValidators({ allErrors: true });
  const ajvFirst = ajvValidators({ allErrors: false });
  // Sanity: every contender agrees that the documents are valid, so all do the same work.
  for (const report of reports) {
    if (!validateReport(report.report).valid || !ajvAll[report.edition](report.report))
      throw new Error(`${report.name} is not valid`);
  }
  const contenders: Contender[] = [
    { name: NIANBAO, run: (r) => validateReport(r.report).valid },
    { name: STRUCTURE, run: (r) => structuralValidator(r.edition as Edition)(r.report).length },
    { name: AJV, run: (r) => ajvAll[r.edition](r.report) },
    { name: AJV_FIRST, run: (r) => ajvFirst[r.edition](r.report) },
    { name: PARSE, run: (r) => JSON.parse(r.json) },
  ];
  const warm = groupFigures(measureWarm(contenders, reports, options), reports);

  const cold = await measureCold(reports, options.coldSamples);
  const targets = validateTargets(warm);
  const text = validateText(
    warm,
    cold,
    contenders.map((c) => c.name),
    options.coldSamples,
  );
  return { result: { warm, cold, targets }, text };
}

/** Cold: the first example and the first generated 2021 report, written as JSON files, each validated in fresh processes. */
async function measureCold(reports: readonly BenchReport[], coldSamples: number): Promise<ValidateResult['cold']> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const cold: ValidateResult['cold'] = {};
  try {
    const documents = [
      reports.find((r) => r.group === 'example'),
      reports.find((r) => r.group === 'generated' && r.edition === '2021'),
    ].filter((r): r is BenchReport => r !== undefined);
    for (const document of documents) {
      const file = join(dir, `${document.name}.json`);
      writeFileSync(file, document.json);
      const samples = new Map<string, { wall: number; child: ColdSample }[]>(COLD_METHODS.map((m) => [m, []]));
      for (let i = 0; i < coldSamples; i++) {
        for (const method of COLD_METHODS) {
          const run = await runChildOk<ColdSample>('validate-cold', [method, file]);
          if (!run.result.ok) throw new Error(`cold ${method} says ${document.name} is invalid`);
          samples.get(method)!.push({ wall: run.wallMs, child: run.result });
        }
      }
      for (const [method, list] of samples) {
        cold[`${method} · ${document.name}`] = {
          document: document.name,
          wallMs: summarize(list.map((s) => s.wall)),
          importMs: summarize(list.map((s) => s.child.importMs)),
          setupMs: summarize(list.map((s) => s.child.setupMs)),
          firstCallMs: summarize(list.map((s) => s.child.firstCallMs)),
          firstCallWithSetupMs: summarize(list.map((s) => s.child.setupMs + s.child.firstCallMs)),
        };
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  return cold;
}

/** The speed targets: full validation at least as fast as Ajv's schema-only check and as JSON.parse. */
function validateTargets(warm: ValidateResult['warm']): TargetCheck[] {
  const targets: TargetCheck[] = [];
  for (const [group, byContender] of Object.entries(warm)) {
    if (group.startsWith('generated 20')) continue; // per-edition rows are in the table; targets on examples and the whole set
    const n = byContender[NIANBAO]!;
    const a = byContender[AJV]!;
    const p = byContender[PARSE]!;
    targets.push({
      suite: 'validate',
      what: `warm, ${group}: full validation vs Ajv schema-only`,
      target: '≥ 1× Ajv speed',
      measured: `${fmtRatio(n.opsPerSec / a.opsPerSec)} (${fmtRate(n.opsPerSec)} vs ${fmtRate(a.opsPerSec)})`,
      pass: n.opsPerSec >= a.opsPerSec,
    });
    targets.push({
      suite: 'validate',
      what: `warm, ${group}: full validation vs JSON.parse`,
      target: '≥ 1× JSON.parse speed',
      measured: `${fmtRatio(n.opsPerSec / p.opsPerSec)} (${fmtRate(n.opsPerSec)} vs ${fmtRate(p.opsPerSec)})`,
      pass: n.opsPerSec >= p.opsPerSec,
    });
  }

  return targets;
}

function validateText(
  warm: ValidateResult['warm'],
  cold: ValidateResult['cold'],
  names: string[],
  coldSamples: number,
): string {
  const warmRows = Object.entries(warm).flatMap(([group, byContender]) =>
    names.map((name) => {
      const f = byContender[name]!;
      return [
        group,
        name,
        fmtRate(f.opsPerSec),
        fmtTime(f.median),
        fmtTime(f.p95),
        fmtRatio(byContender[name]!.median / byContender[AJV]!.median),
        fmtRatio(f.median / byContender[PARSE]!.median),
      ];
    }),
  );
  const coldRows = Object.entries(cold).map(([key, c]) => [
    key,
    fmtTime(c.wallMs.median),
    fmtTime(c.importMs.median),
    fmtTime(c.setupMs.median),
    fmtTime(c.firstCallMs.median),
    fmtTime(c.firstCallMs.p95),
    fmtTime(c.firstCallWithSetupMs.median),
  ]);
  return [
    "### 1. Validation, warm (per report; ratio = median time ÷ the other's median time)",
    table(['reports', 'method', 'ops/s', 'median', 'p95', 'time vs Ajv', 'time vs JSON.parse'], warmRows),
    '',
    `### 1. Validation, cold (fresh process per sample, ${coldSamples} samples; medians unless p95)`,
    table(
      [
        'method · document',
        'process wall',
        'import',
        'setup (Ajv compile)',
        'first call',
        'first call p95',
        'setup + first call',
      ],
      coldRows,
    ),
  ].join('\n');
}
