import { createElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import type { JsonSchema, Report } from '@nianbao/template';
import { buildViewModel, type ReportView } from '@nianbao/view-model';
import { ReportDocument, type DocumentInfo } from './document.js';
import type { FontRoles } from './config.js';
import { loadFonts } from './fonts.js';
import { cacheFontObjects, plainLayoutFor } from './pdfkit-fonts.js';
import { drawableView } from './glyphs.js';
import { watchDocuments } from './tagging.js';
import { packObjects } from './pack.js';

export { cjkBreakUnits, cjkHyphenation } from './cjk.js';
export { FONT_FILES } from './fonts.js';
export { MISSING_GLYPH } from './glyphs.js';
export { missingGlyphs, type CoverageOptions, type MissingGlyph } from './coverage.js';
export {
  FONT_ROLES,
  ROLE_NAMES,
  fontConfigSchema,
  parseFontConfig,
  parseFontOption,
  type ConfigProblem,
  type ConfigResult,
  type FontFace,
  type FontRole,
  type FontRoles,
  type FontSpec,
} from './config.js';
export { openRoleFonts, roleFont, type RoleFontsResult } from './fonts.js';
export { FALLBACK_FONT_FILES, installedFallbacks } from './fallback.js';
export { NOT_REPORTED_NOTE } from './document.js';

export interface PdfOptions {
  /**
   * PDF/A-2b: XMP metadata with pdfaid part 2 conformance B, an sRGB output intent with its ICC profile
   * embedded, all fonts embedded (see README for what is and is not verified).
   */
  pdfa?: boolean;
  /** The edition's schema patched by local extensions (@nianbao/extension): added rows are shown. */
  schema?: JsonSchema;
  /**
   * The office's font file per role (title 小标宋, body 仿宋, heading1 黑体, heading2 楷体), instead of the
   * open defaults; embedded as subsets. Check them first with `openRoleFonts` (a file that cannot be
   * used throws here) and the report with `missingGlyphs(report, { fonts })`.
   */
  fonts?: FontRoles;
  /**
   * A tagged PDF (the default; `false` for none): a structure tree (H1–H3, P, Table/TR/TH/TD) over marked
   * content, rules and page numbers as artifacts, for screen readers and reflow. About 9 KB per report.
   */
  tagged?: boolean;
}

/**
 * Document metadata text goes into the XMP packet unescaped (pdfkit writes it as is), so the XML
 * specials become their full-width forms there and in the Info dictionary alike.
 */
const metadataText = (text: string) => text.replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞');

export function documentInfo(view: ReportView, options: PdfOptions = {}): DocumentInfo {
  // The report's own date, never the clock: the same report gives the same bytes.
  const date = new Date(`${view.documentDate}T00:00:00Z`);
  return {
    title: metadataText(view.title),
    author: metadataText(view.agencyName),
    subject: metadataText(`${view.reportYear}年政府信息公开工作年度报告（${view.editionIssuedWith}格式）`),
    keywords: '政府信息公开工作年度报告',
    creationDate: date,
    // react-pdf would write it under the non-standard key /ModificationDate (not /ModDate), and
    // pdfkit's XMP has no xmp:ModifyDate for PDF/A to match: so there is none.
    modificationDate: undefined,
    pdfa: options.pdfa === true,
    tagged: options.tagged !== false,
  };
}

/** Renders a validated report as an A4 PDF. Deterministic: the same report and options give the same bytes. */
export async function renderPdf(report: Report, options: PdfOptions = {}): Promise<Uint8Array> {
  const fonts = loadFonts(options.fonts);
  cacheFontObjects();
  watchDocuments();
  plainLayoutFor([fonts.serif, fonts.serifBold, fonts.sans, ...(fonts.kai ? [fonts.kai] : [])]);
  const view = buildViewModel(report, { schema: options.schema });
  // The metadata keeps the text as written; the pages draw it with the embedded fonts' glyphs only.
  const drawn = drawableView(view, fonts);
  const buffer = await renderToBuffer(
    createElement(ReportDocument, { view: drawn, info: documentInfo(view, options), fonts }) as Parameters<
      typeof renderToBuffer
    >[0],
  );
  // Small objects into compressed object streams: the same pages, fewer bytes (pack.ts).
  return packObjects(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
}

// The building blocks, for other documents in the same look (e.g. @nianbao/compare's comparison PDF):
// the fonts, CJK line breaking with 避头尾, drawing text on react-pdf canvases, the page margins.
export { loadFonts, type FontData, type LoadedFonts } from './fonts.js';
export { baselineIn, breakLines, drawText, type Painter } from './painter.js';
export { textWidth } from './metrics.js';
export { cacheFontObjects, plainLayoutFor } from './pdfkit-fonts.js';
export { drawableText } from './glyphs.js';
export { MARGINS } from './document.js';
