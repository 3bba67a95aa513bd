/**
 * `serve --extension` in the Debian Chromium: the editor lays out the row the example extension adds
 * (其他主动公开文件 in table 二) from the schema the server gives it, and its live check runs the
 * extension's rule at the cell, as the server does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyExtensions, loadExtensions } from '@nianbao/extension';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server/index.js';
import { launchChromium } from '@nianbao/fixtures/testing';
import { at } from './fill.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXTENSION = join(ROOT, 'examples/extensions/other-documents');
const ROW = '/sections/proactiveDisclosure/table/article20Item1/otherDocuments';

let folder: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'nianbao-e2e-ext-'));
  // The sample with the added row, its 现行有效件数 (2) below its 本年制发件数 (5): the rule fires.
  const text = readFileSync(join(ROOT, 'examples/sample-bureau-2021.yaml'), 'utf8').replace(
    '          inForce: 41  # 现行有效件数\n',
    '          inForce: 41  # 现行有效件数\n        otherDocuments:\n          issued: 5\n          repealed: 0\n          inForce: 2\n',
  );
  writeFileSync(join(folder, 'other.yaml'), text);
  const loaded = await loadExtensions([EXTENSION]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const applied = applyExtensions('2021', loaded.extensions);
  if (!applied.ok) throw new Error(JSON.stringify(applied.problems));
  server = await startServer({ folder, port: 0, extensions: { '2021': applied.applied } });
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
  rmSync(folder, { recursive: true, force: true });
});

describe('the publishing app with a local extension, in Chromium', () => {
  it('shows the added row with its label and checks it with the added rule', async () => {
    await page.getByRole('button', { name: 'other.yaml' }).click();
    const cell = page.locator(`input${at(`${ROW}/inForce`)}`);
    await expect.poll(() => cell.inputValue()).toBe('2');
    expect(await cell.getAttribute('aria-label')).toContain('其他主动公开文件');
    expect(await page.locator('table', { has: cell }).textContent()).toContain('其他主动公开文件');
    const td = page.locator('td', { has: cell });
    await expect.poll(() => td.getAttribute('class')).toBe('finding-error');
    await expect.poll(() => page.locator('.findings').textContent()).toContain('EXT-OTHER-INFORCE');
    await cell.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('9');
    await expect.poll(() => page.locator('.findings').textContent()).not.toContain('EXT-OTHER-INFORCE');
    expect(await td.getAttribute('class')).not.toBe('finding-error');
  });
});
