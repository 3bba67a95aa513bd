import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { imported, publishedSeed, seedPath } from './helpers.js';

const seed = readFileSync(seedPath, 'utf8');
const isRow = (line: string) => line.includes('|');
const cellsOf = (line: string) => line.split('|').map((cell) => cell.trim());

/** The seed with its `|`-flattened table rows rewritten into another shape copied pages take. */
function reshaped(shape: (cells: string[]) => string[]): string {
  return seed
    .split('\n')
    .flatMap((line) => (isRow(line) ? shape(cellsOf(line)) : [line]))
    .join('\n');
}

const SHAPES: [string, (cells: string[]) => string[]][] = [
  ['whitespace-aligned columns (pdftotext -layout)', (cells) => [cells.filter(Boolean).join('    ')]],
  ['tab-separated', (cells) => [cells.join('\t')]],
  ['Markdown table rows', (cells) => [`| ${cells.join(' | ')} |`]],
  ['one cell per line', (cells) => cells.filter(Boolean)],
];

describe.each(SHAPES)('the seed with its tables as %s', (_, shape) => {
  it('imports to the same document as the |-flattened seed', () => {
    const result = imported(importReport({ text: reshaped(shape), kind: 'text', name: 'seed.txt' }));
    const { provenance: _p, ...document } = result.document as unknown as Record<string, unknown>;
    expect(document).toEqual(publishedSeed());
    expect(result.fidelity.cellsRead).toBe(198);
  });
});

describe('Markdown', () => {
  it('heading marks and |---| rule rows are not text', () => {
    const text = reshaped((cells) => [`| ${cells.join(' | ')} |`, '|---|---|---|'])
      .split('\n')
      .map((line) => (/^[一二三四五六]、/.test(line) ? `## ${line}` : line))
      .join('\n');
    const result = imported(importReport({ text, kind: 'text', name: 'seed.md' }));
    expect(result.fidelity.sectionsFound).toHaveLength(6);
    expect(result.fidelity.cellsRead).toBe(198);
  });
});

describe('one cell per line', () => {
  it('a row with a blank cell (no line to count) is not read rather than read into wrong cells', () => {
    // 规范性文件 | 0 | 0 | 0: drop its middle value, as a blank cell would be.
    const text = reshaped((cells) => cells.filter(Boolean)).replace('规范性文件\n0\n0\n0', '规范性文件\n5\n7');
    const result = imported(importReport({ text, kind: 'text', name: 'seed.txt' }));
    const table = (result.document.sections.proactiveDisclosure.table as unknown as Record<string, unknown>)
      .article20Item1;
    expect(table).toBeDefined();
    const row = (table as Record<string, Record<string, unknown>>).normativeDocuments;
    expect(row).toEqual({ newlyMade: null, newlyPublished: null, totalPublished: null });
    expect(result.document.provenance?.unplaced?.some((item) => item.text === '规范性文件 | 5 | 7')).toBe(true);
  });
});

describe('HTML <pre>', () => {
  it('a page holding the report as preformatted text reads as that text, places named by element and line', () => {
    const escaped = reshaped((cells) => [cells.filter(Boolean).join('    ')])
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;');
    const html = `<!doctype html><html><head><title>年报</title></head><body><pre>${escaped}</pre></body></html>`;
    const result = imported(importReport({ text: html, kind: 'html', name: 'pre.html' }));
    const { provenance, ...document } = result.document as unknown as Record<string, unknown>;
    expect(document).toEqual(publishedSeed());
    const origins = (provenance as { origins: Record<string, string> }).origins;
    expect(origins['/sections/applications/table/carriedOverToNextYear/total']).toBe('/html/body/pre line 59');
  });
});

describe('whitespace-aligned columns', () => {
  it('a row whose blank cell left only a wider gap is not read rather than read into wrong cells', () => {
    const text = reshaped((cells) => [cells.filter(Boolean).join('    ')]).replace(
      /规范性文件 {4}0 {4}0 {4}0/,
      '规范性文件    5          7',
    );
    const result = imported(importReport({ text, kind: 'text', name: 'seed.txt' }));
    const table = result.document.sections.proactiveDisclosure.table as unknown as Record<
      string,
      Record<string, unknown>
    >;
    expect(table.article20Item1!.normativeDocuments).toEqual({
      newlyMade: null,
      newlyPublished: null,
      totalPublished: null,
    });
    expect(result.warnings.some((w) => w.code === 'columns-by-position' && w.from === 'line 18')).toBe(true);
  });
});
