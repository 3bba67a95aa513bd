/**
 * An office's own font files (nianbao.config.json / --fonts), opened once per process and checked
 * before anything is rendered, so that a wrong path or a web font is an error naming the file, not a
 * failure deep inside the PDF writer.
 *
 * Supported: TrueType (.ttf: glyf outlines, read sparsely like the bundled fonts), OpenType with CFF
 * outlines (.otf, embedded as a CFF subset, "CID Type 0C"), and collections (.ttc/.otc) of either: the
 * face named by its PostScript name, or the first face. Refused: WOFF and WOFF2 (web fonts, compressed
 * for browsers: give the .ttf/.otf the office has installed), Type 1, bitmap and other files.
 */
import { closeSync, openSync, readSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import * as fontkit from 'fontkit';
import type { FontFace } from './config.js';
import { type FontData, openSparse } from './fonts.js';

export type FontOpenResult =
  | { ok: true; font: FontData; label: string }
  | { ok: false; message: { zh: string; en: string } };

interface Collection {
  fonts: { postscriptName: string }[];
  getFont(name: string): FontData | null;
}

const opened = new Map<string, FontOpenResult>();
/** The file (and face) a font was opened from, for findings: "FZXBSJW.TTF", "NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular". */
const labels = new WeakMap<FontData, string>();

export const fontLabel = (font: FontData): string | undefined => labels.get(font);
export const setFontLabel = (font: FontData, label: string): void => void labels.set(font, label);

function magic(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const head = new Uint8Array(4);
    readSync(fd, head, 0, 4, 0);
    return String.fromCharCode(...head);
  } finally {
    closeSync(fd);
  }
}

function openCollection(file: string, face: string | undefined): FontOpenResult {
  const collection = (fontkit as unknown as { create(b: Uint8Array): Collection }).create(readFileSync(file));
  const names = collection.fonts.map((font) => font.postscriptName);
  const name = face ?? names[0];
  const font = name === undefined ? null : collection.getFont(name);
  if (!font)
    return {
      ok: false,
      message: {
        zh: `字体集 ${file} 中没有 ${JSON.stringify(face)}，可选：${names.join('、')}`,
        en: `the collection ${file} has no face ${JSON.stringify(face)}; it has ${names.join(', ')}`,
      },
    };
  return { ok: true, font, label: `${basename(file)}#${name}` };
}

function openUncached(face: FontFace): FontOpenResult {
  const { file } = face;
  let kind: string;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    kind = magic(file);
  } catch {
    return { ok: false, message: { zh: `找不到字体文件 ${file}`, en: `font file not found: ${file}` } };
  }
  if (kind === 'wOFF' || kind === 'wOF2')
    return {
      ok: false,
      message: {
        zh: `${file} 是网页字体（WOFF），不能嵌入 PDF：请给出安装在电脑上的 .ttf、.otf 或 .ttc 文件`,
        en: `${file} is a web font (WOFF): give the .ttf, .otf or .ttc file installed on the computer instead`,
      },
    };
  if (kind === 'ttcf') return openCollection(file, face.face);
  if (kind !== '\u0000\u0001\u0000\u0000' && kind !== 'true' && kind !== 'OTTO')
    return {
      ok: false,
      message: {
        zh: `${file} 不是 TrueType/OpenType 字体（支持 .ttf、.otf、.ttc）`,
        en: `${file} is not a TrueType/OpenType font (.ttf, .otf and .ttc are supported)`,
      },
    };
  if (face.face !== undefined)
    return {
      ok: false,
      message: {
        zh: `${file} 不是字体集（.ttc），不能选 face`,
        en: `${file} is a single font, not a collection (.ttc): "face" does not apply`,
      },
    };
  return { ok: true, font: openSparse(file), label: basename(file) };
}

/** Opens a font file once per process (per file and face); a problem is a value naming the file. */
export function openFontFile(face: FontFace): FontOpenResult {
  const key = `${face.file}\u0000${face.face ?? ''}`;
  let result = opened.get(key);
  if (!result) {
    try {
      result = openUncached(face);
    } catch (error) {
      result = {
        ok: false,
        message: {
          zh: `无法读取字体 ${face.file}：${(error as Error).message}`,
          en: `cannot read the font ${face.file}: ${(error as Error).message}`,
        },
      };
    }
    if (result.ok) setFontLabel(result.font, result.label);
    opened.set(key, result);
  }
  return result;
}
