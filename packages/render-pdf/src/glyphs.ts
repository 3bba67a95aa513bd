/**
 * Text as the PDF can draw it. react-pdf draws a character that the embedded fonts lack with a standard
 * PDF font in a one-byte encoding: a wrong Latin glyph without width over the next character (𠮷 came out
 * as "B·", U+FEFF as "ÿ"). So before layout: default-ignorable characters (zero-width space and joiners,
 * U+FEFF, soft hyphen, bidi marks, variation selectors), which draw nothing anyway, are dropped; a
 * character the fonts do not have becomes 〓 (U+3013), the 缺字 mark of Chinese typesetting, so a reader
 * sees that a character is missing instead of a wrong one.
 */
import type { BlockView, ParagraphView, ReportView } from '@nianbao/view-model';
import { loadFonts } from './fonts.js';

export const MISSING_GLYPH = '〓';
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Laid out by textkit, never drawn as glyphs. */
const LAYOUT = new Set([0x09, 0x0a, 0x20]);

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

let coverage: ((codePoint: number) => boolean) | undefined;

/** Whether every font the document uses has a glyph for the code point (fonts are loaded once per process). */
export function fontCoverage(): (codePoint: number) => boolean {
  if (!coverage) {
    const { serif, serifBold, sans } = loadFonts();
    const fonts: GlyphFont[] = [serif, serifBold, sans];
    const known = new Map<number, boolean>();
    coverage = (codePoint: number) => {
      let has = known.get(codePoint);
      if (has === undefined) {
        has = fonts.every((font) => font.hasGlyphForCodePoint(codePoint));
        known.set(codePoint, has);
      }
      return has;
    };
  }
  return coverage;
}

/** Whether the PDF draws `char` as itself: layout whitespace, ASCII, or a character every font has. */
export function isDrawable(char: string, has: (codePoint: number) => boolean): boolean {
  const code = char.codePointAt(0)!;
  return LAYOUT.has(code) || (code > 0x20 && code < 0x7f) || has(code);
}

/** Dropped before layout (draws nothing), so never missing. */
export const isIgnorable = (char: string): boolean => IGNORABLE.test(char);

/** `text` with ignorable characters dropped and characters the fonts lack replaced by 〓. */
export function drawableText(text: string, has: (codePoint: number) => boolean): string {
  let out = '';
  let changed = false;
  for (const char of text) {
    if (IGNORABLE.test(char)) changed = true;
    else if (isDrawable(char, has)) out += char;
    else {
      changed = true;
      out += MISSING_GLYPH;
    }
  }
  return changed ? out : text;
}

/** The view with every text the report supplies made drawable (table labels are the schema's, values are numbers). */
export function drawableView(view: ReportView): ReportView {
  const has = fontCoverage();
  const draw = (text: string) => drawableText(text, has);
  const paragraphs = (list: readonly ParagraphView[]) => list.map((p) => ({ ...p, text: draw(p.text) }));
  const block = (b: BlockView): BlockView => {
    if (b.kind === 'table') return b;
    if (b.kind === 'topic')
      return {
        ...b,
        heading: draw(b.heading),
        numberedHeading: draw(b.numberedHeading),
        paragraphs: paragraphs(b.paragraphs),
      };
    return { ...b, paragraphs: paragraphs(b.paragraphs) };
  };
  return {
    ...view,
    title: draw(view.title),
    agencyName: draw(view.agencyName),
    ...(view.publicationDateText ? { publicationDateText: draw(view.publicationDateText) } : {}),
    preface: paragraphs(view.preface),
    sections: view.sections.map((section) => ({
      ...section,
      heading: draw(section.heading),
      blocks: section.blocks.map(block),
    })),
  };
}
