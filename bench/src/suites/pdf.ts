/**
 * 3. PDF render per report: nianbao's renderPdf vs headless Chromium printing nianbao's HTML page,
 * side by side in this process (warm); first document in a fresh process (cold); bytes; heap and RSS
 * over many consecutive documents in a child process run with --expose-gc.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtmlPage } from '@nianbao/render-html';
import { renderPdf } from '@nianbao/render-pdf';
import { embedsNotoSerifSC, launchPrinter } from '../chromium.js';
import type { BenchReport } from '../data.js';
import { figures, groupsOf, type GroupFigures } from '../measure.js';
import { treeMemoryKiB } from '../proc.js';
import { runChildOk } from '../spawn.js';
import { linearRegression, summarize, type Summary } from '../stats.js';
import { table } from '../table.js';
import { fmtBytes, fmtMs, fmtRatio, type TargetCheck } from '../targets.js';

export const NIANBAO = 'nianbao renderPdf';
export const CHROMIUM = 'Chromium page.pdf';

interface ColdSample {
  method: string;
  bootMs: number;
  importMs: number;
  setupMs: number;
  firstMs: number;
  bytes: number;
  totalMs: number;
}
interface MemoryRun {
  count: number;
  every: number;
  bytes: number;
  times: number[];
  samples: { docs: number; heapUsed: number; external: number; arrayBuffers: number; rss: number }[];
}

export interface PdfResult {
  warm: Record<string, Record<string, GroupFigures>>;
  bytes: Record<string, Record<string, number>>;
  /** Chromium's process tree after the warm-up and at the end of the warm comparison. */
  chromiumTreeKiB: { start: { pss: number; rss: number }; end: { pss: number; rss: number } };
  /** `fromImportMs`: loading the renderer (and launching Chromium) plus the first document, what a one-report build waits for. */
  cold: Record<
    string,
    {
      wallMs: Summary;
      importMs: Summary;
      setupMs: Summary;
      firstMs: Summary;
      firstWithSetupMs: Summary;
      fromImportMs: Summary;
    }
  >;
  memory?: {
    docs: number;
    sampleEvery: number;
    renderMs: Summary;
    /** Regression over the samples after the first 10 % of documents (caches warm). */
    heapSlopeBytesPer100Docs: number;
    heapR2: number;
    rssSlopeBytesPer100Docs: number;
    externalSlopeBytesPer100Docs: number;
    heapUsedFirst: number;
    heapUsedLast: number;
    heapUsedMax: number;
    rssFirst: number;
    rssLast: number;
    rssMax: number;
    samples: MemoryRun['samples'];
  };
  targets: TargetCheck[];
}

const MiB = 1024 * 1024;

type PdfOptions = { rounds: number; warmup: number; coldSamples: number; memoryDocs: number };
type TreeMemory = { pss: number; rss: number };

export async function pdfSuite(
  reports: readonly BenchReport[],
  options: PdfOptions,
): Promise<{ result: PdfResult; text: string }> {
  const { warm, bytes, rssStart, rssEnd } = await warmComparison(reports, options);
  // Cold: the first example, a fresh process per sample.
  const example = reports.find((r) => r.group === 'example') ?? reports[0]!;
  const cold = await coldStart(example, options.coldSamples);
  const memory = options.memoryDocs > 0 ? await memoryRun(options.memoryDocs) : undefined;
  const targets = pdfTargets(warm, cold, bytes, memory, example);
  const text = pdfText(warm, cold, bytes, memory, rssStart, rssEnd, options.coldSamples);
  return {
    result: { warm, bytes, chromiumTreeKiB: { start: rssStart, end: rssEnd }, cold, memory, targets },
    text,
  };
}

