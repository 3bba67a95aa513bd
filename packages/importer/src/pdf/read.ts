/**
 * Opening a PDF with pdfjs-dist (legacy build, which runs on Node 20) and reading each page's text
 * runs and rulings. A PDF without a text layer (a scan) or with a password is refused: the importer
 * does not guess at pixels.
 */
import type { LocalizedText } from '@nianbao/template';
import { type PdfPage, rulings, textRuns } from './extract.js';

export type PdfReading =
  | { ok: true; pages: PdfPage[] }
  | { ok: false; problem: { code: 'scanned' | 'encrypted' | 'damaged'; message: LocalizedText } };

/** More pages than any annual report has (they run to 10–40). */
export const MAX_PDF_PAGES = 300;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

function load(): Promise<Pdfjs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

function refused(code: 'scanned' | 'encrypted' | 'damaged', zh: string, en: string): PdfReading {
  return { ok: false, problem: { code, message: { zh, en } } };
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const lib = await load();
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
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const operators = await page.getOperatorList();
      const runs = textRuns(content.items as Parameters<typeof textRuns>[0], number);
      const segments = rulings(operators.fnArray, operators.argsArray, lib.OPS as never);
      pages.push({ number, width: x1 - x0, height: y1 - y0, runs, segments });
      page.cleanup();
    }
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
