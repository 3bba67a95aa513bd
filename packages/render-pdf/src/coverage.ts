/**
 * Which characters of a report the PDF cannot draw: the ones its fonts lack, which the PDF shows as 〓
 * (see ./glyphs.ts). Checked before rendering, so that `nianbao validate` can name each character and
 * its place in the source while the agency can still fix it (or install a font that has it).
 *
 * Its own entry point (`@nianbao/render-pdf/coverage`): it needs the fonts' character maps but not
 * react-pdf, so a validator loads it without the renderer.
 */
import type { JsonSchema, Report } from '@nianbao/template';
import { buildViewModel, type ReportView } from '@nianbao/view-model';
import { fontCoverage, isDrawable, isIgnorable, MISSING_GLYPH } from './glyphs.js';

export { MISSING_GLYPH };

export interface MissingGlyph {
  /** The character as written (one code point; a surrogate pair for CJK Extension B). */
  char: string;
  codePoint: number;
  /** JSON Pointer of the text that holds it (the table, for a label of the schema or an extension). */
  pointer: string;
}

export interface CoverageOptions {
  /** The edition's schema patched by local extensions, as given to renderPdf. */
  schema?: JsonSchema;
}

/** Every text the PDF draws, with the pointer of its place in the report. */
function drawnTexts(view: ReportView): { text: string; pointer: string }[] {
  // The title is the agency name followed by fixed words; the 落款 is the agency name again.
  const texts = [{ text: view.agencyName, pointer: '/metadata/agency/name' }];
  texts.push(...view.preface);
  for (const section of view.sections) {
    texts.push({ text: section.heading, pointer: section.pointer });
    for (const block of section.blocks) {
      if (block.kind === 'table') {
        const table = block.table;
        texts.push({ text: table.caption, pointer: table.pointer });
        for (const row of [...table.head, ...table.groups.flatMap((group) => group.rows)]) {
          for (const cell of row.cells) {
            if (cell.kind === 'header') texts.push({ text: cell.text, pointer: table.pointer });
          }
        }
        continue;
      }
      if (block.kind === 'topic') {
        const own = block.heading !== block.officialHeading;
        texts.push({ text: block.heading, pointer: own ? `${block.pointer}/heading` : block.pointer });
      }
      texts.push(...block.paragraphs);
    }
  }
  return texts;
}

/**
 * The characters of `report` the PDF's fonts lack, each once per place, in document order. A report
 * the view model cannot read (not a valid report) gives none: its validation findings come first.
 */
export function missingGlyphs(report: Report, options: CoverageOptions = {}): MissingGlyph[] {
  let view: ReportView;
  try {
    view = buildViewModel(report, { schema: options.schema });
  } catch {
    return [];
  }
  const has = fontCoverage();
  const found: MissingGlyph[] = [];
  const seen = new Set<string>();
  for (const { text, pointer } of drawnTexts(view)) {
    for (const char of text) {
      if (isIgnorable(char) || isDrawable(char, has)) continue;
      const key = `${pointer}\u0000${char}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ char, codePoint: char.codePointAt(0)!, pointer });
    }
  }
  return found;
}