/** Both renderers over every report in turn, one browser and one page reused. */
async function warmComparison(
  reports: readonly BenchReport[],
  options: PdfOptions,
): Promise<{ warm: PdfResult['warm']; bytes: PdfResult['bytes']; rssStart: TreeMemory; rssEnd: TreeMemory }> {
  const printer = await launchPrinter();
  const browserPid = await chromiumPid();
  const samples = new Map([NIANBAO, CHROMIUM].map((name) => [name, reports.map(() => [] as number[])]));
  const bytes: PdfResult['bytes'] = { [NIANBAO]: {}, [CHROMIUM]: {} };
  let rssStart = { pss: 0, rss: 0 };
  let rssEnd = { pss: 0, rss: 0 };
  try {
    const contenders: [string, (r: BenchReport) => Promise<Uint8Array>][] = [
      [NIANBAO, (r) => renderPdf(r.report)],
      [CHROMIUM, (r) => printer.print(renderHtmlPage(r.report))],
    ];
    for (let round = 0; round < options.warmup + options.rounds; round++) {
      if (round === options.warmup && browserPid) rssStart = treeMemoryKiB(browserPid);
      for (let i = 0; i < reports.length; i++) {
        for (let k = 0; k < contenders.length; k++) {
          const [name, run] = contenders[(k + i + round) % contenders.length]!;
          const start = process.hrtime.bigint();
          const pdf = await run(reports[i]!);
          const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
          if (round >= options.warmup) samples.get(name)![i]!.push(elapsed);
          if (reports[i]!.group === 'example') bytes[name]![reports[i]!.name] = pdf.byteLength;
          // Chromium must set the text in the same CJK fonts as nianbao, or the comparison is void.
          if (name === CHROMIUM && round === 0 && i === 0 && !embedsNotoSerifSC(pdf))
            throw new Error(
              'Chromium did not embed Noto Serif SC: the report fonts are not available to it (see fontConfigFile)',
            );
        }
      }
    }
  } finally {
    if (browserPid) rssEnd = treeMemoryKiB(browserPid);
    await printer.close();
  }
  const warm: PdfResult['warm'] = {};
  for (const group of groupsOf(reports)) {
    warm[group.name] = {};
    for (const [name, perReport] of samples)
      warm[group.name]![name] = figures(group.indexes.flatMap((index) => perReport[index]!));
  }
  return { warm, bytes, rssStart, rssEnd };
}

