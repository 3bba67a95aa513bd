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
