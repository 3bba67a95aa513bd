/**
 * Findings that hold under every reading of the rows left unplaced. A row whose digits ran together
 * (行政规范性文件77132470) can be read as 77 | 132 | 470, 7 | 71 | 32470, …: the importer places none of
 * them. But if the validator finds the same problem whichever reading is taken (the text says 现行有效
 * 393 件 and no reading gives 393), the problem is the report's own, not the import's, and is reported,
 * with the note that the row is unread. The readings are every split of the row's digits (not only those
 * keeping the sums, which a report with broken sums would not honour), so the true one is among them.
 *
 * That holds for a finding about a cell of an unread row too (现行有效 ≠ last year's 现行有效 + 制发 − 废止
 * under each of the 21 splits of 77132470): whichever split is the report's, its cell breaks the rule. Such
 * a finding is reported, but its message is the importer's, not the validator's: the validator's quotes
 * the cell's value under one reading, which would read as if the importer had placed it. It names the row,
 * its published digits and the rule, says the rule fails under each of the N readings and lists the
 * cell's and the rule's values under all of them (actual/expected are left out, as one reading's). The
 * document's cells stay null: nothing is placed. A finding the validator gives on the document as imported
 * is not repeated (it reports it itself). The readings of all unread rows are combined; when there are
 * more than MAX_READINGS combinations each row is tried alone (see findingsInEveryReading).
 */
import { isEdition, type LocalizedText, type Report, rulesFor } from '@nianbao/template';
import type { Finding, ValidateOptions } from '@nianbao/validator';
import { onDemand } from './on-demand.js';
import type { CellKind } from './spec.js';
import type { SourceDocument } from './source.js';
import type { ImportWarning } from './types.js';

/** Loaded the first time a row is left unread (few imports have one): see ./on-demand.ts. */
const validator = onDemand<typeof import('@nianbao/validator')>('@nianbao/validator');

function validateReport(document: Report, options: ValidateOptions) {
  return validator().validateReport(document, options);
}

/** An unplaced row's cells and every way to split its digits into them. */
export interface RowReadings {
  /** Official row label. */
  label: string;
  /** The row's digits as published. */
  run: string;
  /** JSON Pointer of each cell of the row, in column order. */
  pointers: string[];
  kinds: CellKind[];
  /** Each split: the cells' texts in column order ('' for a blank mark). */
  splits: string[][];
}

/** A validator finding that holds under every reading of the unread rows. */
export interface ImportFinding extends Finding {
  /** How many readings were checked, and the rows they read. */
  readings: number;
  unreadRows: string[];
  /**
   * The tables' value the finding compared with, under each reading (`expected` is the first reading's;
   * absent on a finding about a cell of an unread row).
   */
  expectedUnderReadings?: (number | string)[];
  /** A finding about a cell of an unread row: the cell's value under each reading (`actual` is absent). */
  actualUnderReadings?: (number | string)[];
}

/** A finding found under every reading so far, with the tables' values it was compared with. */
interface Common {
  finding: Finding;
  expected: Set<number | string>;
  actual: Set<number | string>;
}

/** Combinations of readings checked at most (each is one validation of the whole document). */
export const MAX_READINGS = 200;

type Cells = Record<string, unknown>;

/** The parent object and key of a JSON Pointer in the document (undefined when absent). */
function slot(document: unknown, pointer: string): { parent: Cells; key: string } | undefined {
  const keys = pointer.split('/').slice(1);
  let node = document as Cells | undefined;
  for (const key of keys.slice(0, -1)) {
    node = node?.[key] as Cells | undefined;
    if (node === null || typeof node !== 'object') return undefined;
  }
  const key = keys[keys.length - 1]!;
  return node && key in node ? { parent: node, key } : undefined;
}

/** A cell's value in the document: counts as numbers, a blank mark as not reported. */
function cellValue(text: string): number | null {
  return text === '' ? null : Number(text);
}

/** The unread rows of the source whose cells are in the document as not reported (null) counts. */
function unreadRows(document: Report, source: SourceDocument): RowReadings[] {
  const rows: RowReadings[] = [];
  for (const block of source.blocks) {
    if (block.kind !== 'table') continue;
    for (const row of block.rows) {
      const readings = row.undecided?.readings;
      if (!readings || readings.splits.length < 2) continue;
      if (!readings.kinds.every((kind) => kind === 'count' || kind === 'signed')) continue;
      const free = readings.pointers.every((pointer) => {
        const at = slot(document, pointer);
        return at !== undefined && at.parent[at.key] === null;
      });
      if (free) rows.push(readings);
    }
  }
  return rows;
}

/**
 * A finding's identity across readings: its rule and place, and for a paragraph the number it states
 * (two statements of one paragraph are two findings; the text's number is the same in every reading).
 */
