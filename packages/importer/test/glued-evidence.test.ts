import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { agreeingSplits, evidenceEqualities, statedCounts } from '../src/glued-evidence.js';
import { carryEqualities } from '../src/table-sums.js';
import { chunksOf, rowSplits } from '../src/glued-solve.js';
import { importReport, type ImportSuccess } from '../src/index.js';
import { repoRoot } from './helpers.js';

const ROW = '/sections/proactiveDisclosure/table/article20Item1/normativeDocuments';
const pointers = ['issued', 'repealed', 'inForce'].map((cell) => `${ROW}/${cell}`);
const splitsOf = (run: string) => rowSplits(chunksOf(run)!, ['count', 'count', 'count'], []).splits;
const lastYear = (inForce: number) => ({
  edition: '2021',
  sections: { proactiveDisclosure: { table: { article20Item1: { normativeDocuments: { inForce } } } } },
});

const corpusDir = join(repoRoot, 'packages/importer/test/corpus');
const source = (id: string) => readFileSync(join(corpusDir, id, 'source.txt'), 'utf8');
const expected = (id: string) => parse(readFileSync(join(corpusDir, id, 'expected.yaml'), 'utf8')) as unknown;
const read = (text: string, previous?: unknown) =>
  importReport({ text, kind: 'text', name: 'source.txt' }, { partial: true, previous }) as ImportSuccess;
const normativeDocuments = (result: ImportSuccess) =>
  (result.document.sections as unknown as Record<string, { table: Record<string, Record<string, unknown>> }>)
    .proactiveDisclosure!.table.article20Item1!.normativeDocuments;

describe('evidence outside a glued table: the text’s statements and last year’s report', () => {
  it('reads the single-cell counts the text states, by the rules’ statements', () => {
    const stated = statedCounts('2021', '集中公开现行有效行政规范性文件698件，全年收到申请75件。');
    expect(stated.map((s) => [s.pointer, s.value])).toEqual([
      ['/sections/applications/table/newApplications/total', 75],
      [`${ROW}/inForce`, 698],
    ]);
    expect(statedCounts('2021', '动态更新本年度制发的规范性文件88件。').map((s) => [s.pointer, s.value])).toEqual([
      [`${ROW}/issued`, 88],
    ]);
    // Stated twice with two values, the text disagrees with itself: no evidence.
    expect(statedCounts('2021', '现行有效行政规范性文件698件。后文又称现行有效行政规范性文件699件。')).toEqual([]);
    // Chinese numerals are read as the validator reads them.
    expect(statedCounts('2021', '现行有效行政规范性文件六十五件')[0]?.value).toBe(65);
  });

  it('puts last year’s values into the cross-year equalities, and forms none without them', () => {
    const carry = carryEqualities('2021', lastYear(665)).filter((e) => e.terms.some((t) => t.pointer.startsWith(ROW)));
    // 现行有效 − 制发 + 废止 − 665 = 0.
    expect(carry).toHaveLength(1);
    expect(carry[0]!.constant).toBe(-665);
    expect(carry[0]!.terms.map((t) => [t.pointer.split('/').pop(), t.coefficient])).toEqual([
      ['inForce', 1],
      ['issued', -1],
      ['repealed', 1],
    ]);
    expect(carryEqualities('2021', undefined)).toEqual([]);
    // Last year's report without the number (a 2019-edition table): no equality, not a zero.
    expect(carryEqualities('2021', { edition: '2019', sections: {} }).filter((e) => e.rule === 'X-VALID')).toEqual([]);
  });

  it('keeps the one split of 8855698 that agrees with 698 in force and last year’s 665', () => {
    const splits = splitsOf('8855698');
    expect(splits.length).toBe(15);
    const stated = statedCounts('2021', '现行有效行政规范性文件698件');
    // 698 alone leaves 8 | 855 | 698, 88 | 55 | 698 and 885 | 5 | 698: not one.
    expect(agreeingSplits(pointers, splits, evidenceEqualities(stated, [])).splits).toHaveLength(3);
    const both = agreeingSplits(pointers, splits, evidenceEqualities(stated, carryEqualities('2021', lastYear(665))));
    expect(both.splits).toEqual([['88', '55', '698']]);
    expect(both.used.map((e) => e.source)).toEqual(['「现行有效行政规范性文件698件」', '上年报告（X-VALID）']);
    // Evidence about other rows says nothing about this one.
    const other = statedCounts('2021', '全年收到申请75件');
    expect(agreeingSplits(pointers, splits, evidenceEqualities(other, [])).used).toEqual([]);
  });

  it('places 平潭 2022’s 行政规范性文件 row from its text and 2021’s report, with a note', () => {
    const result = read(source('fj-pingtan-2022'), expected('fj-pingtan-2021'));
    expect(normativeDocuments(result)).toEqual({ issued: 88, repealed: 55, inForce: 698 });
    const note = result.warnings.find((w) => w.code === 'cells-by-evidence');
    expect(note?.at).toBe(ROW);
    expect(note?.message.zh).toMatch(/「8855698」.*现行有效行政规范性文件698件.*读作 88 \| 55 \| 698/);
    expect(note?.from).toMatch(/^line \d+, column \d+$/);
  });

  it('leaves the row unplaced when the evidence leaves several splits or none', () => {
    // Without its 制发88件 and last year's report, 698 alone leaves three splits.
    const only698 = source('fj-pingtan-2022').replace('本年度制发的规范性文件88件', '本年度制发的规范性文件若干件');
    expect(normativeDocuments(read(only698))).toEqual({ issued: null, repealed: null, inForce: null });
    // 制发88件 and 698 in force agree with one split: read from the text alone.
    expect(normativeDocuments(read(source('fj-pingtan-2022')))).toEqual({ issued: 88, repealed: 55, inForce: 698 });
    // The text stating 699 agrees with no split: the evidence contradicts the table, nothing is placed.
    const wrongText = source('fj-pingtan-2022').replace('现行有效行政规范性文件698件', '现行有效行政规范性文件699件');
    expect(normativeDocuments(read(wrongText, expected('fj-pingtan-2021')))).toEqual({
      issued: null,
      repealed: null,
      inForce: null,
    });
    // Last year's figure that makes the carry-over fail for every split (平潭 2023 against 2022's 698).
    const result = read(source('fj-pingtan-2023'), expected('fj-pingtan-2022'));
    expect(normativeDocuments(result)).toEqual({ issued: null, repealed: null, inForce: null });
    expect(result.warnings.some((w) => w.code === 'cells-by-evidence')).toBe(false);
    // The warning says why: no sum of the table involves the row, and no split agrees with the evidence.
    const undecided = result.warnings.find((w) => w.code === 'cells-undecided' && w.at === ROW);
    expect(undecided?.message.zh).toMatch(
      /可以拆成 21 种，表格中没有能确定它的加总关系，其中与.*393件.*都相符的有 0 种/,
    );
    expect(undecided?.message.en).toMatch(
      /it splits in 21 ways and no sum of the table involves it, and 0 of them agree/,
    );
    // 平潭 2024: 制发62件 leaves four splits, listed for the clerk.
    const row2024 = read(source('fj-pingtan-2024')).warnings.find((w) => w.code === 'cells-undecided' && w.at === ROW);
    expect(row2024?.message.zh).toContain(
      '都相符的有 4 种，可能是 62 | 3 | 3440；62 | 33 | 440；62 | 334 | 40；62 | 3344 | 0',
    );
  });
});
