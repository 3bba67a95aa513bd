/**
 * The pages in a real browser (Debian's Chromium, driven by playwright-core): axe-core finds no
 * accessibility violation, the tables scroll inside their region on a phone, hostile text stays text,
 * and the headers="" associations name the official labels.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@nianbao/fixtures/testing';
import type { Browser, Page } from 'playwright-core';
import { renderHtmlFragment, renderHtmlPage } from '../src/index.js';
import { examples } from './examples.js';
import { hostile, payloads } from './payloads.js';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(html: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  // No network: the page must not need any.
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe.each(examples)('$name in Chromium', ({ report }) => {
  it('axe-core reports 0 violations on the page', async () => {
    const page = await open(renderHtmlPage(report));
    try {
      expect(await axe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('axe-core reports 0 violations on the fragment inside a CMS-like page', async () => {
    const host = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CMS</title></head><body><header><p>Site</p></header><main><h1>信息公开</h1>${renderHtmlFragment(report, { headingLevel: 2, idPrefix: 'r-' })}</main></body></html>`;
    const page = await open(host);
    try {
      expect(await axe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('on a phone, tables scroll horizontally inside their region instead of being squashed', async () => {
    const page = await open(renderHtmlPage(report), 375);
    try {
      const metrics = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        wraps: [...document.querySelectorAll('.nb-table-wrap')].map((wrap) => {
          const table = wrap.querySelector('table')!;
          return {
            role: wrap.getAttribute('role'),
            tabindex: wrap.getAttribute('tabindex'),
            label: document.getElementById(wrap.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
            client: wrap.clientWidth,
            scroll: wrap.scrollWidth,
            table: table.getBoundingClientRect().width,
            overflow: getComputedStyle(wrap).overflowX,
          };
        }),
      }));
      expect(metrics.page).toBeLessThanOrEqual(metrics.viewport);
      expect(metrics.wraps).toHaveLength(3);
      for (const wrap of metrics.wraps) {
        expect(wrap).toMatchObject({ role: 'region', tabindex: '0', overflow: 'auto' });
        expect(wrap.label.length).toBeGreaterThan(0);
        // Wider than the phone: the table keeps a readable width and scrolls.
        expect(wrap.table).toBeGreaterThan(wrap.client);
        expect(wrap.scroll).toBeGreaterThan(wrap.client);
      }
    } finally {
      await page.close();
    }
  }, 60_000);

  it('prints on A4 with rows kept whole and table headers repeated', async () => {
    const page = await open(renderHtmlPage(report));
    try {
      await page.emulateMedia({ media: 'print' });
      const styles = await page.evaluate(() => {
        const row = document.querySelector('.nb-table-applications tbody tr')!;
        const head = document.querySelector('.nb-table-applications thead')!;
        return {
          row: getComputedStyle(row).breakInside,
          head: getComputedStyle(head).display,
          size: getComputedStyle(document.querySelector('.nianbao-report')!).fontSize,
        };
      });
      expect(styles.row).toBe('avoid');
      expect(styles.head).toBe('table-header-group');
      // 16pt (3号) body text.
      expect(parseFloat(styles.size)).toBeCloseTo((16 * 4) / 3, 1);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('headers="" in the browser', () => {
  it('names a table-三 cell by its official row and column labels', async () => {
    const report = examples.find((e) => e.report.edition === '2021')!.report;
    const page = await open(renderHtmlPage(report));
    try {
      const labels = await page.evaluate(() => {
        const rows = [...document.querySelectorAll('.nb-table-applications tbody tr')];
        // Row 5 of the body: （三）不予公开 › 1.属于国家秘密 (row 4 opens （三）).
        const cell = rows[4]!.querySelectorAll('td')[1]!;
        return cell
          .getAttribute('headers')!
          .split(' ')
          .map((id) => document.getElementById(id)!.textContent);
      });
      expect(labels).toEqual([
        '申请人情况',
        '法人或其他组织',
        '商业企业',
        '三、本年度办理结果',
        '（三）不予公开',
        '1.属于国家秘密',
      ]);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('hostile narrative in the browser', () => {
  it('stays text: no element is created and the text reads as written', async () => {
    const report = hostile(examples[0]!.report);
    const page = await open(renderHtmlPage(report));
    try {
      const result = await page.evaluate(() => ({
        // The one script element allowed is the inert metadata JSON.
        scripts: document.querySelectorAll(
          'script:not([type="application/json"][data-nianbao="metadata"]), img, svg, iframe, a, b',
        ).length,
        metadata: JSON.parse(document.querySelector('script[data-nianbao="metadata"]')!.textContent!).agency
          .name as string,
        h1: document.querySelectorAll('h1').length,
        preface: [...document.querySelectorAll('.nianbao-report > p')].map((p) => p.textContent),
        topic: document.querySelectorAll('.nb-topic-heading')[1]!.textContent,
        title: document.title,
      }));
      expect(result.scripts).toBe(0);
      expect(result.metadata).toBe(report.metadata.agency.name);
      expect(result.h1).toBe(1);
      const expected = payloads.map((text) => text.replace(/[\u0000-\u0008\u001B\u202A-\u202E]/g, ''));
      expect(result.preface).toEqual(expected);
      expect(result.topic).toBe(`（二）${payloads[1]}`);
      expect(result.title).toBe(`<b>机关</b>"&'2020年政府信息公开工作年度报告`);
    } finally {
      await page.close();
    }
  }, 60_000);
});
