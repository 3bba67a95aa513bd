/// <reference lib="dom" />
/**
 * Keystroke to verdict in the publishing app (`nianbao serve`), in Chromium, on the seed report
 * (examples/chizhou-rfb-2020.yaml). Real keystrokes (playwright's keyboard) go into a table cell of
 * table 三; each one adds or removes a digit so that the validator's verdict changes (a total stops or
 * starts adding up). Measured in the page: from the input event's timestamp to the moment the new
 * verdict is in the DOM (a MutationObserver on the findings heading), i.e. the event, the React
 * update, validating the whole report and the commit; the paint that follows is not included.
 * Target: p95 ≤ 16 ms (one frame at 60 Hz).
 *
 *   npm run build && node bench/dist/editor.js [--keys 200]
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '@nianbao/publisher';
import { launchChromium } from '@nianbao/fixtures/testing';
import { summarize } from './stats.js';

const SEED = fileURLToPath(new URL('../../examples/chizhou-rfb-2020.yaml', import.meta.url));

async function main() {
  const { values } = parseArgs({ options: { keys: { type: 'string' } } });
  const keys = Number(values.keys ?? 200);
  const folder = mkdtempSync(join(tmpdir(), 'nianbao-bench-editor-'));
  copyFileSync(SEED, join(folder, 'seed.yaml'));
  const server = await startServer({ folder, port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'seed.yaml' }).click();
    await page.waitForSelector('table.grid');
    await page.evaluate(() => {
      const w = window as unknown as { samples: number[]; pending: number | undefined };
      w.samples = [];
      w.pending = undefined;
      document.addEventListener('input', (event) => (w.pending = event.timeStamp), true);
      new MutationObserver(() => {
        if (w.pending === undefined) return;
        w.samples.push(performance.now() - w.pending);
        w.pending = undefined;
      }).observe(document.querySelector('.findings h2')!, { childList: true, subtree: true, characterData: true });
    });
    const cell = page.locator('input[data-table="applications"]').first();
    await cell.focus();
    await page.keyboard.press('End');
    // Warm-up: the first keystrokes compile the validator's paths.
    for (let i = 0; i < 20; i++) await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
    await page.evaluate(() => {
      (window as unknown as { samples: number[] }).samples = [];
    });
    for (let i = 0; i < keys; i++) await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
    const samples = await page.evaluate(() => (window as unknown as { samples: number[] }).samples);
    const summary = summarize(samples);
    const round = (value: number) => Math.round(value * 100) / 100;
    console.log(
      JSON.stringify(
        {
          suite: 'editor keystroke to verdict (Chromium, chizhou-rfb-2020.yaml)',
          keystrokes: keys,
          measured: samples.length,
          medianMs: round(summary.median),
          p95Ms: round(summary.p95),
          maxMs: round(Math.max(...samples)),
          targetP95Ms: 16,
          met: summary.p95 <= 16,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
