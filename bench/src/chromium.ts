/** Headless Chromium printing nianbao's HTML page, the way a user would get a PDF without nianbao's renderer. */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Printer {
  browser: Browser;
  page: Page;
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** One browser and one page, reused for every document (the fair warm comparison). */
export async function launchPrinter(): Promise<Printer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
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
