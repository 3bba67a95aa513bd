/**
 * react-pdf sets the font of every text run with `doc.font(fontkitFont, size)`. pdfkit caches fonts
 * only by name, so for a font object it builds a new embedded font (a fontkit subset) each time and
 * then finds it equal to the cached one by comparing the fonts' name tables as JSON, twice: a few
 * hundred times per report, about a tenth of a render and much of its garbage. This remembers, per
 * document, the font pdfkit chose for each font object and returns it directly, which is what pdfkit's
 * own comparison ends with. The output differs only in the numbering of font resources (F1, F2…), and
 * stays deterministic.
 */
import PDFDocument from 'pdfkit';

type Font = unknown;
interface PdfDoc {
  _font: Font;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): unknown;
}
type FontMethod = (this: PdfDoc, src: unknown, family?: unknown, size?: unknown) => PdfDoc;

const PATCHED = Symbol.for('nianbao.render-pdf.fontCache');
const chosen = new WeakMap<PdfDoc, Map<object, Font>>();

export function cacheFontObjects(): void {
  const prototype = (PDFDocument as unknown as { prototype: { font: FontMethod & { [PATCHED]?: true } } }).prototype;
  if (typeof prototype.font !== 'function' || prototype.font[PATCHED]) return;
  const original = prototype.font;
  const font: FontMethod = function (this: PdfDoc, src, family, size) {
    // Only the call react-pdf makes: a font object, and a size or nothing.
    if (src === null || typeof src !== 'object' || (family != null && typeof family !== 'number'))
      return original.call(this, src, family, size);
    let fonts = chosen.get(this);
    if (!fonts) chosen.set(this, (fonts = new Map()));
    const cached = fonts.get(src);
    if (cached === undefined) {
      original.call(this, src, family, size);
      fonts.set(src, this._font);
      return this;
    }
    // What pdfkit's font() does when it finds the font in its cache.
    this._fontSource = src;
    this._fontFamily = null;
    const fontSize = typeof family === 'number' ? family : size;
    if (typeof fontSize === 'number') this.fontSize(fontSize);
    this._font = cached;
    return this;
  };
  (font as FontMethod & { [PATCHED]?: true })[PATCHED] = true;
  prototype.font = font;
}

interface GlyphLike {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FontkitFont {
  glyphForCodePoint(codePoint: number): GlyphLike;
}
interface TrueTypeSubset {
  font: {
    getGlyph(id: number): GlyphLike & { _getMetrics(): { leftBearing: number } };
    loca: { offsets: number[] };
    directory: { tables: Record<string, { offset: number } | undefined> };
    stream: { buffer: Uint8Array };
    _variationProcessor?: unknown;
  };
  glyf?: Uint8Array[];
  loca?: { offsets: number[] };
  hmtx?: { metrics: { advance: number; bearing: number }[] };
  offset?: number;
  _addGlyph?: (gid: number) => number;
}
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  subset: TrueTypeSubset;
  layoutRun?: (text: string, features?: unknown) => unknown;
  layout?: (text: string, features?: unknown, onlyWidth?: boolean) => unknown;
}

const PLAIN = Symbol.for('nianbao.render-pdf.plainLayout');
const plainFonts = new WeakSet<object>();
/** Glyph of each code point, per font (fontkit looks the character map up again on every call). */
const glyphCache = new WeakMap<FontkitFont, Map<number, GlyphLike>>();

/**
 * Text that nianbao draws itself (`text()` on a canvas) is Chinese with some digits and Latin: it needs
 * no OpenType shaping, only the glyph of each character and its advance. For the fonts given here,
 * pdfkit's `layoutRun` (fontkit's full shaping: GSUB/GPOS lookups, per line, as every line is a new
 * "word" without spaces) is replaced by a look-up in the character map. react-pdf's own text runs are
 * shaped by textkit and do not pass through it; other fonts keep pdfkit's layout.
 */
export function plainLayoutFor(fonts: readonly object[]): void {
  for (const font of fonts) plainFonts.add(font);
  const prototype = (PDFDocument as unknown as { prototype: { font: FontMethod & { [PLAIN]?: true } } }).prototype;
  if (typeof prototype.font !== 'function' || prototype.font[PLAIN]) return;
  const inner = prototype.font;
  const font: FontMethod = function (this: PdfDoc, src, family, size) {
    inner.call(this, src, family, size);
    const embedded = this._font as EmbeddedFont & { [PLAIN]?: true };
    if (embedded && !embedded[PLAIN] && plainFonts.has(embedded.font)) {
      embedded[PLAIN] = true;
      const { font: data, scale } = embedded;
      let byCode = glyphCache.get(data);
      if (!byCode) glyphCache.set(data, (byCode = new Map()));
      const glyphs = byCode;
      const glyphFor = (code: number) => {
        let glyph = glyphs.get(code);
        if (!glyph) glyphs.set(code, (glyph = data.glyphForCodePoint(code)));
        return glyph;
      };
      const run = (text: string) => {
        const found: GlyphLike[] = [];
        const positions: {
          xAdvance: number;
          yAdvance: number;
          xOffset: number;
          yOffset: number;
          advanceWidth: number;
        }[] = [];
        let advanceWidth = 0;
        for (const char of text) {
          const glyph = glyphFor(char.codePointAt(0)!);
          const width = glyph.advanceWidth * scale;
          found.push(glyph);
          positions.push({ xAdvance: width, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: width });
          advanceWidth += width;
        }
        return { glyphs: found, positions, advanceWidth };
      };
      fastSubset(embedded.subset);
      // `layout` splits the text at spaces and caches each word's run; a line of Chinese is one new
      // "word" each time, so the whole line is looked up directly.
      embedded.layoutRun = run;
      embedded.layout = (text: string, _features?: unknown, onlyWidth?: boolean) => {
        if (!onlyWidth) return run(text);
        let advanceWidth = 0;
        for (const char of text) advanceWidth += glyphFor(char.codePointAt(0)!).advanceWidth * scale;
        return { glyphs: null, positions: null, advanceWidth };
      };
    }
    return this;
  };
  (font as FontMethod & { [PLAIN]?: true })[PLAIN] = true;
  prototype.font = font;
}

/**
 * fontkit's TrueType subset (2.0.4) decodes every glyph's outline into points (`_decode`) only to learn
 * whether it is a composite glyph, for each of the few hundred glyphs of every document: about a tenth
 * of a render. The first two bytes of the glyph (numberOfContours) tell the same. A simple glyph is
 * copied here exactly as fontkit's `_addGlyph` copies it; a composite one (or a variable font) goes to
 * fontkit's own code. Same bytes out.
 */
function fastSubset(subset: TrueTypeSubset): void {
  const original = subset._addGlyph;
  const { font } = subset;
  const glyf = font.directory.tables.glyf;
  if (typeof original !== 'function' || !glyf || font._variationProcessor) return;
  const bytes = font.stream.buffer;
  subset._addGlyph = (gid: number) => {
    const glyph = font.getGlyph(gid); // also reads the outline of a sparse font
    const from = glyf.offset + font.loca.offsets[gid]!;
    const to = glyf.offset + font.loca.offsets[gid + 1]!;
    if (to > from && (((bytes[from]! << 24) >> 16) | bytes[from + 1]!) < 0) return original.call(subset, gid);
    const data = bytes.slice(from, to);
    subset.glyf!.push(data);
    subset.loca!.offsets.push(subset.offset!);
    subset.hmtx!.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    subset.offset! += data.length;
    return subset.glyf!.length - 1;
  };
}
