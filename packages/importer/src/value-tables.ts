/**
 * Pieces of a report table that carry numbers but no label that names their table, as PDF-to-text
 * converters leave them: recognised by where they are and by their arithmetic, never by a guess.
 * - A piece of rows of numbers between two pieces of the same table, in the same section, is part of it
 *   (its rows are then placed by their order, see rows-by-order.ts, or not at all).
 * - A row of exactly table 四's 15 numbers whose three 总计 are the sums of the four numbers before
 *   each (C-SUM, read in the official column order) under a header too broken to name its columns
 *   (维持 | 纠正 | 结果 | 审结 …) is table 四, read in the official order.
 */
import type { SectionBucket } from './front.js';
import type { Block, SourceTable } from './source.js';
import { type EditionSpec, leavesOf, type TableId } from './spec.js';
import { sumChecks, sumOutcome } from './table-sums.js';
import { type SplitRow, splitRow } from './tables.js';
import { numberText, readCell } from './values.js';

function splitRows(table: SourceTable): SplitRow[] {
  return table.rows.map((row) => splitRow({ cells: row.cells, from: row.from, aligned: table.aligned, part: 0 }));
}

/** The row's values without the blank cells a converter leaves at its end. */
function ownValues(split: SplitRow): string[] {
  const values = [...split.values];
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return values;
}

const isCount = (value: string): boolean => value !== '' && numberText(value) !== undefined;

/** Rows of numbers only (at least two), and no row that has both a label and numbers. */
function numberRows(table: SourceTable): string[][] | undefined {
  const rows: string[][] = [];
  for (const split of splitRows(table)) {
    const values = ownValues(split);
    if (values.length === 0) continue;
    if (split.labels.length > 0 || !values.every(isCount)) return undefined;
    if (values.length > 1) rows.push(values);
  }
  return rows.length > 0 ? rows : undefined;
}

function bucketOf(block: Block, buckets: SectionBucket[]): SectionBucket | undefined {
  return buckets.find((bucket) => bucket.blocks.includes(block));
}

/** Unrecognised pieces of numbers lying between two pieces of one table, in one section, join that table. */
function piecesBetween(blocks: Block[], tableIds: Map<SourceTable, TableId>, buckets: SectionBucket[]): void {
  const tables = blocks.filter((block): block is SourceTable => block.kind === 'table');
  tables.forEach((table, index) => {
    const [before, after] = [tables[index - 1], tables[index + 1]];
    if (tableIds.has(table) || !before || !after) return;
    const id = tableIds.get(before);
    if (!id || tableIds.get(after) !== id || !numberRows(table)) return;
    const bucket = bucketOf(table, buckets);
    if (bucket !== bucketOf(before, buckets) || bucket !== bucketOf(after, buckets)) return;
    tableIds.set(table, id);
  });
}

/** Whether 15 numbers in the official column order of table 四 satisfy its sums in every edition. */
function addsUpAsTable4(values: string[], specs: EditionSpec[]): boolean {
  return specs.every((spec) => {
    const table = spec.tables.find((t) => t.id === 'reviewAndLitigation')!;
    const leaves = [...leavesOf(table.root.columns!)];
    if (leaves.length !== values.length) return false;
    const numbers = new Map<string, number>();
    leaves.forEach((leaf, index) => {
      const reading = readCell(values[index]!, leaf.kind!);
      if (reading.status === 'value' && typeof reading.value === 'number')
        numbers.set(leaf.path.join('/'), reading.value);
    });
    const checks = sumChecks(spec.edition, 'reviewAndLitigation');
    return checks.length > 0 && checks.every((check) => sumOutcome(check, (path) => numbers.get(path)) === 'holds');
  });
}

/**
 * A piece whose rows of numbers are table 四's single row, adding up in the official order, when no piece
 * was recognised as table 四 by its labels: it is table 四, read in that order (`ordered`).
 */
function table4ByItsSums(blocks: Block[], tableIds: Map<SourceTable, TableId>, specs: EditionSpec[]): void {
  if ([...tableIds.values()].includes('reviewAndLitigation')) return;
  const found = blocks.filter((block): block is SourceTable => {
    if (block.kind !== 'table') return false;
    const rows = numberRows(block);
    return rows?.length === 1 && addsUpAsTable4(rows[0]!, specs);
  });
  // Two such rows: which one is the table cannot be told.
  if (found.length !== 1) return;
  tableIds.set(found[0]!, 'reviewAndLitigation');
  found[0]!.ordered = true;
}

/** Adds to `tableIds` the pieces of tables known by their place and their sums (see the module comment). */
export function recogniseValueTables(
  blocks: Block[],
  tableIds: Map<SourceTable, TableId>,
  buckets: SectionBucket[],
  specs: EditionSpec[],
): void {
  table4ByItsSums(blocks, tableIds, specs);
  piecesBetween(blocks, tableIds, buckets);
}
