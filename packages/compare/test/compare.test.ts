import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaFor } from '@nianbao/template';
import { CompareError, compareReports, renderComparisonHtml, renderComparisonPdf } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const example = (name: string): Record<string, any> => parse(readFileSync(join(repo, 'examples', name), 'utf8'));
const TABLE = '/sections/proactiveDisclosure/table';

/** Last year: the sample. This year: a copy with a few numbers and one paragraph changed. */
function twoYears() {
  const last = example('sample-bureau-2021.yaml');
  const current = structuredClone(last);
  current.metadata.reportYear = 2024;
  current.metadata.statisticsPeriod = { start: '2024-01-01', end: '2024-12-31' };
  current.metadata.publicationDate = '2025-01-20';
  current.sections.proactiveDisclosure.table.article20Item5.administrativeLicensing.decisions = 12860; // ×10
  current.sections.proactiveDisclosure.table.article20Item6.administrativeCoercion.decisions = 0; // 12 → 0
  current.sections.proactiveDisclosure.table.article20Item6.administrativePunishment.decisions = 360; // +3
  // Only the numbers of one paragraph change; another is rewritten.
  const overview = current.sections.overview;
  overview.introduction = [overview.introduction[0].replace('2023年', '2024年')];
  overview.oversight.paragraphs = ['本年度全面修订政务公开工作制度，新建考核评议机制，组织专题培训五次。'];
  return { last, current };
}

describe('compareReports', () => {
  it('puts every cell side by side, largest change first, with change, percentage and flags', () => {
    const { last, current } = twoYears();
    const comparison = compareReports(last, current);
    expect(comparison.edition).toBe('2021');
    expect(comparison.cells).toHaveLength(comparison.cells.length);
    expect(comparison.cells.length).toBeGreaterThan(150);
    const [first, second] = comparison.cells;
    expect(first).toMatchObject({
      pointer: `${TABLE}/article20Item5/administrativeLicensing/decisions`,
      last: 1286,
      current: 12860,
      change: 11574,
      percent: 900,
      flag: 'factor',
      rowLabels: ['第二十条第（五）项', '行政许可'],
    });
    expect(second!.change).toBe(-12);
    expect(second).toMatchObject({ last: 12, current: 0, percent: -100, flag: 'toZero' });
    const third = comparison.cells[2]!;
    expect(third).toMatchObject({ last: 357, current: 360, change: 3, percent: 0.8 });
    expect(third.flag).toBeUndefined();
    expect(comparison.changed).toBe(3);
    expect(comparison.flagged).toBe(2);
    // Unchanged cells are listed too, in table order.
    expect(comparison.cells.slice(3).every((cell) => cell.change === 0 || cell.change === null)).toBe(true);
  });

  it('checks this year 上年结转 against last year 结转下年度继续办理', () => {
    const { last, current } = twoYears();
    const same = compareReports(last, current).carryOver;
    const total = same.find((check) => check.column === '总计')!;
    // The copy's 上年结转 is the sample's own (5), last year carried 7 forward.
    expect(total).toMatchObject({ carriedOver: 5, lastCarriedForward: 7, matches: false });
    const table = current.sections.applications.table;
    table.carriedOverFromLastYear = structuredClone(last.sections.applications.table.carriedOverToNextYear);
    expect(compareReports(last, current).carryOver.every((check) => check.matches === true)).toBe(true);
  });

  it('compares the text paragraph by paragraph and states the share of identical text', () => {
    const { last, current } = twoYears();
    const comparison = compareReports(last, current);
    const overview = comparison.sections.find((section) => section.key === 'overview')!;
    const statuses = overview.paragraphs.map((p) => p.status);
    expect(statuses[0]).toBe('numbersChanged');
    expect(statuses.at(-1)).toBe('new');
    expect(statuses.filter((s) => s === 'identical').length).toBe(statuses.length - 2);
    expect(overview.removed).toHaveLength(1);
    expect(overview.identicalShare).toBeGreaterThan(0.5);
    expect(overview.identicalShare).toBeLessThan(1);
    const otherMatters = comparison.sections.find((section) => section.key === 'otherMatters')!;
    expect(otherMatters.identicalShare).toBe(1);
    expect(comparison.identicalShare).toBeGreaterThan(0.8);
    // A report copied unchanged: everything identical.
    expect(compareReports(last, last).identicalShare).toBe(1);
  });

  it('works across editions through the migration, listing the cells it cannot fill', () => {
    const comparison = compareReports(example('chizhou-rfb-2020.yaml'), example('sample-bureau-2021.yaml'));
    expect(comparison.edition).toBe('2021');
    expect(comparison.last.edition).toBe('2019');
    expect(comparison.notCarried.length).toBeGreaterThan(0);
    const notCarried = new Set(comparison.notCarried.map((entry) => entry.pointer));
    for (const cell of comparison.cells.filter((c) => notCarried.has(c.pointer))) expect(cell.last).toBeNull();
    expect(comparison.cells.some((cell) => cell.last !== null && cell.change !== null)).toBe(true);
  });

  it('compares reports with errors and notes them; refuses what is not a report', () => {
    const { last, current } = twoYears();
    current.sections.reviewAndLitigation.table.administrativeReconsideration.total += 1;
    delete current.sections.problemsAndImprovements;
    const comparison = compareReports(last, current);
    expect(comparison.current.errors).toBeGreaterThanOrEqual(2);
    expect(comparison.last.errors).toBe(0);
    expect(comparison.current.errorExamples[0]!.zh.length).toBeGreaterThan(0);
    expect(() => compareReports({ hello: 1 }, current)).toThrow(CompareError);
    const which = (() => {
      try {
        compareReports(last, 'text');
        return 'no error';
      } catch (error) {
        return (error as CompareError).which;
      }
    })();
    expect(which).toBe('current');
  });
});

