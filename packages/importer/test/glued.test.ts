import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chunksOf, rowSplits } from '../src/glued-solve.js';
import { importReport, type ImportSuccess } from '../src/index.js';
import { repoRoot, seedPath } from './helpers.js';

const corpus = join(repoRoot, 'packages', 'importer', 'test', 'corpus');
const source = (id: string) => readFileSync(join(corpus, id, 'source.txt'), 'utf8');
const expected = (id: string) =>
  parse(readFileSync(join(corpus, id, 'expected.yaml'), 'utf8')) as { sections: Record<string, { table: unknown }> };

/** Every table leaf of a document: pointer → value. */
function leaves(node: unknown, pointer: string, into = new Map<string, unknown>()): Map<string, unknown> {
  if (node && typeof node === 'object' && !('value' in node && 'unit' in node)) {
    for (const [key, child] of Object.entries(node)) leaves(child, `${pointer}/${key}`, into);
  } else into.set(pointer, node);
  return into;
}

const tablesOf = (document: { sections: Record<string, { table?: unknown }> }) =>
  new Map(
    ['proactiveDisclosure', 'applications', 'reviewAndLitigation'].flatMap((id) => [
      ...leaves(document.sections[id]?.table, `/sections/${id}/table`),
    ]),
  );

/** The seed page with every line break and cell separator removed, as a crawler's text keeps it. */
const glued = readFileSync(seedPath, 'utf8')
  .replace(/\s*\|\s*/g, '')
  .replace(/\n/g, '');

