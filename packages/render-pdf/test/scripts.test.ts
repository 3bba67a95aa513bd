/**
 * Agency names in Tibetan, Mongolian, Uyghur (Arabic script) and Yi: drawn with the Noto fonts of
 * Debian's fonts-noto-core (scripts/system-deps.mjs installs it for the tests), shaped by fontkit,
 * embedded as subsets, extractable as text; I-GLYPH has nothing to say about them. CJK Extension B,
 * which no installed font has, still gets its finding (test/coverage.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '@nianbao/template';
import { FALLBACK_FONT_FILES, installedFallbacks, missingGlyphs, renderPdf } from '../src/index.js';
import { clone, examples } from './examples.js';

vi.setConfig({ testTimeout: 60_000 });
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-scripts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The agency names, with the Noto font each must be embedded in. */
const NAMES = {
  Tibetan: { text: 'བོད་ལྗོངས་ལྷ་ས་གྲོང་ཁྱེར་', font: 'NotoSerifTibetan-Regular' },
  Mongolian: { text: 'ᠥᠪᠥᠷ ᠮᠣᠩᠭᠣᠯ', font: 'NotoSansMongolian-Regular' },
  Arabic: { text: 'ئۇيغۇر ئاپتونوم رايونى', font: 'NotoNaskhArabic-Regular' },
  Yi: { text: 'ꆈꌠꁱꂷ', font: 'NotoSansYi-Regular' },
} as const;

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function withAgency(name: string): Report {
  const report = clone(examples[0]!.report) as Report;
  report.metadata.agency.name = `${name}人民政府办公室`;
  return report;
}

describe('fallback fonts for the scripts of autonomous regions', () => {
  it('are installed here (Debian fonts-noto-core)', () => {
    const missing = Object.entries(FALLBACK_FONT_FILES)
      .filter(([, files]) => !files.some((file) => existsSync(file)))
      .map(([script]) => script);
    expect(missing, `no Noto font for ${missing.join(', ')}: apt-get install fonts-noto-core`).toEqual([]);
    expect(installedFallbacks()).toEqual(['Tibetan', 'Mongolian', 'Arabic', 'Yi']);
  });

  it.each(Object.entries(NAMES))('%s: no I-GLYPH finding', (_script, { text }) => {
    expect(missingGlyphs(withAgency(text))).toEqual([]);
  });

  it.each(Object.entries(NAMES))(
    '%s: embedded as a subset and extracted as written',
    async (script, { text, font }) => {
      const file = join(tmp, `${script}.pdf`);
      writeFileSync(file, await renderPdf(withAgency(text)));
      const listed = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(listed).toMatch(new RegExp(`[A-Z]{6}\\+${font} +CID TrueType +Identity-H +yes +yes +yes`));
      const extracted = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' })
        .replace(BIDI_CONTROLS, '')
        .replace(/\s+/g, ' ');
      expect(extracted).not.toContain('〓');
      if (script === 'Tibetan') {
        // pdftotext puts a vowel sign before its stack (ToUnicode maps each shaped glyph; the order of
        // marks within a syllable is the extractor's): every character of the name is there, in its count.
        const sorted = (value: string) =>
          [...value]
            .filter((c) => /\p{Script=Tibetan}/u.test(c))
            .sort()
            .join('');
        const page = extracted.slice(0, extracted.indexOf('人民政府办公室'));
        expect(sorted(page)).toBe(sorted(text));
      } else {
        for (const word of text.split(' ')) expect(extracted).toContain(word);
      }
    },
  );

  it('draws all four in one title (the picture in the README)', async () => {
    const file = join(tmp, 'all.pdf');
    const name = Object.values(NAMES)
      .map((entry) => entry.text)
      .join(' ');
    writeFileSync(file, await renderPdf(withAgency(name)));
    const png = fileURLToPath(new URL('../docs/autonomous-region-title', import.meta.url));
    // The title area of page 1 at 100 dpi (A4 is 827 px wide).
    execFileSync('pdftoppm', [
      '-r',
      '100',
      '-png',
      '-singlefile',
      '-f',
      '1',
      '-l',
      '1',
      '-x',
      '60',
      '-y',
      '120',
      '-W',
      '707',
      '-H',
      '150',
      file,
      png,
    ]);
    expect(existsSync(`${png}.png`)).toBe(true);
    const listed = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    for (const { font } of Object.values(NAMES)) expect(listed).toContain(`+${font} `);
  });

  it('shapes Uyghur: joining forms, not the isolated letters, right to left', () => {
    const naskh = (fontkit as unknown as { openSync(f: string): ShapingFont }).openSync(FALLBACK_FONT_FILES.Arabic[0]);
    const word = 'ئۇيغۇر';
    const shaped = naskh.layout(word);
    const isolated = [...word].map((char) => naskh.glyphForCodePoint(char.codePointAt(0)!).id);
    expect(shaped.direction).toBe('rtl');
    expect(shaped.glyphs.map((glyph) => glyph.id)).not.toEqual([...isolated].reverse());
  });
});

interface ShapingFont {
  layout(text: string): { direction: string; glyphs: { id: number }[] };
  glyphForCodePoint(codePoint: number): { id: number };
}
