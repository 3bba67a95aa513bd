/**
 * Rows that lost their labels (a PDF-to-text converter's |-fragments with the labels as loose lines):
 * placed by the official order between two rows placed by their labels, kept only when the table's sums
 * hold; and table 四's 15 numbers under a broken header, read in the official order when its sums hold.
 */
import { describe, expect, it } from 'vitest';
import { importReport, type ImportSuccess } from '../src/index.js';
import { editionSpec, rowsOf } from '../src/spec.js';
import { sumChecks, sumOutcome } from '../src/table-sums.js';
import { officialMapping } from '../src/tables.js';
import { fragmentsFit, planRuns, type TrailEntry, type UnlabelledRow } from '../src/unlabelled-rows.js';
import { fixture, imported } from './helpers.js';

/** text-2021.txt with its one not-reported cell (（六）3.其他 · 科研机构 「—」) as 0: every sum can be computed. */
const complete = fixture('text-2021.txt').replace('3.其他 | 0 | 0 | — |', '3.其他 | 0 | 0 | 0 |');

/** Replaces a row line of the text by other lines (its label as loose lines, its numbers alone). */
function rewrite(text: string, rowStart: string, lines: string[]): string {
  const all = text.split('\n');
  const index = all.findIndex((line) => line.startsWith(rowStart));
  if (index < 0) throw new Error(`no row ${rowStart}`);
  all.splice(index, 1, ...lines);
  return all.join('\n');
}

const PARTIAL = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
const NOT_HELD = '（四）无法提供 | 1.本机关不掌握相关政府信息';

/**
 * The text with （二） and （四）1 as numbers only, their labels as loose lines after them (as the
 * converter leaves them: a label right above its numbers is read as their label, see text-source.ts).
 */
function withoutLabels(text: string, partialValues = '| 1 | 0 | 0 | 0 | 1 | 0 | 2 |'): string {
  const once = rewrite(text, PARTIAL, [partialValues, '（二）部分公开（区分处理的，只', '计这一情形，不计其他情形）']);
  return rewrite(once, NOT_HELD, [
    '| 1 | 1 | 0 | 0 | 0 | 0 | 2 |',
    '（四）无法',
    '提供',
    '1.本机关不掌握相关政',
    '府信息',
  ]);
}

function importText(text: string): ImportSuccess {
  return imported(importReport({ text, kind: 'text', name: 'fragments.txt' }, { partial: true }));
}

const applications = (result: ImportSuccess) =>
  result.document.sections.applications.table as unknown as {
    results: Record<string, Record<string, unknown>>;
  };
const origins = (result: ImportSuccess) => (result.document.provenance?.origins ?? {}) as Record<string, string>;
const lineOf = (text: string, content: string) => `line ${text.split('\n').indexOf(content) + 1}`;

