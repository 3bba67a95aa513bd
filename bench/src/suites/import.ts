/**
 * 6. Import of a PDF report (`importFile` of @nianbao/importer: pdfjs-dist text and rulings, tables
 * rebuilt, the document assembled), warm, on documents nianbao renders itself with @nianbao/render-pdf
 * (a generated report with long narrative parts, 10 pages or more), the committed fixtures and two real
 * published PDFs of the corpus; and cold, `nianbao import` of the committed 10-page fixture and of the two
 * real PDFs in a fresh process (what a clerk waits for).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validReport } from '@nianbao/fixtures';
import { importFile, loadPdfjs } from '@nianbao/importer';
import { renderPdf } from '@nianbao/render-pdf';
import { CLI_BIN } from '../data.js';
import { runProcess } from '../spawn.js';
import { msSince, summarize } from '../stats.js';
import { table } from '../table.js';
import { fmtTime, type TargetCheck } from '../targets.js';

const TARGET_MS_PER_10_PAGES = 1000;
const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../../packages/importer/test/fixtures/${name}`, import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
/** A committed 10-page report (render-pdf of validReport('2021', 2, { paragraphs: 5 })): the target's size. */
const TEN_PAGES = 'nianbao-generated-2021-10-pages.pdf';
const COLD_RUNS = 15;
/** Cold runs of each real PDF: a single run varies by ±15 % on a shared 2-core machine. */
const REAL_COLD_RUNS = 9;

/**
 * Real published PDFs of the corpus (packages/importer/test/corpus): a browser's print of a county page
 * and the Shanghai government office's report, both with Type 3 fonts (one per few glyphs), which cost
 * pdfjs-dist far more than the embedded TrueType fonts nianbao, WPS and Word write.
 */
const REAL_PDFS = ['js-shuyang-fgj-2023-pdf', 'sh-gov-office-2019-pdf'];
const corpusPdf = (id: string) =>
  fileURLToPath(new URL(`../../../packages/importer/test/corpus/${id}/source.pdf`, import.meta.url));

/**
 * WPS-made PDFs of the corpus kept outside the repository (packages/importer/test/corpus-external/README.md
 * says how to fetch them), measured when they are on this machine: WPS and Word are how most reports are
 * published, with embedded TrueType fonts.
 */
const EXTERNAL_ROOT = process.env.NIANBAO_CORPUS_EXTERNAL ?? '/work/shared/corpus-external';
const externalPdfs = (): { id: string; file: string }[] =>
  readdirSync(fileURLToPath(new URL('../../../packages/importer/test/corpus-external', import.meta.url)))
    .filter((id) => id.endsWith('-wps'))
    .map((id) => ({ id, file: join(EXTERNAL_ROOT, id, 'source.pdf') }))
    .filter(({ file }) => existsSync(file));

/** `nianbao import <PDF> --out …` in fresh processes: spawn to exit. */
async function coldCli(
  label: string,
  file: string,
  pages: number,
  runs: number,
): Promise<{ row: string[]; target: TargetCheck }> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-import-'));
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const out = join(dir, `r${run}.yaml`);
      const child = await runProcess(process.execPath, [CLI_BIN, 'import', file, '--out', out]);
      if (child.code !== 0 && child.code !== 1) throw new Error(`nianbao import failed: ${child.stderr}`);
      times.push(child.wallMs);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const s = summarize(times);
  return {
    row: [`nianbao import ${label} (cold, fresh process)`, String(pages), fmtTime(s.median), fmtTime(s.p95), '—'],
    target: {
      suite: 'import',
      what: `nianbao import of ${label} (${pages} pages), cold (fresh process: Node start, pdfjs load, import, validation, YAML)`,
      target: `≤ ${TARGET_MS_PER_10_PAGES} ms`,
      measured: `median ${fmtTime(s.median)} of ${runs}`,
      pass: s.median <= TARGET_MS_PER_10_PAGES,
    },
  };
}

/**
 * Pages as pdfjs counts them (render-pdf packs the page objects into compressed object streams), with the
 * importer's own pdfjs-dist: loading pdfjs-dist's ES module would put its slower built-ins into this process.
 */
async function pagesOf(pdf: Uint8Array): Promise<number> {
  const document = await loadPdfjs().getDocument({ data: pdf.slice(), isEvalSupported: false }).promise;
  try {
    return document.numPages;
  } finally {
    await document.destroy();
  }
}

export async function importSuite(options: {
  rounds: number;
}): Promise<{ result: { targets: TargetCheck[] }; text: string }> {
  const documents: { name: string; pdf: Uint8Array }[] = [
    {
      name: 'generated 2021, 12 paragraphs a part',
      pdf: await renderPdf(validReport('2021', 7, { paragraphs: 12 }) as never),
    },
    { name: TEN_PAGES, pdf: fixture(TEN_PAGES) },
    { name: 'nianbao-chizhou-rfb-2020.pdf', pdf: fixture('nianbao-chizhou-rfb-2020.pdf') },
    { name: 'nianbao-sample-bureau-2021.pdf', pdf: fixture('nianbao-sample-bureau-2021.pdf') },
    ...REAL_PDFS.map((id) => ({
      name: `${id} (real, Type 3 fonts)`,
      pdf: new Uint8Array(readFileSync(corpusPdf(id))),
    })),
    ...externalPdfs().map(({ id, file }) => ({ name: `${id} (real, WPS)`, pdf: new Uint8Array(readFileSync(file)) })),
  ];
  const rows: string[][] = [];
  const targets: TargetCheck[] = [];
  for (const { name, pdf } of documents) {
    const pages = await pagesOf(pdf);
    const result = await importFile(pdf, name); // warm up (loads pdfjs-dist once)
    if (!result.ok) throw new Error(`${name}: not imported: ${result.problem.message.en}`);
    const times: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const start = process.hrtime.bigint();
      await importFile(pdf, name);
      times.push(msSince(start));
    }
    const s = summarize(times);
    const per10 = (s.median / pages) * 10;
    rows.push([name, String(pages), fmtTime(s.median), fmtTime(s.p95), fmtTime(per10)]);
    targets.push({
      suite: 'import',
      what: `PDF import, ${name} (${pages} pages)`,
      target: `≤ ${TARGET_MS_PER_10_PAGES} ms per 10 pages`,
      measured: `${fmtTime(per10)} per 10 pages (median ${fmtTime(s.median)})`,
      pass: per10 <= TARGET_MS_PER_10_PAGES,
    });
  }
  const colds = [await coldCli(TEN_PAGES, fixturePath(TEN_PAGES), 10, COLD_RUNS)];
  const realFiles = [...REAL_PDFS.map((id) => ({ id, file: corpusPdf(id) })), ...externalPdfs()];
  for (const { id, file } of realFiles)
    colds.push(await coldCli(id, file, await pagesOf(new Uint8Array(readFileSync(file))), REAL_COLD_RUNS));
  for (const cold of colds) {
    rows.push(cold.row);
    targets.push(cold.target);
  }
  const text = [
    '### 6. PDF import, warm (and cold CLI rows)',
    table(['document', 'pages', 'median', 'p95', 'per 10 pages'], rows),
  ].join('\n');
  return { result: { targets }, text };
}
