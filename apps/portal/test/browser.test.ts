/**
 * The portal's pages in real Chromium (playwright-core): axe-core finds no violation on the list,
 * a report's page, the dashboard (charts drawn by the bundled ECharts, no network but the portal)
 * and the review list; on a phone nothing overflows sideways. The dashboard screenshot in the README
 * is taken here (NIANBAO_SCREENSHOT=1 writes it to docs/dashboard.png).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledExamples, validReport } from '@nianbao/fixtures';
import { launchChromium } from '@nianbao/fixtures/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, openPortal, type Portal, servePortal } from '../src/index.js';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

let browser: Browser;
let portal: Portal;
let server: { port: number; close(): Promise<void> };
let dir: string;
let base: string;
let reportPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-portal-browser-'));
  portal = await openPortal({ dataDir: dir });
  const admin = await addAgency(portal.db, { name: '政务公开办', code: 'admin', admin: true });
  if (!('token' in admin)) throw new Error(admin.message);
  const reports = [...bundledExamples().map((example) => example.report)];
  for (let seed = 1; seed <= 24; seed++) reports.push(validReport(seed % 2 ? '2021' : '2019', 700 + seed));
  for (const report of reports) {
    const answer = await portal.app.request('/api/reports', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: JSON.stringify(report),
    });
    if (answer.status !== 201) throw new Error(`${answer.status} ${await answer.text()}`);
  }
  reportPath = `/reports/${encodeURIComponent('1133010000250718X5-2023')}`;
  server = await servePortal(portal, 0, '127.0.0.1');
  base = `http://127.0.0.1:${server.port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await portal?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  // Only the portal itself: a chart library from a CDN would fail here.
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  if (path.startsWith('/dashboard')) await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
  const violations = await page.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: {
          run: (
            c: Document,
            o: object,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run;
    return (await run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('portal pages in Chromium', () => {
  it.each(['/', '/review', '/dashboard', '/?year=2023&level=municipal', 'REPORT'])(
    'axe finds no violation on %s, on a desktop and on a phone',
    async (path) => {
      const target = path === 'REPORT' ? reportPath : path;
      for (const width of [1280, 375]) {
        const page = await open(target, width);
        expect(await axe(page)).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${target} at ${width}px`).toBeLessThanOrEqual(0);
        await page.close();
      }
    },
  );

  it('the dashboard draws both charts from the aggregates and lists their figures', async () => {
    const page = await open('/dashboard');
    expect(await page.locator('#by-year svg').count()).toBe(1);
    expect(await page.locator('#by-region svg').count()).toBe(1);
    const rows = await page.locator('#tables tbody tr').count();
    expect(rows).toBeGreaterThan(2);
    await page.selectOption('#measure', 'disclosedShare');
    await page.waitForFunction(() => document.querySelector('#tables caption')?.textContent?.includes('予以公开'));
    await page.selectOption('#measure', 'applications');
    await page.waitForFunction(() => document.querySelector('#tables caption')?.textContent?.includes('新收'));
    const png = await page.screenshot({ fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    if (process.env.NIANBAO_SCREENSHOT === '1') writeFileSync(new URL('../docs/dashboard.png', import.meta.url), png);
    await page.close();
  });

  it('the list searches by name', async () => {
    const page = await open(`/?q=${encodeURIComponent('池州')}`);
    const names = await page.locator('tbody tr td:first-child').allTextContents();
    expect(names).toContain('池州市人民防空办公室');
    expect(names.every((name) => name.includes('池州'))).toBe(true);
    await page.close();
  });
});
