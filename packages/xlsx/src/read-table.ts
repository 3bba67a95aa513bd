/**
 * One table sheet back into values, by labels. Rows above the first data row (and, in 表二, the
 * 信息内容 row of each block) are column headers: each sheet column is named by the header texts
 * above it, and a cell's column is the one whose names end with the cell's official column labels.
 * A data row is named by the row labels in it (merged labels repeat on every row they cover), after
 * the block title row above it in 表二. A moved row, or a column added by hand, is still found.
 */
import type { DataCellLayout, TableLayout } from '@nianbao/view-model';
import { normalize } from './model.js';
import { address } from './write.js';

export interface Problem {
  /** `sheet!cell`, when the problem has a place. */
  ref?: string;
  message: { zh: string; en: string };
}

export interface Grid {
  name: string;
  /** 1-based rows of 1-based cells. */
  rows: ({ value: string | number | null; numFmt?: string }[] | undefined)[];
}

interface Vocabulary {
  rowLabels: Set<string>;
  columnLabels: Set<string>;
  blocks: Set<string>;
  rows: Map<string, DataCellLayout[]>;
}

function vocabularyOf(table: TableLayout): Vocabulary {
  const vocabulary: Vocabulary = { rowLabels: new Set(), columnLabels: new Set(), blocks: new Set(), rows: new Map() };
  for (const row of [...table.head, ...table.groups.flatMap((group) => group.rows)]) {
    for (const cell of row.cells) {
      if (cell.kind !== 'header') continue;
      const text = normalize(cell.text);
      if (cell.role === 'block') vocabulary.blocks.add(text);
      else if (cell.role === 'row' || cell.role === 'rowGroup') vocabulary.rowLabels.add(text);
      else vocabulary.columnLabels.add(text);
    }
  }
  for (const cell of table.cells) {
    const key = cell.rowLabels.map(normalize).join('|');
    vocabulary.rows.set(key, [...(vocabulary.rows.get(key) ?? []), cell]);
  }
  return vocabulary;
}

const textOf = (value: string | number | null | undefined) => (typeof value === 'string' ? normalize(value) : '');
const isBlank = (value: string | number | null | undefined) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
const endsWith = (names: string[], labels: string[]) =>
  labels.length <= names.length && labels.every((label, i) => names[names.length - labels.length + i] === label);

/** The value of a cell as the document holds it. */
function documentValue(kind: DataCellLayout['valueKind'], raw: string | number | null, numFmt?: string): unknown {
  if (isBlank(raw)) return kind === 'money' ? { value: null, unit: null } : null;
  if (kind === 'amount') {
    if (typeof raw !== 'number') return String(raw).trim();
    // The number format of an exported amount keeps its decimals ("59237.2400" stays four places).
    const decimals = /^0\.(0+)$/.exec(numFmt ?? '')?.[1]?.length;
    return decimals === undefined ? String(raw) : raw.toFixed(decimals);
  }
  if (kind === 'money') {
    const match = /^\s*([\d.]+)\s*(元|万元)?\s*$/.exec(String(raw));
    return match ? { value: match[1], unit: match[2] ?? null } : { value: String(raw), unit: null };
  }
  if (typeof raw === 'string' && /^\s*[+-]?\d+\s*$/.test(raw)) return Number(raw);
  return raw;
}

interface Reading {
  grid: Grid;
  vocabulary: Vocabulary;
  values: Map<string, unknown>;
  cells: Record<string, string>;
  problems: Problem[];
  found: Set<string>;
  /** Per sheet column, the header texts above it (top down). */
  headers: string[][];
}

