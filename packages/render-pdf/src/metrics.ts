/**
 * Text measurement with the parsed fonts (advance widths from the font's metrics), for what nianbao
 * draws itself on a react-pdf `Canvas`: the same numbers pdfkit uses when it places the glyphs.
 */
import { fontRuns, needsFallback, shapedWidth } from './fallback.js';
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

/** Width of a text at a font size, in points (characters the font lacks measured in their fallback font). */
export function textWidth(font: FontData, text: string, size: number): number {
  if (needsFallback(font, text)) {
    let width = 0;
    for (const run of fontRuns(font, text))
      width += run.shaped ? shapedWidth(run.font, run.text, size) : plainWidth(run.font, run.text, size);
    return width;
  }
  return plainWidth(font, text, size);
}

function plainWidth(font: FontData, text: string, size: number): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    em += advance(font, code);
  }
  return em * size;
}