const findingKey = (finding: Finding) =>
  `${finding.ruleId}\u0000${finding.pointer}${finding.pointer.includes('/table/') ? '' : `\u0000${String(finding.actual ?? '')}`}`;
const assessed = (findings: Finding[]) => findings.filter((finding) => !finding.notAssessable);

/**
 * Validates the document under each combination of readings; the findings `wanted` found under all of
 * them (it stops at the first combination that leaves none).
 */
function commonFindings(
  document: Report,
  rows: RowReadings[],
  previous: unknown,
  wanted: (finding: Finding) => boolean,
): Map<string, Common> {
  let common: Map<string, Common> | undefined;
  const choice = rows.map(() => 0);
  const set = (pick: (row: RowReadings, index: number) => string[] | undefined) =>
    rows.forEach((row, index) => {
      const cells = pick(row, index);
      row.pointers.forEach((pointer, column) => {
        const at = slot(document, pointer)!;
        at.parent[at.key] = cells ? cellValue(cells[column]!) : null;
      });
    });
  try {
    for (;;) {
      set((row, index) => row.splits[choice[index]!]);
      const found = assessed(validateReport(document, { previous }).findings).filter(wanted);
      const here = new Map(found.map((finding) => [findingKey(finding), finding]));
      common ??= new Map(
        [...here].map(([key, finding]) => [
          key,
          { finding, expected: new Set<number | string>(), actual: new Set<number | string>() },
        ]),
      );
      common = new Map([...common].filter(([key]) => here.has(key)));
      for (const [key, entry] of common) {
        const { expected, actual } = here.get(key)!;
        if (expected !== undefined) entry.expected.add(expected);
        if (typeof actual === 'number' || typeof actual === 'string') entry.actual.add(actual);
      }
      if (common.size === 0) break;
      // The next combination (an odometer over the rows' splits).
      let index = 0;
      while (index < rows.length && ++choice[index]! === rows[index]!.splits.length) choice[index++] = 0;
      if (index === rows.length) break;
    }
  } finally {
    set(() => undefined);
  }
  return common ?? new Map();
}

/** The values compared with, smallest first, the first few of them. */
function valuesList(values: (number | string)[], and: string): string {
  const sorted = [...values].sort((a, b) => Number(a) - Number(b)).map(String);
  return sorted.length > 6 ? `${sorted.slice(0, 6).join(and)}…` : sorted.join(and);
}

/** How the unread rows are named in a message: label and published digits. */
function rowsNamed(rows: RowReadings[]): LocalizedText {
  return {
    zh: rows.map((row) => `「${row.label}」（「${row.run}」）`).join('、'),
    en: rows.map((row) => `「${row.label}」 (「${row.run}」)`).join(', '),
  };
}

/** A finding on a cell the importer did read: the validator's message, with the note on the unread rows. */
function notedElsewhere({ finding, expected }: Common, rows: RowReadings[], readings: number): ImportFinding {
  const named = rowsNamed(rows);
  const values = [...expected];
  const varies = values.length > 1;
  const zhValues = varies ? `按各种读法，统计表为 ${valuesList(values, '、')}；` : '';
  const enValues = varies ? ` Under the readings the tables give ${valuesList(values, ', ')}.` : '';
  const message: LocalizedText = {
    zh: `${finding.message.zh}（${named.zh}一行的数字连在一起，未能读出；此问题在其全部 ${readings} 种可能读法下都存在，${zhValues}以上数值按其中一种读法。）`,
    en: `${finding.message.en} (The digits of the row ${named.en} run together and were not read; the problem holds under every one of its ${readings} possible readings.${enValues} The figures above are from one of them.)`,
  };
  const result: ImportFinding = { ...finding, message, readings, unreadRows: rows.map((row) => row.label) };
  if (varies) result.expectedUnderReadings = values;
  return result;
}

/** The rule's title (the validator's message quotes one reading's values: it is not used). */
function ruleTitle(document: Report, ruleId: string): LocalizedText {
  const edition = (document as { edition?: unknown }).edition;
  const rule = isEdition(edition) ? rulesFor(edition).rules.find((candidate) => candidate.id === ruleId) : undefined;
  return rule?.title ?? { zh: ruleId, en: ruleId };
}

/**
 * A finding about a cell (or the row) of an unread row: the rule fails whichever reading is the report's.
 * The message names the cell, the row's published digits and the rule, and lists the values of every
 * reading; it asserts none (actual and expected, one reading's, are dropped).
 */
