/**
 * Which characters of a report the PDF cannot draw: the ones its fonts lack, which the PDF shows as 〓
 * (see ./glyphs.ts). Checked before rendering, so that `nianbao validate` can name each character and
 * its place in the source while the agency can still fix it (or install a font that has it).
 *
 * Its own entry point (`@nianbao/render-pdf/coverage`): it needs the fonts' character maps but not
 * react-pdf, so a validator loads it without the renderer.
 */
import type { JsonSchema, Report } from '@nianbao/template';
import { buildViewModel, type ParagraphView, type ReportView, type TableView } from '@nianbao/view-model';
import type { FontRole, FontRoles } from './config.js';
import { fontLabel } from './font-files.js';
import { loadFonts, roleFont } from './fonts.js';
import { isDrawable, isIgnorable, MISSING_GLYPH, roleCoverage } from './glyphs.js';

/** The legend under a table with cells not reported (document.tsx; here without react-pdf). */
const NOT_REPORTED_NOTE = '注：“—”表示原报告未填报该项数据。';

export { MISSING_GLYPH };
export { FONT_ROLES, ROLE_NAMES, parseFontConfig, parseFontOption, fontConfigSchema } from './config.js';
export type { ConfigProblem, ConfigResult, FontFace, FontRole, FontRoles, FontSpec } from './config.js';
export { openRoleFonts } from './fonts.js';
export { installedFallbacks, FALLBACK_FONT_FILES } from './fallback.js';

export interface MissingGlyph {
  /** The character as written (one code point; a surrogate pair for CJK Extension B). */
  char: string;
  codePoint: number;
  /** JSON Pointer of the text that holds it (the table, for a label of the schema or an extension). */
  pointer: string;
  /** The role whose font lacks it: title (小标宋), body (仿宋), heading1 (黑体), heading2 (楷体). */
  role: FontRole;
  /** The font file (and face) of that role: "NotoSerifSC_400Regular.ttf", an office's "FZFSK.TTF". */
  font: string;
}

export interface CoverageOptions {
  /** The edition's schema patched by local extensions, as given to renderPdf. */
  schema?: JsonSchema;
  /** The office's font per role, as given to renderPdf (checked with openRoleFonts first: a bad file throws here). */
  fonts?: FontRoles;
}

interface DrawnText {
  text: string;
  pointer: string;
  role: FontRole;
}

function tableTexts(table: TableView): DrawnText[] {
  const texts: DrawnText[] = [{ text: table.caption, pointer: table.pointer, role: 'body' }];
  for (const row of [...table.head, ...table.groups.flatMap((group) => group.rows)]) {
    for (const cell of row.cells) {
      if (cell.kind === 'header')
        texts.push({ text: cell.text, pointer: table.pointer, role: cell.role === 'block' ? 'title' : 'body' });
    }
  }
  return texts;
}

/** Every text the PDF draws, with the pointer of its place in the report and the role of its font. */
function drawnTexts(view: ReportView): DrawnText[] {
  const agency = '/metadata/agency/name';
  // The title is the agency name followed by fixed words; the 落款 is the agency name again, in the body font.
  const texts: DrawnText[] = [
    { text: view.title, pointer: agency, role: 'title' },
    { text: view.agencyName, pointer: agency, role: 'body' },
  ];
  if (view.publicationDateText) texts.push({ text: view.publicationDateText, pointer: '/metadata', role: 'body' });
  const body = (list: readonly ParagraphView[]) => list.map((p) => ({ ...p, role: 'body' as const }));
  texts.push(...body(view.preface));
  for (const section of view.sections) {
    texts.push({ text: section.heading, pointer: section.pointer, role: 'heading1' });
    for (const block of section.blocks) {
      if (block.kind === 'table') {
        texts.push(...tableTexts(block.table));
        continue;
      }
      if (block.kind === 'topic') {
        const own = block.heading !== block.officialHeading;
        const pointer = own ? `${block.pointer}/heading` : block.pointer;
        texts.push({ text: block.numberedHeading, pointer, role: 'heading2' });
      }
      texts.push(...body(block.paragraphs));
    }
  }
  // The page numbers (— 1 —) and the legend under a table with cells not reported, in the body font.
  texts.push({ text: '— —', pointer: '', role: 'body' });
  if (view.hasNotReported) texts.push({ text: NOT_REPORTED_NOTE, pointer: '', role: 'body' });
  return texts;
}

/**
 * The characters of `report` the fonts of their roles lack (after the fallbacks for Tibetan, Mongolian,
 * Uyghur and Yi), each once per place and role, in document order. A report the view model cannot read
 * (not a valid report) gives none: its validation findings come first.
 */
export function missingGlyphs(report: Report, options: CoverageOptions = {}): MissingGlyph[] {
  let view: ReportView;
  try {
    view = buildViewModel(report, { schema: options.schema });
  } catch {
    return [];
  }
  const fonts = loadFonts(options.fonts);
  const found: MissingGlyph[] = [];
  const seen = new Set<string>();
  for (const { text, pointer, role } of drawnTexts(view)) {
    const font = roleFont(fonts, role);
    const has = roleCoverage(font);
    for (const char of text) {
      if (isIgnorable(char) || isDrawable(char, has)) continue;
      const key = `${pointer}\u0000${role}\u0000${char}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ char, codePoint: char.codePointAt(0)!, pointer, role, font: fontLabel(font) ?? 'font' });
    }
  }
  return found;
}