describe('text whose table cells ran together', () => {
  it('splits a row into cells only where one split keeps the sums', () => {
    const counts = Array(7).fill('count') as 'count'[];
    const rowSum = [
      {
        terms: [0, 1, 2, 3, 4, 5, 6].map((column) => ({ column, coefficient: column === 6 ? -1 : 1 })),
        constant: 0,
        last: 6,
      },
    ];
    expect(rowSplits(chunksOf('7000007')!, counts, rowSum).splits).toEqual([['7', '0', '0', '0', '0', '0', '7']]);
    expect(rowSplits(chunksOf('713000074')!, counts, rowSum).splits).toEqual([['71', '3', '0', '0', '0', '0', '74']]);
    // Spaces the copy kept are cell borders: 23 | 0 | 0 | 0 | 0 | 0 | 23.
    expect(rowSplits(chunksOf('230 000023')!, counts, rowSum).splits).toEqual([['23', '0', '0', '0', '0', '0', '23']]);
    // 11 | 2 | … | 13 and 1 | 12 | … | 13 both add up: two splits, so the row stays undecided.
    expect(rowSplits(chunksOf('112000013')!, counts, rowSum).splits).toHaveLength(2);
    // No leading zeros (a lone 0 only), so 000000 is six cells, never seven.
    expect(rowSplits(chunksOf('000000')!, counts, rowSum).splits).toEqual([]);
    // Without arithmetic (table 二), 898989 is 89 | 89 | 89 or 8 | 98 | 989 or …: undecided.
    expect(rowSplits(chunksOf('898989')!, ['count', 'count', 'count'], []).splits.length).toBeGreaterThan(1);
    expect(chunksOf('1,234')).toBeUndefined();
  });

  it('reads the seed flattened into one line: every decided cell is the seed’s own, the rest unplaced', () => {
    const seed = importReport({
      text: readFileSync(seedPath, 'utf8'),
      kind: 'text',
      name: 'seed.txt',
    }) as ImportSuccess;
    const result = importReport({ text: glued, kind: 'text', name: 'flat.txt' }, { partial: true });
    expect(result.ok).toBe(true);
    const { document, warnings, fidelity } = result as ImportSuccess;
    const want = tablesOf(seed.document as never);
    const got = tablesOf(document as never);
    let placed = 0;
    for (const [pointer, value] of got) {
      const empty = value === null || (typeof value === 'object' && (value as { value: unknown }).value === null);
      if (empty) continue;
      placed++;
      expect(value, pointer).toEqual(want.get(pointer));
    }
    expect(placed).toBe(fidelity.cellsRead);
    expect(placed).toBeGreaterThanOrEqual(190);
    // 行政许可 1041 is 10 | 4 | 1 or 1 | 0 | 41: left unplaced, the finding names the row and its place.
    const undecided = warnings.filter((w) => w.code === 'cells-undecided');
    expect(undecided.map((w) => w.at)).toContain(
      '/sections/proactiveDisclosure/table/article20Item5/administrativeLicensing',
    );
    for (const warning of undecided) expect(warning.from).toMatch(/^line 1, column \d+$/);
    expect(
      (document.sections as unknown as Record<string, { table: Record<string, Record<string, unknown>> }>)
        .proactiveDisclosure!.table.article20Item5!.administrativeLicensing,
    ).toEqual({
      previousYearItems: null,
      changeThisYear: null,
      decisions: null,
    });
  });

  it('refuses the flattened seed without --partial, naming the rows it could not split', () => {
    const result = importReport({ text: glued, kind: 'text', name: 'flat.txt' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message.en).toMatch(/cannot be split into their cells in exactly one way/);
    // Few candidates are listed for the clerk who has the original at hand.
    expect(result.problem.missing.join('\n')).toContain(
      '行政许可（可以拆成 2 种，表格中没有能确定它的加总关系，可能是 1 | 0 | 41；10 | 4 | 1）',
    );
  });

  it('leaves ambiguous rows unplaced even when their columns add up (synthetic)', () => {
    // New applications, （一） and （七） read 11 | 2 | … | 13 or 1 | 12 | … | 13 alike: both keep every row
    // and column sum and the balance, so none of the three rows may be decided.
    const read = importReport({ text: ambiguousReport(), kind: 'text', name: 'ambiguous.txt' }, { partial: true });
    expect(read.ok).toBe(true);
    const cells = tablesOf((read as ImportSuccess).document as never);
    for (const row of ['newApplications', 'results/disclosed', 'results/total']) {
      expect(cells.get(`/sections/applications/table/${row}/naturalPerson`), row).toBeNull();
      expect(cells.get(`/sections/applications/table/${row}/total`), row).toBeNull();
    }
    const undecided = (read as ImportSuccess).warnings.filter((w) => w.code === 'cells-undecided');
    const total = undecided.find((w) => w.at === '/sections/applications/table/results/total');
    expect(total?.message.en).toMatch(/2 splits all keep the table's sums/);
    // The rows with one split are read.
    expect(cells.get('/sections/applications/table/carriedOverFromLastYear/total')).toBe(0);
    expect(cells.get('/sections/applications/table/results/otherHandling/total')).toBe(0);
  });

  it('reads the real crawler text of 平潭 2019: table 三 and 四 in full, right; table 二 undecided', () => {
    const result = importReport(
      { text: source('fj-pingtan-2019'), kind: 'text', name: 'source.txt' },
      { partial: true },
    );
    expect(result.ok).toBe(true);
    const { document } = result as ImportSuccess;
    expect(document.edition).toBe('2019');
    const want = tablesOf(expected('fj-pingtan-2019') as never);
    const got = tablesOf(document as never);
    for (const [pointer, value] of got) {
      if (pointer.includes('/applications/') || pointer.includes('/reviewAndLitigation/'))
        expect(value, pointer).toEqual(want.get(pointer));
      else if (value !== null && !(typeof value === 'object' && (value as { value: unknown }).value === null))
        expect(value, pointer).toEqual(want.get(pointer));
    }
  });
});

/** The seed, flattened, with table 三's rows 一, （一） and （七） made ambiguous in the same way. */
function ambiguousReport(): string {
  let text = glued;
  for (const label of ['本年新收政府信息公开申请数量', '(一)予以公开', '(七)总计']) {
    const at = text.indexOf(label) + label.length;
    expect(text.slice(at, at + 7)).toBe('0000000');
    text = `${text.slice(0, at)}112000013${text.slice(at + 7)}`;
  }
  return text;
}