function notedOnUnread(
  { finding, expected, actual }: Common,
  rows: RowReadings[],
  readings: number,
  document: Report,
): ImportFinding {
  const named = rowsNamed(rows);
  const title = ruleTitle(document, finding.ruleId);
  const cell = [...(finding.row ?? []), ...(finding.column ?? [])];
  const zhCell = cell.length > 0 ? `「${cell.join(' / ')}」` : '此行';
  const enCell = cell.length > 0 ? `「${cell.join(' / ')}」` : 'this row';
  const actuals = [...actual];
  const expecteds = [...expected];
  const zhValues = [
    actuals.length > 0 ? `本格为 ${valuesList(actuals, '、')}` : '',
    expecteds.length > 0 ? `按规则应为 ${valuesList(expecteds, '、')}` : '',
  ].filter(Boolean);
  const enValues = [
    actuals.length > 0 ? `the cell is ${valuesList(actuals, ', ')}` : '',
    expecteds.length > 0 ? `the rule gives ${valuesList(expecteds, ', ')}` : '',
  ].filter(Boolean);
  const message: LocalizedText = {
    zh: `${zhCell}不符合「${title.zh}」：${named.zh}一行的数字连在一起，未能读出，但此规则在其全部 ${readings} 种可能读法下都不成立${zhValues.length > 0 ? `（按各种读法，${zhValues.join('，')}）` : ''}。`,
    en: `${enCell} breaks "${title.en}": the digits of the row ${named.en} run together and were not read, but the rule fails under each of its ${readings} possible readings${enValues.length > 0 ? ` (under the readings ${enValues.join('; ')})` : ''}.`,
  };
  const { actual: _actual, expected: _expected, ...rest } = finding;
  const result: ImportFinding = { ...rest, message, readings, unreadRows: rows.map((row) => row.label) };
  if (expecteds.length > 0) result.expectedUnderReadings = expecteds;
  if (actuals.length > 0) result.actualUnderReadings = actuals;
  return result;
}

/** Too many combinations of readings: rows are checked one at a time, or (a row too many alone) not at all. */
function tooMany(rows: RowReadings[], readings: number, oneByOne: boolean): ImportWarning {
  const message = oneByOne
    ? {
        zh: `有 ${rows.length} 行的数字连在一起未能读出，几行合起来的读法共 ${readings} 种，超过 ${MAX_READINGS} 种：逐行核查了每行的各种读法，同时涉及其中两行以上的问题未检查。`,
        en: `${rows.length} rows whose digits run together were not read; their ${readings} combined readings are more than ${MAX_READINGS}, so each row's readings were checked on their own: problems involving two of these rows together are not checked.`,
      }
    : {
        zh: `有 ${rows.length} 行的数字连在一起未能读出，可能的读法共 ${readings} 种，超过 ${MAX_READINGS} 种，未逐一核查：这些行涉及的问题未检查。`,
        en: `${rows.length} rows whose digits run together were not read; their ${readings} possible readings are more than ${MAX_READINGS}, so they were not checked one by one: problems involving these rows are not checked.`,
      };
  return { code: 'readings-unchecked', message };
}

/**
 * The report's own errors that hold under every reading of its unread rows, and a warning when the
 * readings are too many to try together. `previous` is last year's report, for the cross-year rules.
 * Rows checked one at a time leave the others not reported (null): a rule that needs one of their cells
 * is then not assessable and counts for nothing, so what is found involves the one row alone and holds
 * whatever the others are.
 */
export function findingsInEveryReading(
  document: Report,
  source: SourceDocument,
  previous?: unknown,
): { findings: ImportFinding[]; warnings: ImportWarning[] } {
  const rows = unreadRows(document, source);
  if (rows.length === 0) return { findings: [], warnings: [] };
  const readings = rows.reduce((product, row) => product * row.splits.length, 1);
  const oneByOne = readings > MAX_READINGS;
  if (oneByOne && rows.some((row) => row.splits.length > MAX_READINGS))
    return { findings: [], warnings: [tooMany(rows, readings, false)] };
  const imported = new Set(assessed(validateReport(document, { previous }).findings).map(findingKey));
  const unread = rows.flatMap((row) => row.pointers);
  // A cell of an unread row, or the row itself (below /sections/<id>/table): its message would quote one
  // reading's value, so the importer writes its own.
  const onUnreadCell = (pointer: string) =>
    unread.some(
      (cell) =>
        pointer === cell ||
        pointer.startsWith(`${cell}/`) ||
        (cell.startsWith(`${pointer}/`) && pointer.split('/').length > 4),
    );
  const wanted = (finding: Finding) => !imported.has(findingKey(finding));
  const groups = oneByOne ? rows.map((row) => [row]) : [rows];
  const found = new Map<string, ImportFinding>();
  for (const group of groups) {
    const count = group.reduce((product, row) => product * row.splits.length, 1);
    for (const [key, common] of commonFindings(document, group, previous, wanted))
      if (!found.has(key))
        found.set(
          key,
          onUnreadCell(common.finding.pointer)
            ? notedOnUnread(common, group, count, document)
            : notedElsewhere(common, group, count),
        );
  }
  return { findings: [...found.values()], warnings: oneByOne ? [tooMany(rows, readings, true)] : [] };
}
