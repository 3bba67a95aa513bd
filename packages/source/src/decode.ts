import { problem, type SourceProblem } from './problem.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type Decoded = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; problem: SourceProblem };

const SAVE_AS_UTF8 = { zh: '请在编辑器中以 UTF-8 编码另存后重试。', en: 'Save the file as UTF-8 and try again.' };

/** Signatures of binary formats people mistake for a report source, so the message can say what the file is. */
const BINARY_SIGNATURES: { bytes: number[]; zh: string; en: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], zh: ' PDF 文件', en: 'a PDF file' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    zh: ' ZIP 压缩包或 Office 文档（docx/xlsx）',
    en: 'a ZIP archive or Office document (docx/xlsx)',
  },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], zh: '旧版 Office 文档（doc/xls）', en: 'a legacy Office document (doc/xls)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], zh: ' PNG 图片', en: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], zh: ' JPEG 图片', en: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], zh: ' GIF 图片', en: 'a GIF image' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * Bytes → text. UTF-8 (a BOM is dropped) or UTF-16 with a BOM; everything else is a problem that
 * says what the bytes look like and how to fix it.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) {
    return { ok: false, problem: problem('EMPTY', '文件是空的（0 字节）。', 'The file is empty (0 bytes).') };
  }
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    return fail(
      'BAD_ENCODING',
      `文件是 UTF-32 编码，不受支持。${SAVE_AS_UTF8.zh}`,
      `The file is UTF-32 encoded, which is not supported. ${SAVE_AS_UTF8.en}`,
    );
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return finish(decodeUtf8(bytes, 3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return finish(decodeUtf16(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return finish(decodeUtf16(bytes.subarray(2), 'utf-16be'), 'utf-16be');

  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) {
      return fail(
        'NOT_TEXT',
        `这不是文本文件：看起来是${signature.zh}。请提供 JSON 或 YAML 格式的报告源文件。`,
        `Not a text file: it looks like ${signature.en}. Give a report source in JSON or YAML.`,
      );
    }
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (looksLikeUtf16WithoutBom(bytes)) {
      return fail(
        'BAD_ENCODING',
        `文件看起来是没有字节顺序标记（BOM）的 UTF-16 编码。${SAVE_AS_UTF8.zh}`,
        `The file looks like UTF-16 without a byte order mark. ${SAVE_AS_UTF8.en}`,
      );
    }
    return fail(
      'NOT_TEXT',
      `这不是文本文件：第 ${nul} 字节处是空字符（NUL）。请提供 JSON 或 YAML 格式的报告源文件。`,
      `Not a text file: there is a NUL byte at byte offset ${nul}. Give a report source in JSON or YAML.`,
    );
  }
  return finish(decodeUtf8(bytes, 0), 'utf-8');
}

function fail(code: SourceProblem['code'], zh: string, en: string, at?: { line: number; column?: number }): Decoded {
  return { ok: false, problem: problem(code, zh, en, at) };
}

function finish(result: { text: string } | { problem: SourceProblem }, encoding: TextEncodingName): Decoded {
  if ('problem' in result) return { ok: false, problem: result.problem };
  const text = result.text;
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return fail('NOT_TEXT', `这不是文本文件：含有空字符（NUL）。`, `Not a text file: it contains a NUL character.`);
  }
  if (text.trim() === '') {
    return fail('EMPTY', '文件没有内容（只有空白）。', 'The file has no content (only whitespace).');
  }
  return { ok: true, text, encoding };
}

function decodeUtf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
): { text: string } | { problem: SourceProblem } {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const label = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    return {
      problem: problem(
        'BAD_ENCODING',
        `文件以 ${label} 字节顺序标记开头，但内容不是有效的 ${label} 文本。${SAVE_AS_UTF8.zh}`,
        `The file starts with a ${label} byte order mark but its content is not valid ${label}. ${SAVE_AS_UTF8.en}`,
      ),
    };
  }
}

function decodeUtf8(bytes: Uint8Array, start: number): { text: string } | { problem: SourceProblem } {
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const bad = firstInvalidUtf8(body);
    const offset = start + bad;
    const lineStart = body.lastIndexOf(0x0a, bad - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (body[i] === 0x0a) line++;
    const column = new TextDecoder('utf-8').decode(body.subarray(lineStart, bad)).length + 1;
    const gbk = looksLikeGb18030(body);
    const hintZh = gbk ? '看起来是 GBK/GB18030 编码。' : '';
    const hintEn = gbk ? ' It looks GBK/GB18030-encoded.' : '';
    return {
      problem: problem(
        'BAD_ENCODING',
        `文件不是有效的 UTF-8 文本：第 ${offset} 字节（0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}）处的编码无效，${hintZh}${SAVE_AS_UTF8.zh}`,
        `The file is not valid UTF-8: invalid byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${offset}.${hintEn} ${SAVE_AS_UTF8.en}`,
        { line, column },
      ),
    };
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  const cont = (k: number, low = 0x80, high = 0xbf) => k < n && bytes[k]! >= low && bytes[k]! <= high;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) i += 1;
    else if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const low = b === 0xe0 ? 0xa0 : 0x80;
      const high = b === 0xed ? 0x9f : 0xbf;
      if (!cont(i + 1, low, high) || !cont(i + 2)) return i;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const low = b === 0xf0 ? 0x90 : 0x80;
      const high = b === 0xf4 ? 0x8f : 0xbf;
      if (!cont(i + 1, low, high) || !cont(i + 2) || !cont(i + 3)) return i;
      i += 4;
    } else return i;
  }
  return n;
}

function looksLikeGb18030(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text);
  } catch {
    return false;
  }
}

/** UTF-16 text with ASCII in it (keys, digits, punctuation) has a zero in every other byte, always on the same side. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  const pairs = sample.length / 2;
  if (pairs < 8) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  return Math.max(evenZeros, oddZeros) >= pairs * 0.3 && Math.min(evenZeros, oddZeros) <= pairs * 0.02;
}
