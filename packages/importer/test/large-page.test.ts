import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { comparisonCount } from '../src/text.js';
import { fixture, imported } from './helpers.js';

/** A real report page with one more table of `rows` rows (a statistics annex, a list of items). */
function page(rows: number, tag: string): string {
  const body = Array.from(
    { length: rows },
    (_, i) => `<tr><td>${tag}项目${i}</td><td>${i}</td><td>${i * 2}</td><td>${tag}说明文字${i}</td></tr>`,
  ).join('\n');
  return fixture('cms-county-2020.html').replace('</body>', `<table>${body}</table></body>`);
}

/** The label comparisons an import of the page computes. */
function work(rows: number, tag: string): number {
  const before = comparisonCount();
  const result = imported(importReport({ text: page(rows, tag), kind: 'html', name: `annex-${rows}.html` }));
  // The annex is not a report table: its rows are kept as unplaced text, the report is read as usual.
  expect(result.fidelity.cellsRead).toBe(result.fidelity.cellsExpected - result.fidelity.notReported.length);
  expect(result.document.provenance?.unplaced?.length).toBeGreaterThanOrEqual(rows);
  return comparisonCount() - before;
}

// issue 14, break 2: a page with a table of 50,000 rows (5 MB) took 148 s, growing faster than its
// size: every cell of every table was compared with every official label to tell which table it is
// (millions of comparisons, thrashing their memo), and each row's element path counted its siblings
// again. Work is counted, not timed, so the test does not depend on the machine: a table's kind is
// decided by its first label cells, so four times the rows add no label comparisons.
describe('a large page', () => {
  it('does not compare more labels for a longer table', () => {
    const small = work(2000, '甲');
    const large = work(8000, '乙');
    expect(large).toBeLessThan(small * 1.5);
  });
});
