/**
 * Text as the PDF can draw it. react-pdf draws a character that the embedded fonts lack with a standard
 * PDF font in a one-byte encoding: a wrong Latin glyph without width over the next character (𠮷 came out
 * as "B·", U+FEFF as "ÿ"). So before layout: default-ignorable characters (zero-width space and joiners,
 * U+FEFF, soft hyphen, bidi marks, variation selectors), which draw nothing anyway, are dropped; a
 * character the fonts do not have becomes 〓 (U+3013), the 缺字 mark of Chinese typesetting, so a reader
 * sees that a character is missing instead of a wrong one.
 */
import type { BlockView, ParagraphView, ReportView, Row, TableView } from '@nianbao/view-model';
import type { FontRole } from './config.js';
import { fallbackFor } from './fallback.js';
import { type FontData, type LoadedFonts, loadFonts, roleFont } from './fonts.js';

export const MISSING_GLYPH = '〓';
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Laid out by textkit, never drawn as glyphs. */
const LAYOUT = new Set([0x09, 0x0a, 0x20]);

let coverage: ((codePoint: number) => boolean) | undefined;

/** Whether every bundled font has a glyph for the code point, or a fallback does (fonts are loaded once per process). */
export function fontCoverage(): (codePoint: number) => boolean {
  if (!coverage) {
    const { serif, serifBold, sans } = loadFonts();
    const each = [serif, serifBold, sans].map(roleCoverage);
    coverage = (codePoint: number) => each.every((has) => has(codePoint));
  }
  return coverage;
}

const roleCoverages = new WeakMap<FontData, (codePoint: number) => boolean>();

/** Whether `font`, or a fallback font for a script it lacks (Tibetan, Mongolian, Uyghur, Yi), draws the code point. */
export function roleCoverage(font: FontData): (codePoint: number) => boolean {
  let has = roleCoverages.get(font);
  if (!has) {
    const known = new Map<number, boolean>();
    has = (codePoint: number) => {
      let found = known.get(codePoint);
      if (found === undefined) {
        found = font.hasGlyphForCodePoint(codePoint) || fallbackFor(font, codePoint) !== null;
        known.set(codePoint, found);
      }
      return found;
    };
    roleCoverages.set(font, has);
  }
  return has;
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

function drawableTable(table: TableView, fonts: LoadedFonts): TableView {
  const body = roleCoverage(roleFont(fonts, 'body'));
  const title = roleCoverage(roleFont(fonts, 'title'));
  const rows = (list: readonly Row[]) =>
    list.map((row) => ({
      ...row,
      cells: row.cells.map((cell) =>
        cell.kind === 'header'
          ? { ...cell, text: drawableText(cell.text, cell.role === 'block' ? title : body) }
          : cell,
      ),
    }));
  return {
    ...table,
    head: rows(table.head),
    groups: table.groups.map((group) => ({ ...group, rows: rows(group.rows) })),
  };
}

/**
 * The view with every text made drawable by the font of its role: the title (小标宋), the body and tables
 * (仿宋; table 二's block labels in the title's font, as drawn), 一、 headings (黑体), （一） headings (楷体).
 */
export function drawableView(view: ReportView, fonts: LoadedFonts = loadFonts()): ReportView {
  const with_ = (role: FontRole) => {
    const has = roleCoverage(roleFont(fonts, role));
    return (text: string) => drawableText(text, has);
  };
  const body = with_('body');
  const topic = with_('heading2');
  const paragraphs = (list: readonly ParagraphView[]) => list.map((p) => ({ ...p, text: body(p.text) }));
  const block = (b: BlockView): BlockView => {
    if (b.kind === 'table') return { ...b, table: drawableTable(b.table, fonts) };
    if (b.kind === 'topic')
      return {
        ...b,
        heading: topic(b.heading),
        numberedHeading: topic(b.numberedHeading),
        paragraphs: paragraphs(b.paragraphs),
      };
    return { ...b, paragraphs: paragraphs(b.paragraphs) };
  };
  const heading1 = with_('heading1');
  return {
    ...view,
    title: with_('title')(view.title),
    agencyName: body(view.agencyName),
    ...(view.publicationDateText ? { publicationDateText: body(view.publicationDateText) } : {}),
    preface: paragraphs(view.preface),
    sections: view.sections.map((section) => ({
      ...section,
      heading: heading1(section.heading),
      blocks: section.blocks.map(block),
    })),
  };
}
