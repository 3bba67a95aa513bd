/**
 * Building one report: read → validate → render every requested output in memory. Nothing is written
 * here: the caller writes the files only when the whole report succeeded, so an invalid report or a
 * renderer failure leaves the output folder untouched. Used in-process for one report and by each
 * worker thread of a batch build.
 */
import type { Finding } from '@nianbao/validator';
import { loadCore } from '../core-loader.js';
import type { Lang } from '../output.js';
import type { OutputFile } from './atomic.js';

export const FORMATS = ['html', 'pdf', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** File names inside a report's output folder. */
export const OUTPUT_FILES = {
  html: ['index.html', 'fragment.html', 'fragment-inline.html'],
  pdf: ['report.pdf'],
  json: ['report.json', 'report.csv', 'datapackage.json'],
} as const satisfies Record<Format, readonly string[]>;

export interface BuildRequest {
  path: string;
  formats: readonly Format[];
  pdfa: boolean;
  /** Warnings fail the build too. */
  strict: boolean;
  lang: Lang;
}

export type LocatedFinding = Finding & { location?: { line: number; column: number } };

export type BuildResult =
  /** Everything rendered; `findings` holds the warnings (and infos) that did not stop it. */
  | { status: 'built'; edition: string; files: OutputFile[]; findings: LocatedFinding[] }
  /** The report has errors (or warnings under --strict): nothing is written. Exit 1. */
  | { status: 'invalid'; edition?: string; findings: LocatedFinding[] }
  /** Could not be read, is not a report, or a renderer failed: one line of reason. Exit 2. */
  | { status: 'failed'; reason: string };

const fromError = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * The most report text (characters of the preface and sections) a PDF is made for. react-pdf lays text
 * out character by character: about a quarter of a second and 2 MB per 1,000 characters on a busy
 * 2-core machine, so a report at the 20 MB input limit would take an hour and run out of memory. A real
 * report has 5,000–50,000 characters; HTML and open data have no such bound.
 */
export const MAX_PDF_TEXT = 200_000;

function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textLength(item), 0);
  if (value !== null && typeof value === 'object')
    return Object.values(value).reduce((sum: number, item) => sum + textLength(item), 0);
  return 0;
}

export async function buildReport(request: BuildRequest): Promise<BuildResult> {
  const { readReportFile, formatProblem, validateReport } = loadCore();
  const source = await readReportFile(request.path);
  if (!source.ok)
    return { status: 'failed', reason: formatProblem(source.problem, { file: request.path, lang: request.lang }) };

  const validation = validateReport(source.document);
  const located: LocatedFinding[] = validation.findings.map((finding) => {
    const at = source.locate(finding.pointer);
    return at ? { ...finding, location: { line: at.line, column: at.column } } : finding;
  });
  if (validation.edition === undefined) {
    const first = located[0];
    const where = first?.location ? `${request.path}:${first.location.line}:${first.location.column}` : request.path;
    const reason =
      first?.message[request.lang] ??
      (request.lang === 'zh' ? '这不是一份年报文档。' : 'This is not a report document.');
    return { status: 'failed', reason: `${where}: ${reason}` };
  }
  const blocking = located.some(
    (finding) => finding.severity === 'error' || (request.strict && finding.severity === 'warning'),
  );
  if (blocking) return { status: 'invalid', edition: validation.edition, findings: located };

  const report = source.document as import('@nianbao/template').Report;
  if (request.formats.includes('pdf')) {
    const length = textLength(report.preface) + textLength(report.sections);
    if (length > MAX_PDF_TEXT) {
      const reason =
        request.lang === 'zh'
          ? `报告正文共 ${length} 字，超过生成 PDF 的上限 ${MAX_PDF_TEXT} 字（年报一般不超过 5 万字）；可用 --formats html,json 只生成其他输出。`
          : `the report's text has ${length} characters, more than the ${MAX_PDF_TEXT} a PDF is made for (a report usually has under 50,000); build the other outputs with --formats html,json.`;
      return { status: 'failed', reason: `${request.path}: ${reason}` };
    }
  }
  const files: OutputFile[] = [];
  try {
    if (request.formats.includes('html')) {
      const { renderHtmlPage, renderHtmlFragment } = await import('@nianbao/render-html');
      // The page links to the files written beside it (its preface promises a download).
      const pdf = request.formats.includes('pdf') ? 'report.pdf' : undefined;
      const data = request.formats.includes('json');
      const downloads = { pdf, csv: data ? 'report.csv' : undefined, json: data ? 'report.json' : undefined };
      files.push(
        { name: 'index.html', data: renderHtmlPage(report, { downloads }) },
        { name: 'fragment.html', data: renderHtmlFragment(report) },
        { name: 'fragment-inline.html', data: renderHtmlFragment(report, { inlineStyles: true }) },
      );
    }
    if (request.formats.includes('json')) {
      const { toOpenData } = await import('@nianbao/open-data');
      const data = toOpenData(report, { baseName: 'report' });
      files.push(
        { name: data.files.json, data: data.json },
        { name: data.files.csv, data: data.csv },
        { name: 'datapackage.json', data: data.datapackage },
      );
    }
    if (request.formats.includes('pdf')) {
      const { renderPdf } = await import('@nianbao/render-pdf');
      files.push({ name: 'report.pdf', data: await renderPdf(report, { pdfa: request.pdfa }) });
    }
  } catch (error) {
    const stage =
      request.lang === 'zh'
        ? '生成输出时出错（内部错误，请报告）'
        : 'rendering failed (internal error, please report it)';
    return { status: 'failed', reason: `${request.path}: ${stage}: ${fromError(error)}` };
  }
  return { status: 'built', edition: validation.edition, files, findings: located };
}
