/**
 * What a published page needs, checked in real Chromium (playwright-core): table 三 readable on a
 * 390 px phone (sticky row labels, header words whole), links to the PDF/CSV/JSON, the class-free
 * fragment for a CMS that strips <style>, and page numbers when the page is printed (PDF read back
 * with poppler's pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '@nianbao/fixtures/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A real browser on a shared 2-core machine: printing a report takes seconds.
vi.setConfig({ testTimeout: 60_000 });
import { renderHtmlFragment, renderHtmlPage } from '../src/index.js';
import { examples } from './examples.js';

let browser: Browser;
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-html-publish-'));

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function open(html: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 844 } });
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

/** Where a row label and a number of table 三 are, before and after scrolling the table's region. */
async function scrollTable(page: Page) {
  return page.evaluate(() => {
    const wrap = document.querySelector('.nb-table-applications')!.parentElement as HTMLElement;
    const label = [...wrap.querySelectorAll('th.nb-c2')].find((th) => th.textContent === '1.属于国家秘密')!;
    const row = label.parentElement!;
    const total = row.querySelector('td:last-child')!;
    label.scrollIntoView({ block: 'center' });
    wrap.scrollLeft = 0;
    const before = { label: label.getBoundingClientRect().left, total: total.getBoundingClientRect().left };
    const scrollable = wrap.scrollWidth - wrap.clientWidth;
    wrap.scrollLeft = scrollable;
    const box = label.getBoundingClientRect();
    const after = { label: box.left, total: total.getBoundingClientRect().left };
    // The label is on top: what the reader sees at its centre is the label.
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      before,
      after,
      scrollable,
      onTop: hit === label || label.contains(hit),
      wrapLeft: wrap.getBoundingClientRect().left,
    };
  });
}

/** The lines a header cell's text is laid out on (one per distinct top of its characters). */
async function headerLines(page: Page, text: string): Promise<number[]> {
  return page.evaluate((wanted) => {
    const th = [...document.querySelectorAll('.nb-table-applications th')].find((cell) => cell.textContent === wanted)!;
    const node = th.firstChild!;
    const tops = new Set<number>();
    for (let i = 0; i < wanted.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      tops.add(Math.round(range.getBoundingClientRect().top));
    }
    return [...tops];
  }, text);
}

describe.each(examples)('$name on a 390 px phone', ({ report }) => {
  it('table 三 keeps its row labels in view while the numbers scroll', async () => {
    const page = await open(renderHtmlPage(report), 390);
    const moved = await scrollTable(page);
    await page.close();
    expect(moved.scrollable).toBeGreaterThan(100);
    expect(Math.abs(moved.before.total - moved.after.total - moved.scrollable)).toBeLessThanOrEqual(1);
    expect(Math.abs(moved.after.label - moved.before.label)).toBeLessThanOrEqual(1);
    expect(moved.onTop).toBe(true);
  });

  it('header words are never broken inside (商业企业, 总计, 社会公益组织)', async () => {
    const page = await open(renderHtmlPage(report), 390);
    for (const word of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '总计', '自然人']) {
      expect(await headerLines(page, word), word).toHaveLength(1);
    }
    await page.close();
  });
});

describe('links to the other files', () => {
  const report = examples[1]!.report;
  it('the page links to its PDF, CSV and JSON when told where they are', async () => {
    const html = renderHtmlPage(report, { downloads: { pdf: 'report.pdf', csv: 'report.csv', json: 'report.json' } });
    const page = await open(html, 1280);
    const links = await page.$$eval('nav.nb-downloads a', (as) =>
      as.map((a) => [a.getAttribute('href'), a.textContent, a.hasAttribute('download')]),
    );
    await page.close();
    expect(links).toEqual([
      ['report.pdf', 'PDF 版', true],
      ['report.csv', '表格数据（CSV）', true],
      ['report.json', '报告数据（JSON）', true],
    ]);
    expect(renderHtmlPage(report)).not.toContain('nb-downloads"');
  });

  it('refuses a link that is not relative or http(s)', () => {
    expect(() => renderHtmlPage(report, { downloads: { pdf: 'javascript:alert(1)' } })).toThrow(RangeError);
    expect(() => renderHtmlPage(report, { downloads: { csv: ' data:text/csv,1' } })).toThrow(RangeError);
    expect(renderHtmlPage(report, { downloads: { pdf: 'https://example.gov.cn/a.pdf?x=1&y=2' } })).toContain(
      'href="https://example.gov.cn/a.pdf?x&#x3D;1&amp;y&#x3D;2"',
    );
  });
});

describe('the class-free fragment, for a CMS that strips <style> and class', () => {
  it.each(examples)('$name looks the same without any stylesheet or class', async ({ report }) => {
    const fragment = renderHtmlFragment(report, { inlineStyles: true });
    expect(fragment).not.toContain('<style');
    // What a strict CMS keeps: the markup without class attributes.
    const stripped = fragment.replace(/ class="[^"]*"/g, '');
    const page = await open(
      `<!DOCTYPE html><html lang="zh-CN"><body><div id="cms">${stripped}</div></body></html>`,
      1280,
    );
    const look = await page.evaluate(() => {
      const css = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        td: [css('td').borderTopWidth, css('td').borderTopStyle],
        table: css('table').borderCollapse,
        paragraph: css('article > p').textIndent,
        fontSize: css('article').fontSize,
        title: css('h1').textAlign,
        caption: (document.querySelector('caption') as HTMLElement).getBoundingClientRect().height,
        signature: css('footer').textAlign,
      };
    });
    await page.close();
    expect(look).toEqual({
      td: ['1px', 'solid'],
      table: 'collapse',
      paragraph: '36px',
      fontSize: '18px',
      title: 'center',
      caption: 1,
      signature: 'right',
    });
  });
});

describe('printing the page', () => {
  it.each(examples)('$name: every printed page carries its number (— n —) at the foot', async ({ name, report }) => {
    const page = await open(renderHtmlPage(report), 1280);
    await page.emulateMedia({ media: 'print' });
    const pdf = join(tmp, `${name}.pdf`);
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(2);
    for (let n = 1; n <= pages; n++) {
      const text = execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], {
        encoding: 'utf8',
      });
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      // The last line of the page is its number (pdftotext drops the spaces around it).
      expect(lines.at(-1)!.replace(/\s+/g, ''), `page ${n}`).toBe(`—${n}—`);
    }
  });
});
