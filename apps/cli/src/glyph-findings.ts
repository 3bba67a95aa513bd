/**
 * I-GLYPH: characters the PDF's fonts lack (Tibetan, Mongolian, Uyghur or Yi agency names; CJK
 * Extension B in names), which the PDF shows as 〓. A warning at the text's pointer, so the agency
 * sees it before publishing. @nianbao/render-pdf/coverage is imported only here, when a command asks:
 * it reads the fonts' character maps, but not the PDF renderer.
 */
import type { Finding } from '@nianbao/validator';
import type { FontRoles } from '@nianbao/render-pdf/coverage';
import type { JsonSchema, Report } from '@nianbao/template';

export const GLYPH_RULE = 'I-GLYPH';

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The I-GLYPH warnings of `report`. None when the renderer's package cannot be loaded (a CLI copied
 * without its node_modules): without its fonts there is nothing to check against.
 */
export async function glyphFindings(report: unknown, schema?: JsonSchema, fonts: FontRoles = {}): Promise<Finding[]> {
  let coverage: typeof import('@nianbao/render-pdf/coverage');
  try {
    coverage = await import('@nianbao/render-pdf/coverage');
  } catch {
    return [];
  }
  const mark = coverage.MISSING_GLYPH;
  return coverage.missingGlyphs(report as Report, { schema, fonts }).map(({ char, codePoint, pointer, role, font }) => {
    const name = coverage.ROLE_NAMES[role];
    return {
      ruleId: GLYPH_RULE,
      severity: 'warning',
      pointer,
      actual: char,
      message: {
        zh: `「${char}」${hex(codePoint)}：${name.zh}字体 ${font} 没有这个字，PDF 中将显示为${mark}。`,
        en: `「${char}」${hex(codePoint)}: the ${name.en} font ${font} lacks this character; the PDF would show ${mark} in its place.`,
      },
    };
  });
}
