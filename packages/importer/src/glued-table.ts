/**
 * One statistical table in text that lost its cell separators: its official rows are found in order by
 * their labels (the edition fixes the sequence), the digits between one row's label and the next are
 * that row's run, and each run is split into cells by glued-solve (only where exactly one split fits).
 */
import type { LocalizedText } from '@nianbao/template';
import { toPointer } from '@nianbao/template';
import {
  type Chunk,
  chunksOf,
  type LocalEquality,
  narrowAcrossRows,
  type RowCandidates,
  rowSplits,
} from './glued-solve.js';
import { agreeingSplits } from './glued-evidence.js';
import { type Equality, equalities } from './table-sums.js';
import type { RowReadings } from './readings.js';
import { type EditionSpec, leavesOf, type RowNode, rowsOf, type TableSpec } from './spec.js';
import { key } from './text.js';

/** The text's matching key with, for each key character, its index in the text. */
export interface KeyText {
  key: string;
  at: number[];
}

export function keyText(text: string): KeyText {
  let result = '';
  const at: number[] = [];
  let index = 0;
  for (const char of text) {
    for (const k of key(char)) {
      result += k;
      at.push(index);
    }
    index += char.length;
  }
  return { key: result, at };
}

/** Where a label is in `text` (start of its first key character, end after its last), from `from` on. */
export function findLabel(
  text: KeyText,
  label: string,
  from: number,
  to = Number.POSITIVE_INFINITY,
): { start: number; end: number } | undefined {
  if (!label) return undefined;
  const fromKey = text.at.findIndex((index) => index >= from);
  if (fromKey < 0) return undefined;
  // The full label, else its first part (published labels cut their parenthesised tails).
  const tries = [label];
  if ([...label].length > 8) tries.push([...label].slice(0, Math.max(6, Math.ceil([...label].length * 0.6))).join(''));
  for (const probe of tries) {
    const found = text.key.indexOf(probe, fromKey);
    if (found < 0) continue;
    const start = text.at[found]!;
    if (start >= to) continue;
    const last = text.at[found + probe.length - 1]!;
    return { start, end: last + 1 };
  }
  return undefined;
}

/** Digits with the marks a copy keeps among them (spaces, decimal points, 元, blank marks). */
const RUN = /[0-9０-９.．\s—/\-－]*[0-9０-９][0-9０-９.．\s—/\-－]*(?:万元|元)?/g;

export interface GluedRow {
  row: RowNode;
  /** Official title of the row (what the table reader matches). */
  label: string;
  /** The row's digits as published. */
  run?: string;
  from: string;
  /** Decided cells, in official column order ('' for a blank mark). */
  cells?: string[];
  /** Why the row's cells stay unplaced. */
  undecided?: LocalizedText;
  /** An unplaced row's every split of its digits, without the arithmetic (see RowReadings). */
  readings?: RowReadings;
  /** The statements and relations outside the table that chose the row's split (glued-evidence). */
  decidedBy?: string[];
}

export interface GluedTable {
  spec: TableSpec;
  rows: GluedRow[];
  /** Text of the region before the table (prose of the section) and after its last run. */
  before: string;
  after: string;
  rowsFound: number;
}

const say = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Strips the next row's own numbering (2. / （2） / 2、) from the end of a segment. */
function withoutNumbering(segment: string, next: RowNode | undefined): string {
  const ordinal = next?.numbering?.ordinal;
  if (ordinal === undefined) return segment;
  // The ordinal itself, not the digits before it: 70000072. is 7000007 then 2.
  const match = new RegExp(`(?:[(（]\\s*${ordinal}\\s*[)）]|${ordinal}\\s*[.、．])\\s*$`).exec(segment);
  return match ? segment.slice(0, match.index) : segment;
}

interface Located {
  row: RowNode;
  start: number;
  end: number;
}

/** The row's run between its label and the next row's label; or why there is none to read. */
function runOf(
  text: string,
  segment: { start: number; end: number },
  next: RowNode | undefined,
  last: boolean,
  headLimit: number,
): { run: string; offset: number } | LocalizedText {
  const raw = withoutNumbering(text.slice(segment.start, segment.end), next);
  const runs = [...raw.matchAll(RUN)].filter((m) => m[0].trim() !== '');
  if (runs.length === 0) return say('这一行没有数字', 'the row has no numbers');
  const first = runs[0]!;
  if (!last && runs.length > 1)
    return say(
      `这一行与下一行之间有 ${runs.length} 串数字，中间夹着文字`,
      `${runs.length} runs of digits with text between them stand before the next row`,
    );
  const head = raw.slice(0, first.index);
  const tail = last ? '' : raw.slice(first.index + first[0].length);
  if ([...head].length > headLimit || [...tail].length > 120)
    return say('行标签与数字之间夹着长段文字', 'long text stands between the row label and its digits');
  return {
    run: first[0].trim(),
    offset: segment.start + first.index + (first[0].length - first[0].trimStart().length),
  };
}

