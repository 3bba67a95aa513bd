/**
 * The fonts (TTF from @expo-google-fonts, SIL Open Font License 1.1), parsed once per process with
 * fontkit and handed to pdfkit, which embeds the subset of glyphs a document uses.
 *
 * Each TTF is 10–15 MB, nearly all of it the `glyf` table (the outlines of ~30,000 glyphs), and a report
 * draws a few hundred of them: reading the three files made a large part of the first document's time.
 * So a font is read sparsely: everything before and after its `glyf` table (the directory, the character
 * map, metrics, `loca`: about 0.5 MB) at once, and the outline of a glyph when fontkit first asks for it
 * (`getGlyph`, through which every use of a glyph passes: measuring, embedding, composite parts).
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import * as fontkit from 'fontkit';
import { FONT_ROLES, type FontRole, type FontRoles } from './config.js';
import { openFontFile, setFontLabel } from './font-files.js';

const require = createRequire(import.meta.url);

/** The TTF files: pdfkit embeds the subset of glyphs a document uses. */
export const FONT_FILES = {
  serifRegular: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  serifBold: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
  sansRegular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
} as const;

/** A parsed font (fontkit), as pdfkit takes it: what nianbao measures and draws with. */
export interface FontData {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

/**
 * The 楷体 role (（一） topic headings): LXGW WenKai, a 楷体-style open TTF from Debian's
 * fonts-lxgw-wenkai (not on npm). Used when installed; otherwise the topic headings stay in bold serif.
 */
export const KAI_FONT_FILE = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf';

export interface LoadedFonts {
  /** Body text, tables, page numbers, 落款 (the role of 仿宋/宋体). */
  serif: FontData;
  /** Title (the role of 小标宋) and topic headings. */
  serifBold: FontData;
  /** Section headings (the role of 黑体). */
  sans: FontData;
  /** Topic headings (the role of 楷体), when fonts-lxgw-wenkai is installed. */
  kai: FontData | undefined;
}

interface Fontkit {
  create(buffer: Uint8Array): SparseFont;
}
interface SparseFont extends FontData {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca: { offsets: number[] };
  getGlyph(id: number, codePoints?: number[]): unknown;
}

/** Reads the whole file but the outlines; outlines on first use. */
export function openSparse(file: string): FontData {
  const fd = openSync(file, 'r');
  const size = fstatSync(fd).size;
  const buffer = new Uint8Array(size);
  const read = (from: number, to: number) => {
    for (let at = from; at < to; ) {
      const n = readSync(fd, buffer, at, to - at, at);
      if (n <= 0) throw new Error(`${file}: unexpected end of file at ${at}`);
      at += n;
    }
  };
  // The table directory first, to find the outlines.
  read(0, Math.min(size, 12));
  const tables = ((buffer[4]! << 8) | buffer[5]!) >>> 0;
  read(12, Math.min(size, 12 + 16 * tables));
  let glyf: { offset: number; length: number } | undefined;
  for (let i = 0; i < tables; i++) {
    const at = 12 + 16 * i;
    if (String.fromCharCode(buffer[at]!, buffer[at + 1]!, buffer[at + 2]!, buffer[at + 3]!) === 'glyf') {
      const u32 = (p: number) =>
        ((buffer[p]! << 24) | (buffer[p + 1]! << 16) | (buffer[p + 2]! << 8) | buffer[p + 3]!) >>> 0;
      glyf = { offset: u32(at + 8), length: u32(at + 12) };
    }
  }
  if (!glyf) {
    // Not a TrueType-outline font: read it whole.
    read(0, size);
    closeSync(fd);
    return (fontkit as unknown as Fontkit).create(buffer);
  }
  read(0, glyf.offset);
  read(Math.min(size, glyf.offset + glyf.length), size);
  const font = (fontkit as unknown as Fontkit).create(buffer);
  const offsets = font.loca.offsets;
  const loaded = new Uint8Array(offsets.length);
  const getGlyph = font.getGlyph.bind(font);
  const base = glyf.offset;
  // The file stays open for the process, like the parsed font.
  font.getGlyph = (id: number, codePoints?: number[]) => {
    if (loaded[id] === 0 && id >= 0 && id + 1 < offsets.length) {
      read(base + offsets[id]!, base + offsets[id + 1]!);
      loaded[id] = 1;
    }
    return getGlyph(id, codePoints);
  };
  return font;
}

let loaded: LoadedFonts | undefined;

/** The bundled fonts (open defaults), loaded once per process. */
function defaultFonts(): LoadedFonts {
  if (!loaded) {
    loaded = {
      serif: openSparse(FONT_FILES.serifRegular),
      serifBold: openSparse(FONT_FILES.serifBold),
      sans: openSparse(FONT_FILES.sansRegular),
      kai: existsSync(KAI_FONT_FILE) ? openSparse(KAI_FONT_FILE) : undefined,
    };
    for (const [font, file] of [
      [loaded.serif, FONT_FILES.serifRegular],
      [loaded.serifBold, FONT_FILES.serifBold],
      [loaded.sans, FONT_FILES.sansRegular],
      [loaded.kai, KAI_FONT_FILE],
    ] as const)
      if (font) setFontLabel(font, basename(file));
  }
  return loaded;
}

/** Where each role's font sits in LoadedFonts (the names predate the roles). */
const ROLE_SLOTS = { title: 'serifBold', body: 'serif', heading1: 'sans', heading2: 'kai' } as const;

export type RoleFontsResult =
  | { ok: true; fonts: LoadedFonts }
  | { ok: false; problems: { role: FontRole; file: string; message: { zh: string; en: string } }[] };

/** The fonts with each role the config names replaced by its file; a file that cannot be used is a problem. */
export function openRoleFonts(roles: FontRoles = {}): RoleFontsResult {
  const fonts: LoadedFonts = { ...defaultFonts() };
  const problems: { role: FontRole; file: string; message: { zh: string; en: string } }[] = [];
  for (const role of FONT_ROLES) {
    const spec = roles[role];
    if (spec === undefined) continue;
    const face = typeof spec === 'string' ? { file: spec } : spec;
    const opened = openFontFile(face);
    if (opened.ok) fonts[ROLE_SLOTS[role]] = opened.font;
    else problems.push({ role, file: face.file, message: opened.message });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fonts };
}

/** The parsed fonts, loaded once per process; `roles` replaces the open defaults (throws if a file cannot be used). */
export function loadFonts(roles?: FontRoles): LoadedFonts {
  if (!roles || Object.keys(roles).length === 0) return defaultFonts();
  const result = openRoleFonts(roles);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.role}: ${p.message.en}`).join('; '));
  return result.fonts;
}

/** The font that draws each role (the 楷体 role falls back to the title's bold serif without LXGW WenKai). */
export function roleFont(fonts: LoadedFonts, role: FontRole): FontData {
  return role === 'heading2' ? (fonts.kai ?? fonts.serifBold) : fonts[ROLE_SLOTS[role]]!;
}
