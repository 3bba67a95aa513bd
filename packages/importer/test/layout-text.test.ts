/**
 * Text printed with its page layout, as `pdftotext -layout` (poppler 22.12) prints a PDF: the fixtures are
 * that text of PDFs we may commit — nianbao's own rendering of examples/sample-bureau-2021.yaml and the
 * corpus's Chromium prints of the Shanghai 2019 and Shuyang 2023 pages. Their tables are cut by page
 * numbers (—3—), their headers split over lines (自然/人, 商业/企业), row-group labels run down the margin
 * (三、本年/度办理结/果) and labels are wrapped above and below their numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { example, fixture, imported } from './helpers.js';

type Sections = Record<string, { table: unknown }>;

/** Every cell of the three tables as pointer → value (an amount as its value and unit). */
function cells(sections: Sections): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (node: unknown, path: string) => {
    if (node && typeof node === 'object' && !('unit' in node))
      for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
    else out.set(path, node);
  };
  for (const id of ['proactiveDisclosure', 'applications', 'reviewAndLitigation']) walk(sections[id]!.table, id);
  return out;
}

const isNull = (value: unknown) =>
  value === null || (typeof value === 'object' && (value as { value: unknown }).value === null);

/** Imports a layout text; counts the cells read and asserts each equals the expected one. */
function readAgainst(text: string, expected: Sections, partial = false): { read: number; total: number } {
  const result = imported(importReport({ text, kind: 'text', name: 'layout.txt' }, { partial }));
  const want = cells(expected);
  let read = 0;
  for (const [pointer, value] of cells(result.document.sections as unknown as Sections)) {
    if (isNull(value)) continue;
    expect(value, pointer).toEqual(want.get(pointer));
    read++;
  }
  return { read, total: [...want.values()].filter((value) => !isNull(value)).length };
}

const sample = () => fixture('nianbao-sample-bureau-2021.layout.txt');
const sampleSections = () => example('sample-bureau-2021.yaml').sections as Sections;

describe('text printed with its page layout (pdftotext -layout)', () => {
  it('reads every cell of the three tables of a whole report', () => {
    expect(readAgainst(sample(), sampleSections())).toEqual({ read: 200, total: 200 });
  });

  it('joins the lines each paragraph was wrapped onto, across page breaks, without the justification spaces', () => {
    const result = imported(importReport({ text: sample(), kind: 'text', name: 'layout.txt' }));
    const expected = example('sample-bureau-2021.yaml') as { preface: unknown; sections: Record<string, object> };
    const text = (sections: Record<string, object>) =>
      Object.fromEntries(
        Object.entries(sections).map(([key, { table: _, ...rest }]: [string, { table?: unknown }]) => [key, rest]),
      );
    expect(result.document.preface).toEqual(expected.preface);
    expect(text(result.document.sections as unknown as Record<string, object>)).toEqual(text(expected.sections));
  });

  it('reads table 三 cut by a page break and with a row-group label one character per line', () => {
    const lines = sample().split('\n');
    const at = lines.findIndex((line) => line.includes('3.危及“三安全一稳定”'));
    // A page number between two rows, and the label 三、本年度办理结果 down the margin, one character a line.
    lines.splice(at + 1, 0, '', '\f                                      —4—', '三、');
    const vertical = [...'本年度办理结果'];
    const text = lines
      .map((line) => (/^ {12}[1-8]\.属于/.test(line) ? `${vertical.shift() ?? ' '}${line.slice(1)}\n年` : line))
      .join('\n');
    expect(text).toContain('本           1.属于国家秘密');
    expect(text).toContain('度           7.属于行政执法案卷');
    expect(readAgainst(text, sampleSections())).toEqual({ read: 200, total: 200 });
  });

  it('reads a label wrapped above its numbers with its first line further left (centred in its cell)', () => {
    const text = sample().replace(
      /( +)5\.要求行政机关确认或重新出具已\n( +1 +0 +0 +0 +0 +0 +1)\n +获取信息/,
      '$15.要求行政机关确认或重新出具\n$1    已获取信息\n$2',
    );
    expect(text).not.toBe(sample());
    expect(readAgainst(text, sampleSections())).toEqual({ read: 200, total: 200 });
  });

  it('two numbers one space apart are two cells, never one number (2 0 is not 20)', () => {
    const text = sample().replace(/(2\.重复申请 +2) +0/, '$1 0');
    expect(text).not.toBe(sample());
    expect(readAgainst(text, sampleSections())).toEqual({ read: 200, total: 200 });
  });

  it.each([
    ['sh-gov-office-2019-pdf.layout.txt', 'sh-gov-office-2019'],
    ['js-shuyang-fgj-2023-pdf.layout.txt', 'js-shuyang-fgj-2023'],
  ])('%s: blank cells leave no trace, so those rows are left unread, never shifted', (file, id) => {
    const corpus = join(import.meta.dirname, 'corpus', id, 'expected.yaml');
    const expected = parse(readFileSync(corpus, 'utf8')) as { sections: Sections };
    const { read } = readAgainst(fixture(file), expected.sections, true);
    expect(read).toBeGreaterThan(20);
  });
});
