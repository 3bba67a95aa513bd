/**
 * importFile: any published form of a report, by its bytes — PDF, Word (.docx), a web page (HTML) or
 * text — to a source document. The kind is read from the bytes (a file name can lie); the name only
 * tells HTML from text when the bytes do not. Never throws.
 */
import { readDocx } from './docx.js';
import { failure, guarded, importReport, importSource } from './import.js';
import { decodePage, pageKind } from './page.js';
import { pdfSource } from './pdf/layout.js';
import { readPdf } from './pdf/read.js';
import type { ImportOptions, ImportResult } from './types.js';

export type FileKind = 'pdf' | 'docx' | 'doc' | 'xlsx' | 'zip' | 'page';

const starts = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** What a file is, from its first bytes (and, for a zip, the names of its parts). */
export function fileKind(bytes: Uint8Array): FileKind {
  // %PDF may follow a few bytes of junk (some CMSs prepend a BOM or whitespace).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'doc';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  return 'page';
}

/** A reader for a kind of file the importer does not read itself (the workbook reader registers .xlsx). */
export type FileReader = (bytes: Uint8Array, fileName: string, options: ImportOptions) => Promise<ImportResult>;
const readers = new Map<FileKind, FileReader>();

export function registerReader(kind: 'xlsx', reader: FileReader): void {
  readers.set(kind, reader);
}

/** An input that cannot be read at all (a scan, an old .doc): `unreadable`, the CLI exits 2. */
function unreadable(zh: string, en: string): ImportResult {
  const result = failure(zh, en);
  result.problem.unreadable = true;
  return result;
}

async function importPdf(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
  const reading = await readPdf(bytes, options.pdfjs);
  if (!reading.ok) return unreadable(reading.problem.message.zh, reading.problem.message.en);
  return guarded(() => importSource(pdfSource(reading.pages), fileName, options));
}

export async function importFile(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  try {
    const kind = fileKind(bytes);
    switch (kind) {
      case 'pdf':
        return await importPdf(bytes, fileName, options);
      case 'docx': {
        const source = readDocx(bytes);
        if (!source.ok) return unreadable(source.problem.zh, source.problem.en);
        return guarded(() => importSource(source.source, fileName, options));
      }
      case 'doc':
        return unreadable(
          '这是旧版 Word 二进制文档（.doc），无法直接读取。请在 Word 或 WPS 中“另存为” .docx 或 PDF 后再导入。',
          'This is an old binary Word document (.doc), which cannot be read directly. Save it as .docx or PDF in Word or WPS, then import that.',
        );
      case 'xlsx': {
        const reader = readers.get('xlsx');
        if (reader) return await reader(bytes, fileName, options);
        return unreadable(
          '这是 Excel 工作簿（.xlsx）：请用 nianbao 的工作簿导入（nianbao import x.xlsx）。',
          'This is an Excel workbook (.xlsx): import it with nianbao’s workbook reader (nianbao import x.xlsx).',
        );
      }
      case 'zip':
        return unreadable(
          '这是 ZIP 压缩包，不是报告文件。请解压后导入其中的 PDF、Word 或网页文件。',
          'This is a ZIP archive, not a report file. Unpack it and import the PDF, Word or web page inside.',
        );
      default: {
        const decoded = decodePage(bytes);
        if (!decoded.ok) return unreadable(decoded.problem.message.zh, decoded.problem.message.en);
        return importReport({ text: decoded.text, kind: pageKind(fileName, decoded.text), name: fileName }, options);
      }
    }
  } catch (error) {
    return failure(`导入失败（内部错误：${String(error)}）。`, `Import failed (internal error: ${String(error)}).`);
  }
}
