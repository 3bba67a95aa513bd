/**
 * Digits that lost their cell separators (a crawler's text of a table: 规范性文件898989) are split back
 * into cells only where the table's own arithmetic leaves exactly one way: every split of a row's digit
 * run into its cells is enumerated (no leading zeros except a lone 0, at most MAX_DIGITS digits a count),
 * the splits that break an equality of the edition's data rules (rules-*.json: a row's 总计 is the sum of
 * its columns, a column's totals the sum of its rows, 一 + 二 = 三（七） + 四, table 四's blocks) are
 * dropped (./table-sums.ts reads them), and a row is decided only when one split is left. A wrong number is worse than none.
 */
import type { CellKind } from './spec.js';
import type { Equality } from './table-sums.js';

/** Digits of a count in a report's table (the largest reach six: 行政处罚 693957). */
const MAX_DIGITS = 7;
/** Steps of the enumeration of one row before it gives up (leaving the row undecided). */
const BUDGET = 200_000;
/** Combinations of the undecided rows one cross-row equality may try. */
const COMBINATIONS = 100_000;

/** A token of a digit run that the copy kept apart (by a space or a blank mark). */
export type Chunk = { kind: 'digits'; text: string } | { kind: 'blank'; text: string };

const COUNT = new RegExp(`^(0|[1-9]\\d{0,${MAX_DIGITS - 1}})$`);
const SIGNED = new RegExp(`^-?(0|[1-9]\\d{0,${MAX_DIGITS - 1}})$`);
const AMOUNT = /^(0|[1-9]\d{0,14})(\.\d+)?(万元|元)?$/;

/** Whether `text` can be one cell of `kind`. */
export function fitsCell(text: string, kind: CellKind): boolean {
  if (kind === 'count') return COUNT.test(text);
  if (kind === 'signed') return SIGNED.test(text);
  return AMOUNT.test(text);
}

/** The run's chunks: apart where the copy kept spaces, minus signs or blank marks (—, /). */
export function chunksOf(run: string): Chunk[] | undefined {
  const text = run.normalize('NFKC').replace(/[－−–]/g, '-');
  if (/[,，]/.test(text)) return undefined; // 1,234 or 1 | 234: a comma cannot be told apart
  const chunks: Chunk[] = [];
  for (const piece of text.split(/\s+/).filter(Boolean)) {
    for (const part of piece.split(/(?=-\d)|([—/]+|-(?!\d))/).filter(Boolean)) {
      chunks.push(/^[—/-]+$/.test(part) ? { kind: 'blank', text: part } : { kind: 'digits', text: part });
    }
  }
  return chunks;
}

/** A row-local equality: column indexes and coefficients, checkable once its last column is assigned. */
export interface LocalEquality {
  terms: { column: number; coefficient: number }[];
  constant: number;
  last: number;
}

export type SplitResult = { splits: string[][]; exhausted: false } | { splits: string[][]; exhausted: true };

/** Value of a cell for arithmetic (a blank cell has none). */
export function numeric(text: string | null): number | undefined {
  if (text === null || !/^-?\d+$/.test(text)) return undefined;
  return Number(text);
}

export function holds(equality: LocalEquality, cells: (string | null)[]): boolean {
  let sum = equality.constant;
  for (const { column, coefficient } of equality.terms) {
    const value = numeric(cells[column] ?? null);
    if (value === undefined) return true; // a blank cell: the equality says nothing
    sum += coefficient * value;
  }
  return sum === 0;
}

/**
 * Every way to cut `chunks` into `kinds.length` cells (each chunk into one or more consecutive cells, a
 * blank mark one cell of its own) that keeps every row-local equality. `exhausted`: the budget ran out.
 */
