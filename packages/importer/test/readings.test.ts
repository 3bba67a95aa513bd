import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport, type ImportSuccess, MAX_READINGS } from '../src/index.js';
import { loadCorpus, runFixture } from './corpus-harness.js';
import { repoRoot } from './helpers.js';

const corpusDir = join(repoRoot, 'packages/importer/test/corpus');
const source = (id: string) => readFileSync(join(corpusDir, id, 'source.txt'), 'utf8');
const expected = (id: string) => parse(readFileSync(join(corpusDir, id, 'expected.yaml'), 'utf8')) as unknown;
const read = (text: string, previous?: unknown) =>
  importReport({ text, kind: 'text', name: 'source.txt' }, { partial: true, previous }) as ImportSuccess;
type Cells = Record<string, number | null>;
const normativeDocuments = (result: ImportSuccess): Cells =>
  (result.document.sections as unknown as Record<string, { table: Record<string, Record<string, Cells>> }>)
    .proactiveDisclosure!.table.article20Item1!.normativeDocuments!;

const PARAGRAPH = '/sections/overview/proactiveDisclosure/paragraphs/0';
const NORMATIVE = '/sections/proactiveDisclosure/table/article20Item1/normativeDocuments';

describe('errors of the report that hold under every reading of a row left unread', () => {
  it('reports the text against a row no split of whose digits can agree with (平潭 2023: 393 vs 77132470)', () => {
    const result = read(source('fj-pingtan-2023'));
    expect(result.ok).toBe(true);
    // The row stays unread: 77 | 132 | 470 is one of 21 splits of its digits.
    expect(normativeDocuments(result)).toEqual({ issued: null, repealed: null, inForce: null });
    const finding = result.findings?.find((f) => f.ruleId === 'T-TEXT' && f.pointer === PARAGRAPH);
    expect(finding).toBeDefined();
    expect(finding!.readings).toBe(21);
    expect(finding!.unreadRows).toEqual(['行政规范性文件']);
    expect(finding!.message.zh).toMatch(/现行有效行政规范性文件393件.*「77132470」.*全部 21 种可能读法下都存在/);
    expect(finding!.message.en).toMatch(/holds under every one of its 21 possible readings/);
    // 现行有效 is a tail of the digits: 0, 70, 470, 2470, 32470 or 132470, never 393.
    expect([...finding!.expectedUnderReadings!].sort((a, b) => Number(a) - Number(b))).toEqual([
      0, 70, 470, 2470, 32470, 132470,
    ]);
    expect(finding!.message.zh).toMatch(/按各种读法，统计表为 0、70、470、2470、32470、132470/);
  });

  it('reports nothing when one reading agrees with the text (the same page stating 470)', () => {
    // Without its 制发77件, 470 agrees with 77 | 132 | 470, 7713 | 2 | 470, …: no finding, nothing placed.
    const text = source('fj-pingtan-2023')
      .replace('现行有效行政规范性文件393件', '现行有效行政规范性文件470件')
      .replace('本年度制发的规范性文件77件', '本年度制发的规范性文件若干件');
    const result = read(text);
    expect(result.findings ?? []).toEqual([]);
    expect(normativeDocuments(result).inForce).toBeNull();
    // With its 制发77件 too, one split agrees with both statements: the row is read.
    const both = read(source('fj-pingtan-2023').replace('现行有效行政规范性文件393件', '现行有效行政规范性文件470件'));
    expect(normativeDocuments(both)).toEqual({ issued: 77, repealed: 132, inForce: 470 });
    expect(both.findings ?? []).toEqual([]);
  });

  it('reports a rule broken on a cell of the unread row under every reading, asserting no value', () => {
    // Last year's 698 in force: 现行有效 = 698 + 制发 − 废止 fails under each of the 21 splits of 77132470.
    const result = read(source('fj-pingtan-2023'), expected('fj-pingtan-2022'));
    expect(normativeDocuments(result)).toEqual({ issued: null, repealed: null, inForce: null });
    const finding = result.findings?.find((f) => f.pointer === `${NORMATIVE}/inForce`);
    expect(finding?.ruleId).toBe('X-VALID');
    expect(finding!.readings).toBe(21);
    expect(finding!.unreadRows).toEqual(['行政规范性文件']);
    // One reading's value would read as placed: the cell's and the rule's values are those of every reading.
    expect(finding).not.toHaveProperty('actual');
    expect(finding).not.toHaveProperty('expected');
    expect([...finding!.actualUnderReadings!].sort((a, b) => Number(a) - Number(b))).toEqual([
      0, 70, 470, 2470, 32470, 132470,
    ]);
    expect(finding!.expectedUnderReadings).toHaveLength(21);
    expect(finding!.expectedUnderReadings).toContain(698 + 77 - 132);
    expect(finding!.message.zh).toMatch(
      /现行有效件数」不符合「现行有效件数与上年衔接」：「行政规范性文件」（「77132470」）.*未能读出.*全部 21 种可能读法下都不成立（按各种读法，本格为 0、70、470、2470、32470、132470，按规则应为/,
    );
    expect(finding!.message.en).toMatch(
      /「77132470」.*not read, but the rule fails under each of its 21 possible readings/,
    );
    // The validator's message (现行有效件数为132470…) is not used: no single reading's value is asserted.
    expect(finding!.message.zh).not.toMatch(/件数为/);
    // 予以公开及部分公开42件 vs 部分公开 20: the validator reports it on the imported document itself.
    const pointers = (result.findings ?? []).map((f) => f.pointer);
    expect(pointers).toContain(PARAGRAPH);
    expect(pointers).not.toContain('/sections/overview/requestDisclosure/paragraphs/0');
  });

  it('reports nothing on the unread row when one of its readings keeps the rule', () => {
    // Last year's 525 in force: 525 + 77 − 132 = 470, the reading 77 | 132 | 470 keeps the rule.
    const previous = structuredClone(expected('fj-pingtan-2022'));
    normativeDocuments({ document: previous } as ImportSuccess).inForce = 525;
    const result = read(source('fj-pingtan-2023'), previous);
    expect(normativeDocuments(result)).toEqual({ issued: null, repealed: null, inForce: null });
    expect((result.findings ?? []).map((f) => f.pointer).filter((p) => p.startsWith(NORMATIVE))).toEqual([]);
    // The text's 393 is still the report's own error.
    expect(result.findings?.map((f) => f.pointer)).toContain(PARAGRAPH);
  });

  it('does not try more than MAX_READINGS combinations, and says so (平潭 2019: six unread rows)', () => {
    const result = read(source('fj-pingtan-2019'));
    const warning = result.warnings.find((w) => w.code === 'readings-unchecked');
    expect(warning?.message.en).toMatch(new RegExp(`more than ${MAX_READINGS}, so each row's readings were checked`));
    expect(result.findings).toBeUndefined();
  });

  it('past MAX_READINGS combinations, checks each row alone: what involves one row is still found', () => {
    // 规章 made ambiguous too (1234567: 15 splits): 21 × 15 combinations, more than MAX_READINGS.
    const text = source('fj-pingtan-2023').replace('规章000行政规范性文件', '规章1234567行政规范性文件');
    const result = read(text);
    expect(21 * 15).toBeGreaterThan(MAX_READINGS);
    expect(result.warnings.find((w) => w.code === 'readings-unchecked')?.message.en).toMatch(/checked on their own/);
    const finding = result.findings?.find((f) => f.pointer === PARAGRAPH);
    expect(finding?.unreadRows).toEqual(['行政规范性文件']);
    expect(finding?.readings).toBe(21);
  });

  it('counts such findings as known errors found in the corpus (平潭 2023: T-TEXT and X-VALID)', async () => {
    const corpus = loadCorpus();
    const fixture = corpus.find((f) => f.meta.id === 'fj-pingtan-2023')!;
    const result = await runFixture(fixture, corpus);
    expect(result.knownFound.map((e) => `${e.rule} ${e.pointer}`)).toContain(`T-TEXT ${PARAGRAPH}`);
    // X-VALID on the unread 现行有效 cell: "cannot assess" on the imported document, but broken under every
    // reading of the row (the harness passes last year's report to the import).
    expect(result.knownFound.map((e) => `${e.rule} ${e.pointer}`)).toContain(`X-VALID ${NORMATIVE}/inForce`);
    expect(result.knownMissed).toEqual([]);
    expect(result.cells.wrong).toBe(0);
  });
});
