import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';

const require = createRequire(import.meta.url);

/** Font families registered with react-pdf (TTF from @expo-google-fonts, SIL Open Font License 1.1). */
export const SERIF = 'NianbaoNotoSerifSC';
export const SANS = 'NianbaoNotoSansSC';

/** The TTF files: react-pdf embeds the subset of glyphs a document uses. */
export const FONT_FILES = {
  serifRegular: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  serifBold: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
  sansRegular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
} as const;

let registered = false;

/**
 * Registers the fonts once per process. react-pdf then reads and parses each file on its first use
 * and keeps it: later renders reuse the parsed fonts.
 */
export function registerFonts(): void {
  if (registered) return;
  Font.register({
    family: SERIF,
    fonts: [
      { src: FONT_FILES.serifRegular, fontWeight: 400 },
      { src: FONT_FILES.serifBold, fontWeight: 700 },
    ],
  });
  Font.register({ family: SANS, fonts: [{ src: FONT_FILES.sansRegular, fontWeight: 400 }] });
  registered = true;
}

/** A parsed font (fontkit), as react-pdf hands it to pdfkit: what nianbao measures and draws with. */
export interface FontData {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

export interface LoadedFonts {
  serif: FontData;
  serifBold: FontData;
  sans: FontData;
}

let loaded: Promise<LoadedFonts> | undefined;

/** The parsed fonts, loaded once per process through react-pdf's font store (the very objects it draws with). */
export function loadFonts(): Promise<LoadedFonts> {
  registerFonts();
  loaded ??= (async () => {
    const get = async (fontFamily: string, fontWeight: number) => {
      await Font.load({ fontFamily, fontWeight });
      return Font.getFont({ fontFamily, fontWeight }).data as unknown as FontData;
    };
    return { serif: await get(SERIF, 400), serifBold: await get(SERIF, 700), sans: await get(SANS, 400) };
  })();
  return loaded;
}