function lineColumn(lineNumber: number, offset: number): string {
  return `line ${lineNumber}, column ${offset + 1}`;
}

const pointerOf = (spec: TableSpec, row: RowNode, path: string[]) =>
  toPointer(['sections', spec.id, 'table', ...row.path, ...path]);

/** The equalities whose cells are all in one row, by column index. */
function localEqualities(pointers: string[], all: Equality[]): LocalEquality[] {
  const column = new Map(pointers.map((pointer, index) => [pointer, index]));
  return all
    .filter((equality) => equality.terms.every((term) => column.has(term.pointer)))
    .map((equality) => {
      const terms = equality.terms.map((term) => ({
        column: column.get(term.pointer)!,
        coefficient: term.coefficient,
      }));
      return { terms, constant: equality.constant, last: Math.max(...terms.map((t) => t.column)) };
    });
}

/** Locates the table's rows in order from `anchor`. Table 四 (one row) starts at its first column label. */
function locate(spec: TableSpec, text: KeyText, anchor: number, end: number): Located[] {
  if (spec.root.columns) {
    const first = [...leavesOf(spec.root.columns)][0]!;
    const at = findLabel(text, first.labelKey, anchor, end);
    return at ? [{ row: spec.root, start: at.start, end: at.end }] : [];
  }
  const located: Located[] = [];
  let cursor = anchor;
  for (const row of rowsOf(spec.root)) {
    const at = findLabel(text, row.labelKey, cursor, end);
    if (!at) continue;
    located.push({ row, start: at.start, end: at.end });
    cursor = at.end;
  }
  return located;
}

/** Splits of each located row (before the cross-row step). */
function candidates(
  spec: TableSpec,
  rows: GluedRow[],
  runs: (Chunk[] | undefined)[],
  all: Equality[],
): RowCandidates[] {
  return rows.map((glued, index) => {
    const leaves = [...leavesOf(glued.row.columns!)];
    const pointers = leaves.map((leaf) => pointerOf(spec, glued.row, leaf.path));
    const chunks = runs[index];
    if (!chunks || glued.undecided) return { pointers, splits: [] };
    const kinds = leaves.map((leaf) => leaf.kind!);
    const local = rowSplits(chunks, kinds, localEqualities(pointers, all));
    if (local.exhausted) {
      glued.undecided = say('可能的拆分过多', 'too many ways to split it');
      return { pointers, splits: [] };
    }
    if (local.splits.length > 0) return { pointers, splits: local.splits };
    // No split adds up: the row is decided only if its digits leave one split whatever the arithmetic
    // (as many digits as cells: 7000007); then the validator reports the report's own error.
    const bare = rowSplits(chunks, kinds, []);
    if (!bare.exhausted && bare.splits.length === 1) return { pointers, splits: bare.splits };
    glued.undecided = say(
      bare.splits.length === 0 ? `数字个数与本行 ${kinds.length} 个单元格不符` : '没有一种拆分符合表格的加总关系',
      bare.splits.length === 0
        ? `its digits do not fit the row's ${kinds.length} cells`
        : "no split keeps the table's sums",
    );
    return { pointers, splits: [] };
  });
}

type EvidenceCheck = { sources: string[]; agreeing: string[][] } | undefined;

/** The candidate splits, when few enough to list for the clerk who has the original at hand. */
const MAX_LISTED = 6;
function listed(splits: string[][]): LocalizedText | undefined {
  if (splits.length === 0 || splits.length > MAX_LISTED) return undefined;
  const each = splits.map((split) => split.map((cell) => cell || '—').join(' | '));
  return say(`，可能是 ${each.join('；')}`, `: possibly ${each.join('; ')}`);
}

/**
 * Why a row with several splits is unread: they all keep its sums, or no sum involves it (table 二); and
 * how many agree with the evidence outside the table that is about it (none, or more than one).
 */