describe('rows without labels, placed by the order of the rows', () => {
  it('reads each where the official table has exactly one row between its labelled neighbours', () => {
    const text = withoutLabels(complete);
    const result = importText(text);
    const reference = importText(complete);
    expect(result.document.sections.applications.table).toEqual(reference.document.sections.applications.table);
    expect(result.fidelity.cellsRead).toBe(reference.fidelity.cellsRead);
    // Every placed cell records the line its number came from.
    expect(origins(result)['/sections/applications/table/results/partiallyDisclosed/total']).toBe(
      lineOf(text, '| 1 | 0 | 0 | 0 | 1 | 0 | 2 |'),
    );
    expect(origins(result)['/sections/applications/table/results/unableToProvide/notHeld/naturalPerson']).toBe(
      lineOf(text, '| 1 | 1 | 0 | 0 | 0 | 0 | 2 |'),
    );
    const byOrder = result.warnings.filter((w) => w.code === 'row-by-order').map((w) => w.at);
    expect(byOrder).toEqual([
      '/sections/applications/table/results/partiallyDisclosed',
      '/sections/applications/table/results/unableToProvide/notHeld',
    ]);
  });

  it('refuses a row whose numbers break the sums (B-ROW, B-RESULTS): its cells stay not reported', () => {
    // 1 + 0 + 0 + 0 + 1 + 0 is not 3, and （七）总计 no longer adds up.
    const text = withoutLabels(complete, '| 1 | 0 | 0 | 0 | 1 | 0 | 3 |');
    const result = importText(text);
    const partial = applications(result).results.partiallyDisclosed!;
    expect(Object.values(partial).every((value) => value === null || typeof value === 'object')).toBe(true);
    expect(partial.naturalPerson).toBeNull();
    const refusal = result.warnings.find((w) => w.code === 'row-unrecognised' && w.message.en.includes('B-'));
    expect(refusal?.message.zh).toContain(lineOf(text, '| 1 | 0 | 0 | 0 | 1 | 0 | 3 |'));
    // The sums involve every row placed by order: （四）1 is not kept on them either.
    expect(applications(result).results.unableToProvide!.notHeld).toMatchObject({ naturalPerson: null });
    expect(result.warnings.some((w) => w.code === 'row-by-order')).toBe(false);
  });

  it('refuses when a sum involving the rows cannot be computed (a not-reported cell elsewhere)', () => {
    const result = importText(withoutLabels(fixture('text-2021.txt')));
    expect(applications(result).results.partiallyDisclosed!.naturalPerson).toBeNull();
    expect(result.warnings.some((w) => w.code === 'row-by-order')).toBe(false);
  });

  it('refuses when the count of rows does not match the official rows between the neighbours', () => {
    // Two rows of numbers between （一） and 1.属于国家秘密, where the official table has one.
    const text = rewrite(complete, PARTIAL, ['| 1 | 0 | 0 | 0 | 1 | 0 | 2 |', '| 0 | 0 | 0 | 0 | 0 | 0 | 0 |']);
    const result = importText(text);
    expect(applications(result).results.partiallyDisclosed!.total).toBeNull();
    const refusal = result.warnings.find((w) => w.code === 'row-unrecognised' && w.message.zh.includes('官方表格'));
    expect(refusal?.message.en).toContain('2 unlabelled row(s)');
  });

  it('does not count a lone number line as a row', () => {
    const text = withoutLabels(complete).replace(
      '| 1 | 1 | 0 | 0 | 0 | 0 | 2 |\n',
      '7\n| 1 | 1 | 0 | 0 | 0 | 0 | 2 |\n',
    );
    const result = importText(text);
    expect(applications(result).results.unableToProvide!.notHeld).toMatchObject({ naturalPerson: 1, total: 2 });
  });
});

describe('planRuns', () => {
  const rows = [...rowsOf(editionSpec('2021').tables.find((t) => t.id === 'applications')!.root)];
  const row = (key: string) => rows.find((r) => r.path.join('/') === key)!;
  const mapping = officialMapping(rows[0]!.columns!);
  const placed = (key: string): TrailEntry<UnlabelledRow> => ({ kind: 'placed', row: row(key), mapping });
  const values = (labels: string[] = []): TrailEntry<UnlabelledRow> => ({
    kind: 'unlabelled',
    item: { labels, values: 7 },
  });

  it('plans a run onto the official rows between its neighbours', () => {
    const trail = [
      placed('results/notProcessed/massRepeatedApplications'),
      values(),
      values(['行政机关不再处理其政府信息公']),
      values(['缴纳费用、', '行政机关不再处理其政']),
      placed('results/otherHandling/other'),
    ];
    const { plans, refusals } = planRuns(trail, rows, new Set());
    expect(refusals).toEqual([]);
    expect(plans[0]!.targets.map((t) => t.key)).toEqual(['confirmationOrReissue', 'overdueCorrection', 'overdueFee']);
  });

  it('refuses a run at the end, a run beside another row of numbers, and label fragments of another row', () => {
    const atEnd = planRuns([placed('results/disclosed'), values()], rows, new Set());
    expect(atEnd.plans).toEqual([]);
    const blocked = planRuns(
      [placed('results/disclosed'), values(), { kind: 'blocker' }, placed('results/notDisclosed/stateSecret')],
      rows,
      new Set(),
    );
    expect(blocked.plans).toEqual([]);
    const fragments = planRuns(
      [placed('results/disclosed'), values(['重复申请']), placed('results/notDisclosed/stateSecret')],
      rows,
      new Set(),
    );
    expect(fragments.plans).toEqual([]);
    expect(fragmentsFit(['缴纳费用、'], row('results/otherHandling/overdueFee'))).toBe(true);
    expect(fragmentsFit(['缴纳费用、'], row('results/otherHandling/overdueCorrection'))).toBe(false);
  });
});