/** The cells of one data row, each from the column whose header texts end with its column labels. */
function readRow(
  reading: Reading,
  expected: DataCellLayout[],
  row: NonNullable<Grid['rows'][number]>,
  rowNumber: number,
) {
  const texts = row.map((cell) => textOf(cell?.value));
  for (const cell of expected) {
    const labels = cell.columnLabels.map(normalize);
    const column = reading.headers.findIndex(
      (names, index) =>
        names !== undefined && endsWith(names, labels) && !reading.vocabulary.rowLabels.has(texts[index]!),
    );
    if (column < 0) continue;
    const ref = `${reading.grid.name}!${address(rowNumber, column)}`;
    if (reading.found.has(cell.pointer)) {
      reading.problems.push({
        ref,
        message: { zh: '这一行与前面的一行重复，未读取。', en: 'This row repeats an earlier one; not read.' },
      });
      continue;
    }
    reading.found.add(cell.pointer);
    const source = row[column];
    reading.values.set(cell.pointer, documentValue(cell.valueKind, source?.value ?? null, source?.numFmt));
    reading.cells[cell.pointer] = ref;
  }
}

function addHeaderRow(headers: string[][], row: NonNullable<Grid['rows'][number]>): void {
  row.forEach((cell, column) => {
    const text = textOf(cell?.value);
    if (text === '') return;
    const names = (headers[column] ??= []);
    if (names.at(-1) !== text) names.push(text);
  });
}

export function readTable(
  grid: Grid,
  table: TableLayout,
): { values: Map<string, unknown>; cells: Record<string, string>; problems: Problem[] } {
  const vocabulary = vocabularyOf(table);
  const reading: Reading = {
    grid,
    vocabulary,
    values: new Map(),
    cells: {},
    problems: [],
    found: new Set(),
    headers: [],
  };
  let inData = false;
  let block: string | undefined;
  grid.rows.forEach((row, rowNumber) => {
    if (!row || rowNumber === 1) return; // row 1: the sheet's title
    const texts = row.map((cell) => textOf(cell?.value));
    const rowLabels = texts.filter((text, i) => vocabulary.rowLabels.has(text) && texts[i - 1] !== text);
    const blockTitle = texts.find((text) => vocabulary.blocks.has(text));
    if (blockTitle !== undefined && rowLabels.length === 0) {
      block = blockTitle;
      reading.headers = [];
      inData = false;
      return;
    }
    if (rowLabels.length === 0 && texts.some((text) => vocabulary.columnLabels.has(text))) {
      if (inData) reading.headers = [];
      inData = false;
      addHeaderRow(reading.headers, row);
      return;
    }
    const hasContent = row.some((cell, column) => !isBlank(cell?.value) && !vocabulary.rowLabels.has(texts[column]!));
    if (rowLabels.length === 0 && table.labelColumnCount > 0) {
      if (hasContent) reading.problems.push(unknownRow(grid.name, row, rowNumber));
      return;
    }
    inData = true;
    const key = [...(block !== undefined && table.shape === 'blocks' ? [block] : []), ...rowLabels].join('|');
    const expected = vocabulary.rows.get(key);
    if (expected) readRow(reading, expected, row, rowNumber);
    else if (hasContent || rowLabels.length > 0) reading.problems.push(unknownRow(grid.name, row, rowNumber));
  });
  for (const cell of table.cells) {
    if (reading.found.has(cell.pointer)) continue;
    reading.values.set(cell.pointer, cell.valueKind === 'money' ? { value: null, unit: null } : null);
    const place = [...cell.rowLabels, ...cell.columnLabels].join(' › ');
    reading.problems.push({
      ref: grid.name,
      message: {
        zh: `找不到「${place}」的单元格，记为未填写。`,
        en: `No cell for 「${place}」; taken as not filled in.`,
      },
    });
  }
  return { values: reading.values, cells: reading.cells, problems: reading.problems };
}

function unknownRow(sheet: string, row: NonNullable<Grid['rows'][number]>, rowNumber: number): Problem {
  const first = row.findIndex((cell) => !isBlank(cell?.value));
  const label = row[first]?.value;
  return {
    ref: `${sheet}!${address(rowNumber, Math.max(first, 1))}`,
    message: {
      zh: `未知的行「${label}」：不是本格式的栏目，未读取。`,
      en: `Unknown row "${label}": not a row of this edition's table; not read.`,
    },
  };
}