function manySplits(candidate: RowCandidates, sums: Equality[], checked: EvidenceCheck): LocalizedText {
  const count = candidate.splits.length;
  const cells = new Set(candidate.pointers);
  const summed = sums.some((e) => e.terms.some((term) => cells.has(term.pointer)));
  const splits = summed
    ? say(`有 ${count} 种拆分都符合表格的加总关系`, `${count} splits all keep the table's sums`)
    : say(
        `可以拆成 ${count} 种，表格中没有能确定它的加总关系`,
        `it splits in ${count} ways and no sum of the table involves it`,
      );
  if (!checked) {
    const options = listed(candidate.splits);
    return options ? say(splits.zh + options.zh, splits.en + options.en) : splits;
  }
  const options = listed(checked.agreeing);
  const agreeing = checked.agreeing.length;
  return say(
    `${splits.zh}，其中与${checked.sources.join('、')}都相符的有 ${agreeing} 种${options?.zh ?? ''}`,
    `${splits.en}, and ${agreeing} of them agree with ${checked.sources.join(', ')}${options?.en ?? ''}`,
  );
}

/** A row the table's sums leave with several splits is placed when the evidence outside it keeps one. */
function decideByEvidence(glued: GluedRow, candidate: RowCandidates, evidence: Equality[]): EvidenceCheck {
  if (candidate.splits.length < 2) return undefined;
  const agreeing = agreeingSplits(candidate.pointers, candidate.splits, evidence);
  if (agreeing.used.length === 0) return undefined;
  const sources = agreeing.used.map((e) => e.source ?? e.rule);
  if (agreeing.splits.length !== 1) return { sources, agreeing: agreeing.splits };
  candidate.splits = agreeing.splits;
  glued.decidedBy = sources;
  return undefined;
}

/**
 * Every split of an unplaced row's digits into its cells, the arithmetic left out: whatever the report's
 * sums, its true cells are one of these (what a finding must hold under to be the report's own error).
 */
function everySplit(spec: TableSpec, glued: GluedRow, chunks: Chunk[] | undefined): RowReadings | undefined {
  if (!chunks || !glued.run || !glued.row.columns) return undefined;
  const leaves = [...leavesOf(glued.row.columns)];
  const kinds = leaves.map((leaf) => leaf.kind!);
  const bare = rowSplits(chunks, kinds, []);
  if (bare.exhausted || bare.splits.length === 0) return undefined;
  return {
    label: glued.label,
    run: glued.run,
    pointers: leaves.map((leaf) => pointerOf(spec, glued.row, leaf.path)),
    kinds,
    splits: bare.splits,
  };
}

/**
 * Reads one table from `text` (one line of the input, `lineNumber`) between `start` and `end`, with the
 * rows of `edition`'s table; `anchor` is where the table's header starts (its prose ends).
 */
export function gluedTable(
  edition: EditionSpec,
  spec: TableSpec,
  text: string,
  keys: KeyText,
  region: { start: number; end: number; anchor: number },
  lineNumber: number,
  evidence: Equality[] = [],
): GluedTable {
  const located = locate(spec, keys, region.anchor, region.end);
  const rows: GluedRow[] = [];
  const chunkLists: (Chunk[] | undefined)[] = [];
  let after = region.end;
  located.forEach((at, index) => {
    const next = located[index + 1];
    const last = next === undefined;
    // Table 四's values follow its whole header (15 column labels); a row's follow its label.
    const headLimit = spec.root.columns ? 200 : 60;
    const found = runOf(text, { start: at.end, end: next?.start ?? region.end }, next?.row, last, headLimit);
    const glued: GluedRow = { row: at.row, label: at.row.title, from: lineColumn(lineNumber, at.start) };
    if ('run' in found) {
      glued.run = found.run;
      glued.from = lineColumn(lineNumber, found.offset);
      const chunks = chunksOf(found.run);
      if (!chunks) glued.undecided = say('数字中有逗号，无法区分千位分隔与单元格', 'a comma among the digits');
      chunkLists.push(chunks);
      if (last) after = found.offset + found.run.length;
    } else {
      glued.undecided = found;
      chunkLists.push(undefined);
    }
    rows.push(glued);
  });
  const all = equalities(edition.edition);
  const rowCandidates = candidates(spec, rows, chunkLists, all);
  narrowAcrossRows(rowCandidates, all);
  rows.forEach((glued, index) => {
    if (!glued.undecided) {
      const checked = decideByEvidence(glued, rowCandidates[index]!, evidence);
      const { splits } = rowCandidates[index]!;
      if (splits.length === 1) glued.cells = splits[0]!;
      else glued.undecided = manySplits(rowCandidates[index]!, all, checked);
    }
    if (glued.undecided) glued.readings = everySplit(spec, glued, chunkLists[index]);
  });
  const firstStart = located[0]?.start ?? region.end;
  return {
    spec,
    rows,
    before: text.slice(region.start, Math.min(region.anchor, firstStart)),
    after: located.length > 0 ? text.slice(after, region.end) : '',
    rowsFound: located.length,
  };
}
