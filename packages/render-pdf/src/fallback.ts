/**
 * Fallback fonts for the scripts of agency names in autonomous regions: Tibetan, Mongolian, Uyghur
 * (Arabic script) and Yi. The Chinese fonts have none of them; Debian's fonts-noto-core has Noto fonts
 * for all four, used when installed (nothing is bundled: they are not on npm). A character a role's font
 * lacks is drawn with the first fallback that has it.
 *
 * These scripts need shaping (Tibetan stacks, Mongolian and Arabic joining forms), so a run of them is
 * laid out by fontkit's shapers through pdfkit (Universal Shaping Engine for Tibetan, fontkit's Arabic
 * shaper for Arabic and Mongolian), not by the plain character-map look-up the Chinese text uses.
 * Arabic is right to left: a run of it is drawn word by word from the right (fontkit reverses the
 * glyphs of each word); there is no full bidi algorithm (digits inside an Arabic run stay in logical
 * order). Mongolian is drawn horizontally (traditional Mongolian is vertical).
 */
import { existsSync } from 'node:fs';
import type { FontData } from './fonts.js';
import { loadFonts, openSparse } from './fonts.js';
import { setFontLabel } from './font-files.js';
import { basename } from 'node:path';

const NOTO = '/usr/share/fonts/truetype/noto';

/** Per script, the Noto files tried in order (Debian fonts-noto-core). */
export const FALLBACK_FONT_FILES = {
  Tibetan: [`${NOTO}/NotoSerifTibetan-Regular.ttf`, `${NOTO}/NotoSansTibetan-Regular.ttf`],
  Mongolian: [`${NOTO}/NotoSansMongolian-Regular.ttf`],
  Arabic: [`${NOTO}/NotoNaskhArabic-Regular.ttf`, `${NOTO}/NotoSansArabic-Regular.ttf`],
  Yi: [`${NOTO}/NotoSansYi-Regular.ttf`],
} as const;
export type FallbackScript = keyof typeof FALLBACK_FONT_FILES;

export interface ShapedFont extends FontData {
  layout(text: string): { advanceWidth: number };
}

let fallbacks: ShapedFont[] | undefined;

/** The installed fallback fonts, opened once per process. */
export function fallbackFonts(): readonly ShapedFont[] {
  if (!fallbacks) {
    fallbacks = [];
    for (const files of Object.values(FALLBACK_FONT_FILES)) {
      const file = files.find((candidate) => existsSync(candidate));
      if (!file) continue;
      const font = openSparse(file) as ShapedFont;
      setFontLabel(font, basename(file));
      fallbacks.push(font);
    }
  }
  return fallbacks;
}

/** Which fallback scripts are installed (for tests and messages). */
export function installedFallbacks(): FallbackScript[] {
  return (Object.keys(FALLBACK_FONT_FILES) as FallbackScript[]).filter((script) =>
    FALLBACK_FONT_FILES[script].some((file) => existsSync(file)),
  );
}

const MISSING_MARK = 0x3013; // 〓
const RTL = /[\p{Script=Arabic}]/u;

/** A stretch of text drawn with one font. */
export interface FontRun {
  font: FontData;
  text: string;
  /** Drawn with fontkit's shaping (a fallback font), not the plain look-up. */
  shaped: boolean;
  rtl: boolean;
}

const fallbackCache = new WeakMap<FontData, Map<number, FontData | null>>();

/** The fallback that draws `code` for `primary`, or null when `primary` has it or no fallback does. */
export function fallbackFor(primary: FontData, code: number): FontData | null {
  let known = fallbackCache.get(primary);
  if (!known) fallbackCache.set(primary, (known = new Map()));
  let font = known.get(code);
  if (font === undefined) {
    if (code < 0x80 || primary.hasGlyphForCodePoint(code)) font = null;
    // The 缺字 mark itself, in an office font without it (a Latin one): drawn from the bundled serif.
    else if (code === MISSING_MARK) font = loadFonts().serif;
    else font = fallbackFonts().find((fallback) => fallback.hasGlyphForCodePoint(code)) ?? null;
    known.set(code, font);
  }
  return font;
}

/** Splits text into runs by the font that draws each character; a space between two characters of one fallback run stays in it. */
export function fontRuns(primary: FontData, text: string): FontRun[] {
  const chars = Array.from(text);
  const runs: FontRun[] = [];
  const fontAt = (i: number) => fallbackFor(primary, chars[i]!.codePointAt(0)!);
  for (let i = 0; i < chars.length; i++) {
    let font = fontAt(i);
    if (font === null && chars[i] === ' ' && runs.length > 0) {
      const last = runs[runs.length - 1]!;
      let j = i;
      while (j < chars.length && chars[j] === ' ') j++;
      if (last.shaped && j < chars.length && fontAt(j) === last.font) font = last.font;
    }
    const last = runs[runs.length - 1];
    const drawing = font ?? primary;
    if (last && last.font === drawing) last.text += chars[i];
    else
      runs.push({ font: drawing, text: chars[i]!, shaped: font !== null, rtl: font !== null && RTL.test(chars[i]!) });
  }
  return runs;
}

/** Width of a shaped run in points. */
export function shapedWidth(font: FontData, text: string, size: number): number {
  return ((font as ShapedFont).layout(text).advanceWidth / font.unitsPerEm) * size;
}
