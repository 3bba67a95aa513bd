/**
 * Fonts are read sparsely (fonts.ts): the outlines of a glyph only when it is first used. A glyph must
 * come out exactly as from the whole file, composite parts included, and glyphs never asked for are
 * not read.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../src/index.js';
import { loadFonts } from '../src/fonts.js';

interface Glyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}
interface Font {
  numGlyphs: number;
  glyphForCodePoint(codePoint: number): Glyph;
  getGlyph(id: number): Glyph;
  stream: { buffer: Uint8Array };
}

describe('sparse fonts', () => {
  const fonts = loadFonts();
  const cases = [
    ['serif', fonts.serif, FONT_FILES.serifRegular],
    ['serifBold', fonts.serifBold, FONT_FILES.serifBold],
    ['sans', fonts.sans, FONT_FILES.sansRegular],
  ] as const;

  it.each(cases)('%s: glyphs as in the whole file', (_name, sparse, file) => {
    const whole = (fontkit as unknown as { create(b: Uint8Array): Font }).create(readFileSync(file));
    const font = sparse as unknown as Font;
    for (const char of '政府信息公开年度报告，。（）《》“”—0123456789AZaz〓%') {
      const code = char.codePointAt(0)!;
      const a = font.glyphForCodePoint(code);
      const b = whole.glyphForCodePoint(code);
      expect(a.id).toBe(b.id);
      expect(a.advanceWidth).toBe(b.advanceWidth);
      expect(a.path.toSVG()).toBe(b.path.toSVG());
      expect(a.path.toSVG()).not.toBe('');
    }
  });

  it('does not read the outlines of glyphs nobody asked for', () => {
    const font = fonts.serif as unknown as Font & {
      directory: { tables: { glyf: { offset: number; length: number } } };
    };
    const { offset, length } = font.directory.tables.glyf;
    const outlines = font.stream.buffer.subarray(offset, offset + length);
    let nonZero = 0;
    for (let i = 0; i < outlines.length; i += 64) if (outlines[i] !== 0) nonZero++;
    // A few hundred glyphs of ~30,000 have been read by now: far less than a tenth of the table.
    expect(nonZero).toBeGreaterThan(0);
    expect(nonZero).toBeLessThan(outlines.length / 64 / 10);
  });
});