export function rowSplits(chunks: Chunk[], kinds: CellKind[], local: LocalEquality[]): SplitResult {
  const splits: string[][] = [];
  const cells: (string | null)[] = [];
  const byLast = new Map<number, LocalEquality[]>();
  for (const equality of local) byLast.set(equality.last, [...(byLast.get(equality.last) ?? []), equality]);
  let steps = 0;
  const remainingChunks = (k: number) => chunks.length - k;
  const visit = (k: number, position: number, cell: number): boolean => {
    if (++steps > BUDGET) return false;
    if (k === chunks.length) {
      if (cell === kinds.length) splits.push(cells.map((c) => c ?? ''));
      return true;
    }
    const chunk = chunks[k]!;
    const cellsLeft = kinds.length - cell;
    if (cellsLeft < remainingChunks(k) - (position > 0 ? 1 : 0)) return true;
    const place = (text: string | null, nextK: number, nextPosition: number): boolean => {
      cells[cell] = text;
      const ok = (byLast.get(cell) ?? []).every((equality) => holds(equality, cells));
      const go = ok ? visit(nextK, nextPosition, cell + 1) : true;
      cells.length = cell;
      return go;
    };
    if (cellsLeft === 0) return true;
    if (chunk.kind === 'blank') return place(null, k + 1, 0);
    const rest = chunk.text.length - position;
    const maxLength = kinds[cell] === 'count' || kinds[cell] === 'signed' ? MAX_DIGITS + 1 : rest;
    for (let length = 1; length <= Math.min(rest, maxLength); length++) {
      const text = chunk.text.slice(position, position + length);
      if (!fitsCell(text, kinds[cell]!)) continue;
      const end = position + length === chunk.text.length;
      if (!place(text, end ? k + 1 : k, end ? 0 : position + length)) return false;
    }
    return true;
  };
  const complete = visit(0, 0, 0);
  return complete ? { splits, exhausted: false } : { splits: [], exhausted: true };
}

/** A row's candidates for the cross-row step: its splits (the row is decided when one is left). */
export interface RowCandidates {
  /** Pointer of each cell of the row, in column order. */
  pointers: string[];
  splits: string[][];
}

/**
 * Cross-row equalities (a column's sum, the balance): a split of a row is kept only if, with some split
 * of each other row the equality covers, the equality holds; repeated until nothing changes. An equality
 * no combination meets is the report's own error (the validator will say so): it decides nothing.
 */
export function narrowAcrossRows(rows: RowCandidates[], all: Equality[]): void {
  const where = new Map<string, { row: number; column: number }>();
  rows.forEach((row, index) => {
    row.pointers.forEach((pointer, column) => {
      where.set(pointer, { row: index, column });
    });
  });
  const usable = all.filter((equality) => {
    const rowsOf = new Set(equality.terms.map((term) => where.get(term.pointer)?.row));
    return rowsOf.size > 1 && !rowsOf.has(undefined) && [...rowsOf].every((r) => rows[r!]!.splits.length > 0);
  });
  let changed = true;
  while (changed) {
    changed = false;
    for (const equality of usable) if (narrowOne(rows, equality, where)) changed = true;
  }
}

function narrowOne(
  rows: RowCandidates[],
  equality: Equality,
  where: Map<string, { row: number; column: number }>,
): boolean {
  const involved = [...new Set(equality.terms.map((term) => where.get(term.pointer)!.row))];
  if (involved.some((row) => rows[row]!.splits.length === 0)) return false;
  const product = involved.reduce((n, row) => n * rows[row]!.splits.length, 1);
  if (product === 1 || product > COMBINATIONS) return false;
  const supported = new Map<number, Set<number>>(involved.map((row) => [row, new Set()]));
  const choice = new Map<number, number>();
  const evaluate = (): boolean | undefined => {
    let sum = equality.constant;
    for (const term of equality.terms) {
      const { row, column } = where.get(term.pointer)!;
      const value = numeric(rows[row]!.splits[choice.get(row)!]![column] ?? null);
      if (value === undefined) return undefined;
      sum += term.coefficient * value;
    }
    return sum === 0;
  };
  let anyHolds = false;
  const walk = (index: number): void => {
    if (index === involved.length) {
      const result = evaluate();
      if (result === false) return;
      if (result === true) anyHolds = true;
      for (const [row, split] of choice) supported.get(row)!.add(split);
      return;
    }
    const row = involved[index]!;
    for (let split = 0; split < rows[row]!.splits.length; split++) {
      choice.set(row, split);
      walk(index + 1);
    }
    choice.delete(row);
  };
  walk(0);
  if (!anyHolds) return false;
  let changed = false;
  for (const row of involved) {
    const keep = supported.get(row)!;
    if (keep.size === rows[row]!.splits.length) continue;
    rows[row]!.splits = rows[row]!.splits.filter((_, index) => keep.has(index));
    changed = true;
  }
  return changed;
}