describe('table sums from the edition rules', () => {
  it('states B-ROW for each row of table 三 and C-SUM for each block of table 四', () => {
    const checks = sumChecks('2021', 'applications');
    expect(checks.filter((c) => c.rule === 'B-ROW')).toHaveLength(25);
    expect(checks.filter((c) => c.rule === 'B-RESULTS')).toHaveLength(7);
    expect(sumChecks('2019', 'reviewAndLitigation').filter((c) => c.rule === 'C-SUM')).toHaveLength(3);
    const cSum = sumChecks('2021', 'reviewAndLitigation')[0]!;
    const cells: Record<string, number> = {
      'administrativeReconsideration/upheld': 2,
      'administrativeReconsideration/corrected': 1,
      'administrativeReconsideration/otherResult': 0,
      'administrativeReconsideration/pending': 0,
      'administrativeReconsideration/total': 3,
    };
    expect(sumOutcome(cSum, (path) => cells[path])).toBe('holds');
    expect(sumOutcome(cSum, (path) => (path.endsWith('total') ? 4 : cells[path]))).toBe('fails');
    expect(sumOutcome(cSum, (path) => (path.endsWith('pending') ? undefined : cells[path]))).toBe('undecided');
  });
});

const BROKEN_HEADER = [
  '行政复议行政诉讼',
  '维持纠正结果审结维持纠正结果审结',
  '| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |',
  '|---|---|---|---|---|---|',
];

/** text-2021.txt with table 四's header broken as a converter leaves it, and its row of numbers. */
function brokenTable4(numbers: string): string {
  const all = complete.split('\n');
  const start = all.indexOf('行政复议 | 行政诉讼 |');
  all.splice(start, 4, ...BROKEN_HEADER, numbers);
  return all.join('\n');
}

describe('table 四 under a broken header', () => {
  it('reads its 15 numbers in the official order when each 总计 is the sum of the four before it', () => {
    const text = brokenTable4('| 2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |');
    const result = importText(text);
    expect(result.document.sections.reviewAndLitigation.table).toEqual(
      importText(complete).document.sections.reviewAndLitigation.table,
    );
    expect(origins(result)['/sections/reviewAndLitigation/table/administrativeReconsideration/total']).toBe(
      lineOf(text, '| 2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |'),
    );
  });

  it('reads none of them when the sums do not hold in that order', () => {
    const result = importText(brokenTable4('| 2 | 1 | 0 | 0 | 4 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |'));
    const table = result.document.sections.reviewAndLitigation.table as unknown as Record<string, unknown>;
    expect(table.administrativeReconsideration).toMatchObject({ upheld: null, total: null });
  });

  it('reads none of them when two such rows lie there (which one is the table cannot be told)', () => {
    const row = '| 2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |';
    const result = importText(brokenTable4(`${row}\n| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`));
    const table = result.document.sections.reviewAndLitigation.table as unknown as Record<string, unknown>;
    expect(table.administrativeReconsideration).toMatchObject({ upheld: null, total: null });
  });
});

describe('a piece of numbers between two pieces of table 三', () => {
  it('is part of the table, its rows placed by their order', () => {
    // The converter cut the table before and after 5.属于三类内部事务信息, whose label became a loose line.
    const text = rewrite(complete, '5.属于三类内部事务信息', [
      '',
      '| 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '|---|---|---|---|---|---|---|',
      '',
      '5.属于三类内部事务信',
      '息',
    ]);
    const result = importText(text);
    expect(applications(result).results.notDisclosed!.internalAffairs).toMatchObject({ naturalPerson: 0, total: 0 });
    expect(result.warnings.some((w) => w.code === 'row-by-order' && w.at?.endsWith('internalAffairs'))).toBe(true);
  });
});
