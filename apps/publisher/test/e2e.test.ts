/**
 * End to end in the Debian Chromium: from an empty folder, the 2021 sample report is made entirely
 * through the UI (metadata typed, paragraphs typed, tables pasted as tab-separated blocks) and the
 * saved file equals examples/sample-bureau-2021.yaml in content; a broken total shows its finding at
 * the cell; the totals are filled; the report is published; a conflict is decided; next year's report
 * starts from it; axe-core finds no violation on any screen.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateReport } from '@nianbao/validator';
import { startServer, type RunningServer } from '../src/server/index.js';
import { launchChromium } from '@nianbao/fixtures/testing';
import { at, pasteInto, pasteTables, typeMetadata, typeNarrative } from './fill.js';

const SAMPLE_FILE = fileURLToPath(new URL('../../../examples/sample-bureau-2021.yaml', import.meta.url));
const PUBLISHED = fileURLToPath(new URL('../../../examples/published/chizhou-rfb-2020.txt', import.meta.url));
const SCREENSHOT = fileURLToPath(new URL('../editor-finding.png', import.meta.url));
const sample = parse(readFileSync(SAMPLE_FILE, 'utf8'));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TOTAL = '/sections/applications/table/newApplications/total';

let folder: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

async function axeViolations(): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') does not apply.
  await page.evaluate(`${AXE};0`);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe.run();
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  });
  return violations;
}

const saved = (name: string) => parse(readFileSync(join(folder, name), 'utf8'));
const save = async () => {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => page.locator('.status').textContent()).toContain('已保存');
};

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  server = await startServer({ folder, port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the publishing app in Chromium', () => {
  it('shows the empty folder, with no axe violation', async () => {
    await expect.poll(() => page.locator('main').textContent()).toContain('目录中还没有报告');
    expect(await axeViolations()).toEqual([]);
  });

  it('creates the 2021 sample report entirely through the UI', async () => {
    await page.locator('input[name="year"]').fill('2023');
    await page.locator('select[name="edition"]').selectOption('2021');
    await page.locator('input[name="file"]').fill('sample.yaml');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.waitForSelector('table.grid');
    await typeMetadata(page, sample.metadata);
    await typeNarrative(page, sample, '2021');
    await pasteTables(page, sample, '2021');
    await save();
    const document = saved('sample.yaml');
    expect(document).toEqual(sample);
    expect(validateReport(document).findings).toEqual([]);
    await expect.poll(() => page.locator('.findings h2').textContent()).toContain('错误 0，警告 0');
  });

  it('shows a broken total at its cell with what it should be, and in the list', async () => {
    const cell = page.locator(`input${at(TOTAL)}`);
    await cell.focus();
    await page.keyboard.type('100');
    const td = page.locator('td', { has: cell });
    await expect.poll(() => td.getAttribute('class')).toBe('finding-error');
    await expect.poll(() => td.locator('.note').textContent()).toContain('应为 101');
    await cell.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: SCREENSHOT });
    const item = page.locator('.findings button', { hasText: 'B-ROW' });
    await page.locator(`input${at('/metadata/agency/name')}`).focus();
    await item.click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pointer'))).toBe(TOTAL);
    expect(await axeViolations()).toEqual([]);
  });

  it('fills every total, undoes and redoes', async () => {
    await page.getByRole('button', { name: '填入全部合计' }).click();
    const cell = page.locator(`input${at(TOTAL)}`);
    await expect.poll(() => cell.inputValue()).toBe('101');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell.inputValue()).toBe('100');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell.inputValue()).toBe('101');
  });

  it('moves like a spreadsheet and keeps not reported apart from 0', async () => {
    const first = page.locator(`input${at('/sections/applications/table/newApplications/naturalPerson')}`);
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pointer'))).toBe(
      '/sections/applications/table/carriedOverFromLastYear/naturalPerson',
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('/');
    await page.keyboard.press('Enter');
    await page.keyboard.type('0');
    await save();
    const table = saved('sample.yaml').sections.applications.table;
    expect(table.carriedOverFromLastYear.legalPersonOrOtherOrganization.commercialEnterprise).toBeNull();
    expect(table.results.disclosed.legalPersonOrOtherOrganization.commercialEnterprise).toBe(0);
    // Back to the sample's values with one paste.
    await pasteInto(
      page,
      '/sections/applications/table/carriedOverFromLastYear/legalPersonOrOtherOrganization/commercialEnterprise',
      '1\n4',
    );
    await save();
    expect(saved('sample.yaml')).toEqual(sample);
  });

  it("asks when the file changed on disk, and keeps the clerk's choice", async () => {
    const text = readFileSync(join(folder, 'sample.yaml'), 'utf8');
    writeFileSync(join(folder, 'sample.yaml'), text.replace('0000-00000001', '0000-99999999'));
    await page.locator(`input${at('/metadata/contact/department')}`).fill('办公室（政务公开科）');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(readFileSync(join(folder, 'sample.yaml'), 'utf8')).toContain('0000-99999999');
    await page.getByRole('button', { name: '载入磁盘上的版本（放弃我的修改）' }).click();
    await expect.poll(() => page.locator(`input${at('/metadata/contact/fax')}`).inputValue()).toBe('0000-99999999');
    await page.locator(`input${at('/metadata/contact/fax')}`).fill('0000-00000001');
    await save();
    expect(saved('sample.yaml')).toEqual(sample);
  });

  it('publishes what nianbao build writes', async () => {
    await page.getByRole('button', { name: '发布' }).click();
    await page.locator('.notice.published').waitFor();
    const out = join(folder, 'out', 'sample');
    expect(readdirSync(out).sort()).toEqual([
      'datapackage.json',
      'fragment-inline.html',
      'fragment.html',
      'index.html',
      'report.csv',
      'report.json',
      'report.pdf',
    ]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('某市示范局（示例数据）');
  });

  it('shows the page preview', async () => {
    await page.getByRole('button', { name: '网页预览' }).click();
    const frame = page.frameLocator('iframe[title="网页预览"]');
    await expect
      .poll(() => frame.locator('body').textContent(), { timeout: 20000 })
      .toContain('某市示范局（示例数据）');
    expect(await axeViolations()).toEqual([]);
  });

  it('starts next year from this one: 上年结转 carried, narrative as a draft', async () => {
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.locator('table.reports').waitFor();
    expect(await page.locator('table.reports tbody tr').first().textContent()).toContain('某市示范局（示例数据）');
    expect(await axeViolations()).toEqual([]);
    await page.locator('input[name="year"]').fill('2024');
    await page.locator('select[name="from"]').selectOption('sample.yaml');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.waitForSelector('table.grid');
    const carried = page.locator(`input${at('/sections/applications/table/carriedOverFromLastYear/total')}`);
    expect(await carried.inputValue()).toBe('7');
    expect(await page.locator(`input${at('/sections/applications/table/newApplications/total')}`).inputValue()).toBe(
      '',
    );
    expect(await page.locator('.notice').textContent()).toContain('叙述部分沿用了上年的文字');
    expect(existsSync(join(folder, 'report-2024.yaml'))).toBe(true);
    expect(await axeViolations()).toEqual([]);
  });

  it('starts from a published page: a draft, with the text it could not place shown', async () => {
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.locator('table.reports').waitFor();
    await page.locator('input[type="file"]').setInputFiles(PUBLISHED);
    await page.waitForSelector('table.grid');
    expect(await page.locator('h1').textContent()).toContain('池州市人民防空办公室');
    expect(existsSync(join(folder, 'chizhou-rfb-2020.yaml'))).toBe(true);
    expect(await axeViolations()).toEqual([]);
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.toolbar').textContent()).toContain('Save');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await axeViolations()).toEqual([]);
  });

  it('lays out at tablet width without a horizontal page scroll', async () => {
    await page.setViewportSize({ width: 800, height: 1100 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
