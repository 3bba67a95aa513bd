/**
 * Text measurement with the parsed fonts (advance widths from the font's metrics), for what nianbao
 * draws itself on a react-pdf `Canvas`: the same numbers pdfkit uses when it places the glyphs.
 */
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

/** Width of a text at a font size, in points. */
export function textWidth(font: FontData, text: string, size: number): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    em += advance(font, code);
  }
  return em * size;
}
