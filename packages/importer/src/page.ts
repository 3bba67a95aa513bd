/**
 * Reading a saved page's bytes: Chinese government sites still serve GBK/GB2312 as often as UTF-8,
 * so the declared charset (or GB18030, a superset of both) is used when the bytes are not UTF-8.
 */
import type { LocalizedText } from '@nianbao/template';

export type PageDecoding =
  | { ok: true; text: string; encoding: string }
  | { ok: false; problem: { code: 'empty' | 'not-text' | 'bad-encoding'; message: LocalizedText } };

const BINARY: { bytes: number[]; zh: string; en: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], zh: 'PDF 文件', en: 'a PDF file' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    zh: 'ZIP 压缩包或 Office 文档（docx/xlsx）',
    en: 'a ZIP archive or Office document (docx/xlsx)',
  },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], zh: '旧版 Office 文档（doc/xls）', en: 'a legacy Office document (doc/xls)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], zh: 'PNG 图片', en: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], zh: 'JPEG 图片', en: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], zh: 'GIF 图片', en: 'a GIF image' },
];

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

function decode(bytes: Uint8Array, label: string, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes of a saved page (HTML or text) → text. */
export function decodePage(bytes: Uint8Array): PageDecoding {
  if (bytes.length === 0)
    return {
      ok: false,
      problem: { code: 'empty', message: { zh: '文件是空的（0 字节）。', en: 'The file is empty (0 bytes).' } },
    };
  for (const signature of BINARY) {
    if (startsWith(bytes, signature.bytes)) {
      return {
        ok: false,
        problem: {
          code: 'not-text',
          message: {
            zh: `这不是网页或文本文件：看起来是${signature.zh}。请提供报告网页（HTML）或其文本。`,
            en: `Not a web page or text file: it looks like ${signature.en}. Give the report's web page (HTML) or its text.`,
          },
        },
      };
    }
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decode(bytes, label, true);
    if (text !== undefined) return { ok: true, text, encoding: label };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      problem: {
        code: 'not-text',
        message: { zh: '这不是文本文件（含有空字符）。', en: 'Not a text file (it contains NUL bytes).' },
      },
    };
  }
  const utf8 = decode(bytes, 'utf-8', true);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8' };
  // Not UTF-8: the charset the page declares, else GB18030 (covers GBK and GB2312).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head)?.[1]?.toLowerCase();
  const label =
    declared && !/^utf-?8$/.test(declared) && decode(new Uint8Array(0), declared, false) !== undefined
      ? declared
      : 'gb18030';
  const text = decode(bytes, label, false);
  const replaced = text ? (text.match(/\uFFFD/g) ?? []).length : Infinity;
  if (text === undefined || replaced > Math.max(3, text.length / 100)) {
    return {
      ok: false,
      problem: {
        code: 'bad-encoding',
        message: {
          zh: '无法识别文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030）。请以 UTF-8 编码另存后重试。',
          en: 'The text encoding is not recognised (neither UTF-8 nor GBK/GB18030). Save the file as UTF-8 and try again.',
        },
      },
    };
  }
  return { ok: true, text, encoding: label };
}

/** Whether a page is HTML or text: by its file name, else by its content. */
export function pageKind(name: string, text: string): 'html' | 'text' {
  if (/\.(html?|shtml|xhtml|jsp|aspx?|php)$/i.test(name)) return 'html';
  if (/\.(txt|text)$/i.test(name)) return 'text';
  return /<(html|body|table|p|div|!doctype)[\s>]/i.test(text.slice(0, 4096)) ? 'html' : 'text';
}
