/**
 * Text measurement with the parsed fonts (advance widths from the font's metrics), for what nianbao
 * draws itself on a react-pdf `Canvas`: the same numbers pdfkit uses when it places the glyphs.
 */
import { fallbackFor, fontRuns, shapedWidth } from './fallback.js';
import type { FontData } from './fonts.js';

const widthCache = new WeakMap<FontData, Map<number, number>>();

/** Advance of one code point, in font units per em (1 = one em). */
export function advance(font: FontData, codePoint: number): number {
  let widths = widthCache.get(font);
  if (!widths) widthCache.set(font, (widths = new Map()));
  let width = widths.get(codePoint);
  if (width === undefined) {
    width = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
    widths.set(codePoint, width);
  }
  return width;
}

/** Per font: -1 for a code point another font draws (fallback), else its advance (as `advance`). */
const ownCache = new WeakMap<FontData, Map<number, number>>();

function ownAdvance(font: FontData, codePoint: number): number {
  let widths = ownCache.get(font);
  if (!widths) ownCache.set(font, (widths = new Map()));
  let width = widths.get(codePoint);
  if (width === undefined) {
    width = codePoint >= 0x80 && fallbackFor(font, codePoint) !== null ? -1 : advance(font, codePoint);
    widths.set(codePoint, width);
  }
  return width;
}

/** Whether some character of `text` is drawn with a fallback font (one cached look-up per character). */
export function needsFallback(font: FontData, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (ownAdvance(font, code) < 0) return true;
  }
  return false;
}

/** Width of a text at a font size, in points (characters the font lacks measured in their fallback font). */
export function textWidth(font: FontData, text: string, size: number): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    const width = ownAdvance(font, code);
    if (width < 0) return runsWidth(font, text, size);
    em += width;
  }
  return em * size;
}

function runsWidth(font: FontData, text: string, size: number): number {
  let width = 0;
  for (const run of fontRuns(font, text)) {
    if (run.shaped) width += shapedWidth(run.font, run.text, size);
    else for (const char of run.text) width += advance(run.font, char.codePointAt(0)!) * size;
  }
  return width;
}
