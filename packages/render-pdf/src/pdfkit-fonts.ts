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
    if (src === null || typeof src !== 'object' || (family != null && typeof family !== 'number')) return original.call(this, src, family, size);
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
