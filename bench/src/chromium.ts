/** Headless Chromium printing nianbao's HTML page, the way a user would get a PDF without nianbao's renderer. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@nianbao/fixtures/testing';
import { FONT_FILES } from '@nianbao/render-pdf';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '@nianbao/fixtures/testing';

export interface Printer {
  browser: Browser;
  page: Page;
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * A fontconfig file that adds the very TTF files nianbao's PDF embeds (Noto Serif SC 400/700, Noto Sans
 * SC 400) to the system's fonts, so that Chromium sets the page's Chinese in the same fonts: without a
 * CJK font on the machine it would print empty boxes, which is faster and smaller and no comparison.
 */
export function fontConfigFile(): string {
  const dir = join(tmpdir(), 'nianbao-bench-fontconfig');
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const fontDirs = [...new Set(Object.values(FONT_FILES).map((file) => dirname(file)))];
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${fontDirs.map((fontDir) => `  <dir>${fontDir}</dir>`).join('\n')}
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`,
  );
  return file;
}

/** PDF bytes name their embedded fonts in the clear (/BaseFont /ABCDEF+NotoSerifSC-Regular). */
export function embedsNotoSerifSC(pdf: Uint8Array): boolean {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).includes('NotoSerifSC');
}

/** One browser and one page, reused for every document (the fair warm comparison). */
export async function launchPrinter(): Promise<Printer> {
  const browser = await launchChromium({ env: { ...process.env, FONTCONFIG_FILE: fontConfigFile() } });
  const page = await browser.newPage();
  return {
    browser,
    page,
    async print(html) {
      await page.setContent(html);
      return page.pdf({ format: 'A4' });
    },
    close: () => browser.close(),
  };
}