describe('the comparison report', () => {
  it('HTML: a page with the summary, the flagged cells, the carry-over and the text, all escaped', () => {
    const { last, current } = twoYears();
    current.sections.otherMatters.paragraphs = ['<script>alert(1)</script>'];
    const html = renderComparisonHtml(compareReports(last, current));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('nianbao-report');
    expect(html).toContain('变化超过10倍');
    expect(html).toContain('降为0');
    expect(html).toContain('+900.0%');
    expect(html).toContain('上年结转有');
    expect(html).toMatch(/正文与上年报告完全相同的文字占 \d+\.\d%/);
    expect(html).toContain('仅数字不同');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
  });

  it('PDF: the same content, readable text (pdftotext)', async () => {
    const { last, current } = twoYears();
    const pdf = await renderComparisonPdf(compareReports(last, current));
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cmp-'));
    writeFileSync(join(dir, 'c.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('政府信息公开工作年度报告对比');
    expect(text).toMatch(/行政许可.*1286\s+12860\s+\+11574\s+\+900\.0%/);
    expect(text).toContain('变化超过10倍');
    expect(text).toContain('四、正文逐段对比');
    expect(text).toContain('【仅数字不同】');
  });
});

describe('with a local extension', () => {
  it('compares the rows an extension adds when its schema is given', () => {
    const { last, current } = twoYears();
    const schema = structuredClone(schemaFor('2021')) as Record<string, any>;
    schema.$defs.article20Item1.properties.otherDocuments = {
      $ref: '#/$defs/documentCounts',
      title: '其他主动公开文件',
      'x-order': 3,
    };
    last.sections.proactiveDisclosure.table.article20Item1.otherDocuments = { issued: 1, repealed: 0, inForce: 2 };
    current.sections.proactiveDisclosure.table.article20Item1.otherDocuments = { issued: 4, repealed: 0, inForce: 6 };
    const plain = compareReports(last, current);
    expect(plain.cells.some((cell) => cell.rowLabels.includes('其他主动公开文件'))).toBe(false);
    const extended = compareReports(last, current, { schemas: { '2021': schema } });
    const added = extended.cells.filter((cell) => cell.rowLabels.includes('其他主动公开文件'));
    // Largest change first, like every cell.
    expect(added.map((cell) => [cell.columnLabels[0], cell.last, cell.current, cell.change])).toEqual([
      ['现行有效件数', 2, 6, 4],
      ['本年制发件数', 1, 4, 3],
      ['本年废止件数', 0, 0, 0],
    ]);
  });
});
