/**
 * Opening a PDF with pdfjs-dist (legacy build, which runs on Node 20) and reading each page's text
 * runs and rulings. A PDF without a text layer (a scan) or with a password is refused: the importer
 * does not guess at pixels.
 */
import type { LocalizedText } from '@nianbao/template';
import type { PdfjsLibrary } from '../types.js';
import { type PdfPage, rulings, type TextRun, textRuns } from './extract.js';
import { loadPdfjs } from './library.js';
import { allColumnNodes, allRowNodes, editionSpecs, rowsOf } from '../spec.js';
import { key } from '../text.js';

export type PdfReading =
  | { ok: true; pages: PdfPage[] }
  | { ok: false; problem: { code: 'scanned' | 'encrypted' | 'damaged'; message: LocalizedText } };

let tableWords: string[] | undefined;

/** The labels of the report's tables (both editions) long enough to mean a table, not a phrase of prose. */
function labels(): string[] {
  if (tableWords) return tableWords;
  const words = new Set<string>();
  for (const spec of editionSpecs()) {
    for (const table of spec.tables) {
      for (const row of allRowNodes(table.root)) words.add(row.labelKey);
      for (const row of [table.root, ...rowsOf(table.root)])
        for (const column of allColumnNodes(row.columns ?? [])) words.add(column.labelKey);
    }
  }
  // 行政许可, 行政复议 … are words of prose as much as labels: they do not tell a table page.
  tableWords = [...words].filter((word) => [...word].length >= 4 && !/^行政..$/.test(word));
  return tableWords;
}

/**
 * Whether a page may hold a table: one of the report tables' labels (自然人, 结果维持, 第二十条第一项 …),
 * or a column of numbers standing alone. A page of prose only is read without its operator list.
 */
export function mayHoldTable(runs: TextRun[]): boolean {
  const text = key(runs.map((run) => run.text).join(''));
  // Prose names a few of them (行政复议, 行政许可); a table page has its header's and rows' labels.
  return labels().filter((word) => text.includes(word)).length >= TABLE_LABELS;
}

/** Labels on a page that make it a table page. */
const TABLE_LABELS = 3;

/** Pages read at once (see inLanes). */
const PAGES_AT_ONCE = 4;

/**
 * `work` for pages 1..count, a few at a time: pdfjs-dist as published inflates streams off the main thread
 * (zlib), so while one page waits for its streams another is parsed (a caller may pass that pdfjs-dist; the
 * importer's own bundle inflates synchronously); more at once only holds more pages in memory.
 */
async function inLanes<T>(count: number, work: (number: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 1;
  const lane = async () => {
    for (let number = next++; number <= count; number = next++) results[number - 1] = await work(number);
  };
  await Promise.all(Array.from({ length: PAGES_AT_ONCE }, lane));
  return results;
}

/** More pages than any annual report has (they run to 10–40). */
export const MAX_PDF_PAGES = 300;

type Pdfjs = PdfjsLibrary;

function refused(code: 'scanned' | 'encrypted' | 'damaged', zh: string, en: string): PdfReading {
  return { ok: false, problem: { code, message: { zh, en } } };
}

/** Reads with `library` when given (ImportOptions.pdfjs), else with the importer's pdfjs-dist (./library.ts). */
export async function readPdf(bytes: Uint8Array, library?: PdfjsLibrary): Promise<PdfReading> {
  const lib = library ?? loadPdfjs();
  let document: Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
  try {
    // pdfjs takes ownership of the buffer it is given: hand it a copy.
    document = await lib.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException')
      return refused(
        'encrypted',
        'PDF 文件有密码保护，无法读取。请提供未加密的文件。',
        'The PDF is password protected and cannot be read. Give an unprotected file.',
      );
    return refused(
      'damaged',
      `PDF 文件已损坏，无法打开（${String((error as Error).message ?? error)}）。`,
      `The PDF is damaged and cannot be opened (${String((error as Error).message ?? error)}).`,
    );
  }
  try {
    if (document.numPages > MAX_PDF_PAGES)
      return refused(
        'damaged',
        `PDF 有 ${document.numPages} 页，超过年度报告的合理页数（${MAX_PDF_PAGES} 页），未读取。`,
        `The PDF has ${document.numPages} pages, more than an annual report has (${MAX_PDF_PAGES}); not read.`,
      );
    const pages = await inLanes(document.numPages, async (number): Promise<PdfPage> => {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs = textRuns(content.items as Parameters<typeof textRuns>[0], number);
      return { number, width: x1 - x0, height: y1 - y0, runs, segments: [] };
    });
    // The operator list (half a page's time: glyph outlines, fonts) is read for its rulings only, on pages
    // that may hold a table and the page after each (a table continued with its last rows); annotations
    // (form fields, links) draw no table borders.
    const tables = pages.map((page) => mayHoldTable(page.runs));
    await inLanes(document.numPages, async (number) => {
      if (!tables[number - 1] && !tables[number - 2]) return;
      const page = await document.getPage(number);
      const operators = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
      pages[number - 1]!.segments = rulings(operators.fnArray, operators.argsArray, lib.OPS as never);
      page.cleanup();
    });
    const characters = pages.reduce((sum, page) => sum + page.runs.reduce((n, run) => n + run.text.length, 0), 0);
    if (characters < 20)
      return refused(
        'scanned',
        `PDF 没有文字层（${pages.length} 页共 ${characters} 个字符）：看起来是扫描件或图片。nianbao 不做文字识别，请提供原始的 Word/WPS 文件或由其导出的 PDF。`,
        `The PDF has no text layer (${characters} characters on ${pages.length} pages): it looks like a scan or images. nianbao does no OCR; give the original Word/WPS file or a PDF exported from it.`,
      );
    return { ok: true, pages };
  } finally {
    await document.destroy();
  }
}