async function coldStart(example: BenchReport, coldSamples: number): Promise<PdfResult['cold']> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const cold: PdfResult['cold'] = {};
  try {
    const file = join(dir, `${example.name}.json`);
    writeFileSync(file, example.json);
    const coldRuns = new Map<string, { wall: number; child: ColdSample }[]>([
      ['nianbao', []],
      ['chromium', []],
    ]);
    for (let i = 0; i < coldSamples; i++) {
      for (const method of coldRuns.keys()) {
        const run = await runChildOk<ColdSample>('pdf-cold', [method, file]);
        coldRuns.get(method)!.push({ wall: run.wallMs, child: run.result });
      }
    }
    for (const [method, list] of coldRuns) {
      cold[`${method === 'nianbao' ? NIANBAO : CHROMIUM} · ${example.name}`] = {
        wallMs: summarize(list.map((s) => s.wall)),
        importMs: summarize(list.map((s) => s.child.importMs)),
        setupMs: summarize(list.map((s) => s.child.setupMs)),
        firstMs: summarize(list.map((s) => s.child.firstMs)),
        firstWithSetupMs: summarize(list.map((s) => s.child.setupMs + s.child.firstMs)),
        fromImportMs: summarize(list.map((s) => s.child.importMs + s.child.setupMs + s.child.firstMs)),
      };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return cold;
}

async function memoryRun(memoryDocs: number): Promise<NonNullable<PdfResult['memory']>> {
  const every = Math.max(1, Math.round(memoryDocs / 100));
  const run = await runChildOk<MemoryRun>('pdf-memory', [String(memoryDocs), String(every)], ['--expose-gc']);
  const all = run.result.samples;
  const settled = all.filter((s) => s.docs >= memoryDocs * 0.1);
  const xs = settled.map((s) => s.docs);
  const heap = linearRegression(
    xs,
    settled.map((s) => s.heapUsed),
  );
  return {
    docs: run.result.count,
    sampleEvery: every,
    renderMs: summarize(run.result.times),
    heapSlopeBytesPer100Docs: heap.slope * 100,
    heapR2: heap.r2,
    rssSlopeBytesPer100Docs:
      linearRegression(
        xs,
        settled.map((s) => s.rss),
      ).slope * 100,
    externalSlopeBytesPer100Docs:
      linearRegression(
        xs,
        settled.map((s) => s.external),
      ).slope * 100,
    heapUsedFirst: all[0]!.heapUsed,
    heapUsedLast: all[all.length - 1]!.heapUsed,
    heapUsedMax: Math.max(...all.map((s) => s.heapUsed)),
    rssFirst: all[0]!.rss,
    rssLast: all[all.length - 1]!.rss,
    rssMax: Math.max(...all.map((s) => s.rss)),
    samples: all,
  };
}

function pdfTargets(
  warm: PdfResult['warm'],
  cold: PdfResult['cold'],
  bytes: PdfResult['bytes'],
  memory: PdfResult['memory'],
  example: BenchReport,
): TargetCheck[] {
  const targets: TargetCheck[] = [];
  const overall = warm[Object.keys(warm).find((g) => g.startsWith('generated all')) ?? Object.keys(warm)[0]!]!;
  for (const [group, byContender] of Object.entries(warm)) {
    if (group.startsWith('generated 20')) continue;
    const n = byContender[NIANBAO]!;
    const c = byContender[CHROMIUM]!;
    targets.push({
      suite: 'pdf',
      what: `warm median, ${group}`,
      target: '≤ 100 ms',
      measured: `${fmtMs(n.median)} (p95 ${fmtMs(n.p95)})`,
      pass: n.median <= 100,
    });
    targets.push({
      suite: 'pdf',
      what: `warm vs Chromium, ${group}`,
      target: 'faster than Chromium (median)',
      measured: `${fmtRatio(c.median / n.median)} faster (${fmtMs(n.median)} vs ${fmtMs(c.median)})`,
      pass: n.median < c.median,
    });
  }
  void overall;
  const coldN = Object.entries(cold).find(([key]) => key.startsWith(NIANBAO));
  if (coldN) {
    const c = coldN[1];
    targets.push({
      suite: 'pdf',
      what: `first document in a fresh process, import + render (${example.name})`,
      target: '≤ 1 s',
      measured: `${fmtMs(c.fromImportMs.median)} (import ${fmtMs(c.importMs.median)} + render ${fmtMs(c.firstMs.median)}, median of ${c.firstMs.n})`,
      pass: c.fromImportMs.median <= 1000,
    });
  }
  for (const [name, size] of Object.entries(bytes[NIANBAO]!))
    targets.push({
      suite: 'pdf',
      what: `size of the example ${name}`,
      target: '≤ 100 KB',
      measured: fmtBytes(size),
      pass: size <= 100 * 1000,
    });
  if (memory) {
    const growth = (memory.heapSlopeBytesPer100Docs * memory.docs) / 100;
    targets.push({
      suite: 'pdf',
      what: `heap after GC over ${memory.docs} consecutive documents`,
      target: 'flat: growth by the regression < 1 MiB over the run',
      measured: `${(memory.heapSlopeBytesPer100Docs / 1024).toFixed(1)} KiB per 100 docs (R² ${memory.heapR2.toFixed(2)}), ${(memory.heapUsedFirst / MiB).toFixed(1)} → ${(memory.heapUsedLast / MiB).toFixed(1)} MiB`,
      pass: Math.abs(growth) < MiB,
    });
  }
  return targets;
}

function pdfText(
  warm: PdfResult['warm'],
  cold: PdfResult['cold'],
  bytes: PdfResult['bytes'],
  memory: PdfResult['memory'],
  rssStart: TreeMemory,
  rssEnd: TreeMemory,
  coldSamples: number,
): string {
  const rows = Object.entries(warm).flatMap(([group, byContender]) =>
    Object.entries(byContender).map(([name, f]) => [
      group,
      name,
      fmtMs(f.median),
      fmtMs(f.p95),
      `${f.opsPerSec.toFixed(1)}/s`,
      fmtRatio(f.median / byContender[NIANBAO]!.median),
    ]),
  );
  const coldRows = Object.entries(cold).map(([key, c]) => [
    key,
    fmtMs(c.wallMs.median),
    fmtMs(c.importMs.median),
    fmtMs(c.setupMs.median),
    fmtMs(c.firstMs.median),
    fmtMs(c.fromImportMs.median),
  ]);
  const byteRows = Object.keys(bytes[NIANBAO]!).map((name) => [
    name,
    fmtBytes(bytes[NIANBAO]![name]!),
    fmtBytes(bytes[CHROMIUM]![name] ?? Number.NaN),
  ]);
  const lines = [
    '### 3. PDF render, warm, side by side (one browser and one page reused; Chromium time includes the HTML render)',
    table(['reports', 'renderer', 'median', 'p95', 'docs/s', 'time vs nianbao'], rows),
    '',
    `Chromium process tree memory (sum of PSS; sum of RSS in parentheses): ${(rssStart.pss / 1024).toFixed(0)} MiB (${(rssStart.rss / 1024).toFixed(0)}) after warm-up → ${(rssEnd.pss / 1024).toFixed(0)} MiB (${(rssEnd.rss / 1024).toFixed(0)}) at the end.`,
    '',
    `### 3. PDF, first document in a fresh process (${coldSamples} samples, medians)`,
    table(
      [
        'renderer · document',
        'process wall',
        'import',
        'launch (Chromium)',
        'first document',
        'import + launch + first',
      ],
      coldRows,
    ),
    '',
    '### 3. PDF size',
    table(['example', NIANBAO, CHROMIUM], byteRows),
  ];
  if (memory) {
    lines.push(
      '',
      `### 3. PDF memory over ${memory.docs} consecutive documents (GC forced every ${memory.sampleEvery}; slopes by least squares after the first 10 %)`,
      table(
        ['measure', 'first', 'last', 'max', 'slope per 100 docs'],
        [
          [
            'heapUsed after GC',
            `${(memory.heapUsedFirst / MiB).toFixed(1)} MiB`,
            `${(memory.heapUsedLast / MiB).toFixed(1)} MiB`,
            `${(memory.heapUsedMax / MiB).toFixed(1)} MiB`,
            `${(memory.heapSlopeBytesPer100Docs / 1024).toFixed(1)} KiB (R² ${memory.heapR2.toFixed(2)})`,
          ],
          [
            'RSS',
            `${(memory.rssFirst / MiB).toFixed(0)} MiB`,
            `${(memory.rssLast / MiB).toFixed(0)} MiB`,
            `${(memory.rssMax / MiB).toFixed(0)} MiB`,
            `${(memory.rssSlopeBytesPer100Docs / 1024).toFixed(1)} KiB`,
          ],
          ['external (buffers)', '', '', '', `${(memory.externalSlopeBytesPer100Docs / 1024).toFixed(1)} KiB`],
          ['render time', '', '', '', `median ${fmtMs(memory.renderMs.median)}, p95 ${fmtMs(memory.renderMs.p95)}`],
        ],
      ),
    );
  }
  return lines.join('\n');
}

/** The browser's process id: playwright does not expose it on a launched Browser, so find our child named chromium. */
async function chromiumPid(): Promise<number | undefined> {
  const { processTree } = await import('../proc.js');
  const { readFileSync } = await import('node:fs');
  for (const pid of processTree(process.pid)) {
    if (pid === process.pid) continue;
    try {
      if (/chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))) return pid;
    } catch {
      // gone
    }
  }
  return undefined;
}
