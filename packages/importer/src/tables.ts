import {
  allColumnNodes,
  allRowNodes,
  leavesOf,
  rowsOf,
  type ColumnNode,
  type EditionSpec,
  type RowNode,
  type TableId,
  type TableSpec,
} from './spec.js';
import type { GridCell, SourceTable } from './source.js';
import { labelKey, MATCH, similarAtLeast, similarity } from './text.js';
import { isBlankMarker, isValueLike, numberText, unitOf, type Unit } from './values.js';

// ---------------------------------------------------------------- classification

function cellTexts(table: SourceTable): string[] {
  return table.rows.flatMap((row) => row.cells.filter((cell) => cell.origin).map((cell) => cell.text));
}

function specLabels(spec: TableSpec): string[] {
  const labels = [...spec.decorations];
  for (const row of allRowNodes(spec.root)) labels.push(row.labelKey);
  for (const row of rowsOf(spec.root)) for (const column of allColumnNodes(row.columns!)) labels.push(column.labelKey);
  return [...new Set(labels.filter((label) => label.length > 0))];
}

const labelCache = new WeakMap<TableSpec, string[]>();

function labelsOf(spec: TableSpec): string[] {
  let labels = labelCache.get(spec);
  if (!labels) labelCache.set(spec, (labels = specLabels(spec)));
  return labels;
}

const MAX_CLASSIFY_LABELS = 300;

/** The label keys of a source table's cells (the first ones: a report table has fewer than 200). */
function labelTexts(table: SourceTable): string[] {
  // A table of 50,000 rows is classified in constant time.
  const texts: string[] = [];
  for (const text of cellTexts(table)) {
    if (texts.length >= MAX_CLASSIFY_LABELS) break;
    if (text.length > 0 && text.length <= 80 && !isValueLike(text)) texts.push(labelKey(text).key);
  }
  return texts;
}

/** How many of a source table's label cells are labels of the report table `id`. */
export function tableScore(table: SourceTable, specs: EditionSpec[], id: TableId, texts = labelTexts(table)): number {
  const labels = specs.flatMap((spec) => labelsOf(spec.tables.find((t) => t.id === id)!));
  return texts.filter((text) => labels.some((label) => similarAtLeast(text, label, 0.85))).length;
}

/** Which report table a source table is (by how many of its cells are that table's labels), if any. */
export function classifyTable(table: SourceTable, specs: EditionSpec[]): TableId | undefined {
  const texts = labelTexts(table);
  let best: { id: TableId; score: number } | undefined;
  for (const id of ['proactiveDisclosure', 'applications', 'reviewAndLitigation'] as TableId[]) {
    // Labels shared by several tables (总计, 其他) count less than their own ones.
    const score = tableScore(table, specs, id, texts);
    if (score >= 2 && (!best || score > best.score)) best = { id, score };
  }
  return best?.id;
}

/** Keys of the label cells of some tables, to tell the editions apart. */
export function tableLabelKeys(tables: SourceTable[]): string[] {
  return tables
    .flatMap(cellTexts)
    .filter((t) => t && !isValueLike(t))
    .map((t) => labelKey(t).key);
}

// ---------------------------------------------------------------- rows: labels and values

export interface RowView {
  cells: GridCell[];
  from: string;
  raw?: string;
  aligned: boolean;
  /** Index of the source table (part) the row comes from. */
  part: number;
  /** From a table printed one cell per line (see SourceTable.cellPerLine). */
  cellPerLine?: boolean;
  /** Blank cells leave no trace in its table (see SourceTable.strictCounts). */
  strictCounts?: boolean;
  /** Values in the official column order (see SourceTable.ordered). */
  ordered?: boolean;
  /** From a text printed with its page layout (see SourceTable.layout). */
  layout?: boolean;
  /** The last row of a copy cut short inside this table (its last part ends the document). */
  last?: boolean;
  /** Digits that could not be split into the row's cells (see TableRow.undecided). */
  undecided?: { run: string; reason: { zh: string; en: string } } | undefined;
}

export interface SplitRow {
  labels: string[];
  /** Value cells after the labels (own cells in reading order). */
  values: string[];
  /** Where each value cell is (the cell's own place, else its row's). */
  froms: string[];
}

/** Labels: the leading non-value cells (spanned duplicates merged); values: the cells after them. */
export function splitRow(row: RowView): SplitRow {
  const cells = row.aligned ? row.cells : row.cells.filter((cell) => cell.origin);
  let end = 0;
  while (end < cells.length && (cells[end]!.text === '' || !isValueLike(cells[end]!.text))) end++;
  // Empty cells right before the values are blank values, not empty labels.
  while (end > 0 && cells[end - 1]!.text === '') end--;
  const labels: string[] = [];
  for (const cell of cells.slice(0, end)) {
    if (cell.text !== '' && labels[labels.length - 1] !== cell.text) labels.push(cell.text);
  }
  const valueCells = cells.slice(end);
  // A resolved grid repeats a colspan value: read it once.
  const own = valueCells.filter((cell) => !cell.fromLeft);
  return { labels, values: own.map((c) => c.text), froms: own.map((c) => c.from ?? row.from) };
}

export function hasNumber(values: string[]): boolean {
  return values.some((value) => !isBlankMarker(value) && numberText(value) !== undefined);
}

export function rowText(row: RowView): string {
  if (row.raw !== undefined) return row.raw;
  const texts = row.cells.filter((cell) => cell.origin).map((cell) => cell.text);
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return texts.join(' | ');
}

// ---------------------------------------------------------------- label matching

interface Scored<T> {
  node: T;
  score: number;
  /** The text similarity alone (without preferences for depth, numbering or context). */
  similarity?: number;
  /** The label's words equal the official ones. */
  exact?: boolean;
}

export function bestColumn(
  text: string,
  candidates: Iterable<{ node: ColumnNode; depth: number }>,
): Scored<ColumnNode> | undefined {
  const { key } = labelKey(text);
  let best: Scored<ColumnNode> | undefined;
  for (const { node, depth } of candidates) {
    const raw = similarity(key, node.labelKey);
    const score = raw - depth * 0.01;
    if (!best || score > best.score) best = { node, score, similarity: raw };
  }
  if (best && best.score >= MATCH) return best;
  // 行政诉讼（复议后起诉）: the words in brackets name the column under the outer one.
  const inner = /^[^（(]+[（(]([^)）]+)[)）]$/.exec(text.trim());
  return inner ? bestColumn(inner[1]!, candidates) : undefined;
}

const depthCache = new WeakMap<ColumnNode[], { node: ColumnNode; depth: number }[]>();

export function withDepth(columns: ColumnNode[], depth = 0): { node: ColumnNode; depth: number }[] {
  if (depth === 0) {
    const cached = depthCache.get(columns);
    if (cached) return cached;
  }
  const list = columns.flatMap((node) => [{ node, depth }, ...withDepth(node.children ?? [], depth + 1)]);
  if (depth === 0) depthCache.set(columns, list);
  return list;
}

function isDescendant(node: RowNode, ancestor: RowNode): boolean {
  for (let current = node.parent; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

function bestRow(text: string, root: RowNode, context: RowNode): Scored<RowNode> | undefined {
  const { key, numbering } = labelKey(text);
  let best: Scored<RowNode> | undefined;
  for (const node of allRowNodes(root)) {
    let score = similarity(key, node.labelKey);
    const exact = score >= 1;
    if (numbering && node.numbering) {
      score += numbering.ordinal === node.numbering.ordinal ? 0.05 : -0.15;
    }
    if (context !== root && isDescendant(node, context)) score += 0.05;
    if (!best || score > best.score) best = { node, score, exact };
  }
  return best && best.score >= MATCH ? best : undefined;
}

export function isDecoration(text: string, spec: TableSpec): boolean {
  const { key } = labelKey(text);
  return spec.decorations.some(
    (decoration) => similarity(key, decoration) >= MATCH || (key.length > 12 && decoration.includes(key)),
  );
}

type RowKind =
  | { kind: 'data'; row: RowNode; approximate: boolean }
  | { kind: 'group'; group: RowNode }
  | { kind: 'header' }
  | { kind: 'values' }
  | { kind: 'other' };

export function classifyRow(
  split: SplitRow,
  spec: TableSpec,
  context: RowNode,
  columns: ColumnNode[][],
): { kind: RowKind; context: RowNode } {
  let leaf: RowNode | undefined;
  let group: RowNode | undefined;
  let approximate = false;
  let columnLabels = 0;
  let columnHits = 0;
  let current = context;
  const allColumns = columns.length === 1 ? withDepth(columns[0]!) : columns.flatMap((c) => withDepth(c));
  for (const label of split.labels) {
    if (isDecoration(label, spec)) {
      columnLabels++;
      continue;
    }
    const row = bestRow(label, spec.root, current);
    const column = bestColumn(label, allColumns);
    if (column && column.similarity! >= 0.95) columnHits++;
    // A tie with a column label (其他) is a column unless the row label is numbered or in context.
    if (row && (!column || row.score > column.similarity!)) {
      if (row.node.columns) {
        leaf = row.node;
        approximate ||= !row.exact;
        current = row.node.parent ?? spec.root;
      } else {
        group = row.node;
        current = row.node;
      }
    } else if (column) columnLabels++;
  }
  // A repeated header row (自然人 | 法人或其他组织 | 总计) under a row group: 总计 is its column, not the row.
  if (columnHits >= 2 && !hasNumber(split.values)) return { kind: { kind: 'header' }, context };
  if (leaf) return { kind: { kind: 'data', row: leaf, approximate }, context: current };
  if (group && !hasNumber(split.values)) return { kind: { kind: 'group', group }, context: current };
  if (split.labels.length === 0 && split.values.some((v) => v !== '')) return { kind: { kind: 'values' }, context };
  if (columnLabels > 0 && !hasNumber(split.values)) return { kind: { kind: 'header' }, context };
  return { kind: { kind: 'other' }, context };
}

// ---------------------------------------------------------------- columns

export type ColumnMapping =
  | { mode: 'grid'; cols: Map<ColumnNode, number[]>; width: number; units: Map<ColumnNode, Unit>; part: number }
  | { mode: 'sequence'; order: (ColumnNode | null)[]; units: Map<ColumnNode, Unit> };

export interface MappingResult {
  mapping: ColumnMapping;
  /** Leaves the header did not name (read by official position, or not at all). */
  complete: boolean;
}

function headerTexts(rows: RowView[], spec: TableSpec, col: number): string[] {
  const texts: string[] = [];
  for (const row of rows) {
    const text = row.cells[col]?.text ?? '';
    if (text !== '' && texts[texts.length - 1] !== text && !isDecoration(text, spec) && !isValueLike(text))
      texts.push(text);
  }
  return texts;
}

/** HTML: each grid column's header cells, top to bottom, lead down the column tree to one cell. */
function gridMapping(headers: RowView[], columns: ColumnNode[], spec: TableSpec): MappingResult | undefined {
  const width = headers[0]?.cells.length ?? 0;
  if (!headers.every((row) => row.cells.length === width)) return undefined;
  const cols = new Map<ColumnNode, number[]>();
  const units = new Map<ColumnNode, Unit>();
  for (let col = 0; col < width; col++) {
    let candidates = withDepth(columns);
    for (const text of headerTexts(headers, spec, col)) {
      const best = bestColumn(text, candidates);
      if (!best) continue;
      const unit = unitOf(text);
      if (best.node.kind) {
        cols.set(best.node, [...(cols.get(best.node) ?? []), col]);
        if (unit) units.set(best.node, unit);
        break;
      }
      candidates = withDepth(best.node.children ?? []);
    }
  }
  if (cols.size === 0) return undefined;
  const leaves = [...leavesOf(columns)];
  return {
    mapping: { mode: 'grid', cols, width, units, part: headers[0]!.part },
    complete: leaves.every((leaf) => cols.has(leaf)),
  };
}

/**
 * Text: header rows in reading order. The first row's labels are the top-level columns; each later
 * row's labels are the children of the still-open groups, in order (自然人 | 法人或其他组织 | 合计, then
 * 商业企业 | 科研机构 | …).
 */
function sequenceMapping(headers: RowView[], columns: ColumnNode[], spec: TableSpec): MappingResult | undefined {
  let slots: (ColumnNode | null)[] | undefined;
  const units = new Map<ColumnNode, Unit>();
  let complete = true;
  const leafCount = [...leavesOf(columns)].length;
  for (const row of headers) {
    let labels = row.cells
      .filter((cell) => cell.origin && cell.text !== '' && !isDecoration(cell.text, spec) && !isValueLike(cell.text))
      .map((cell) => cell.text);
    if (labels.length === 0) continue;
    // | 类别 | 数据1 | … | 总计 |: one cell more than the columns, the first over the row labels, no column.
    if (!slots && labels.length === leafCount + 1 && !bestColumn(labels[0]!, withDepth(columns)))
      labels = labels.slice(1);
    if (!slots) {
      slots = labels.map((label) => {
        const best = bestColumn(label, withDepth(columns));
        if (best?.node.kind && unitOf(label)) units.set(best.node, unitOf(label)!);
        return best?.node ?? null;
      });
      continue;
    }
    const next: (ColumnNode | null)[] = [];
    let index = 0;
    for (const slot of slots) {
      if (!slot || slot.kind) {
        next.push(slot);
        continue;
      }
      const children: ColumnNode[] = [];
      const groupLeaves = [...leavesOf([slot])].length;
      while (index < labels.length && children.length < groupLeaves) {
        const best = bestColumn(labels[index]!, withDepth(slot.children ?? []));
        if (!best) break;
        if (best.node.kind && unitOf(labels[index]!)) units.set(best.node, unitOf(labels[index]!)!);
        children.push(best.node);
        index++;
      }
      next.push(...(children.length > 0 ? children : [slot]));
    }
    if (index < labels.length) complete = false;
    slots = next;
  }
  if (!slots || slots.every((slot) => slot === null)) return undefined;
  // A group whose children were never listed: its cells in official order.
  const order = slots.flatMap((slot) => {
    if (slot && !slot.kind) {
      complete = false;
      return [...leavesOf([slot])];
    }
    return [slot];
  });
  const leaves = [...leavesOf(columns)];
  const unnamed = leaves.filter((leaf) => !order.includes(leaf));
  if (unnamed.length > 0 || order.includes(null)) complete = false;
  // Unrecognised header cells standing where the unnamed columns are: those, in official order.
  const blanks = order.filter((slot) => slot === null).length;
  if (unnamed.length > 0 && blanks === unnamed.length && order.length === leaves.length) {
    let next = 0;
    return { mapping: { mode: 'sequence', order: order.map((slot) => slot ?? unnamed[next++]!), units }, complete };
  }
  return { mapping: { mode: 'sequence', order, units }, complete };
}

export function officialMapping(columns: ColumnNode[]): ColumnMapping {
  return { mode: 'sequence', order: [...leavesOf(columns)], units: new Map() };
}

/**
 * Text printed with its page layout: the official column order (a row is read only with one value per
 * column), and the unit a header states for the amounts (本年收费金额（单位：万元）).
 */
export function layoutMapping(headers: RowView[], columns: ColumnNode[]): ColumnMapping {
  const units = new Map<ColumnNode, Unit>();
  const unit = headers.flatMap((row) => row.cells.map((cell) => unitOf(cell.text))).find((u) => u !== undefined);
  for (const leaf of leavesOf(columns)) if (unit && leaf.kind === 'money') units.set(leaf, unit);
  return { mode: 'sequence', order: [...leavesOf(columns)], units };
}

export function mappingFor(headers: RowView[], columns: ColumnNode[], spec: TableSpec): MappingResult | undefined {
  if (headers.length === 0) return undefined;
  if (headers.every((row) => row.aligned && row.part === headers[0]!.part)) {
    const grid = gridMapping(headers, columns, spec);
    if (grid) return grid;
  }
  return sequenceMapping(headers, columns, spec);
}

/** Cells up to the last non-blank one. */
function ownCells(values: string[]): number {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end--;
  return end;
}

/** The raw text of each cell of a data row, per column leaf (undefined: the row has no such cell). */
export function valuesOf(
  row: RowView,
  split: SplitRow,
  mapping: ColumnMapping,
  columns: ColumnNode[],
  froms?: Map<ColumnNode, string>,
): Map<ColumnNode, string | undefined> {
  const result = new Map<ColumnNode, string | undefined>();
  // Grid columns hold only within the grid the header was read from (a continued table has its own).
  if (mapping.mode === 'grid' && row.aligned && row.part === mapping.part && row.cells.length === mapping.width) {
    for (const leaf of leavesOf(columns)) {
      const cells = (mapping.cols.get(leaf) ?? []).map((col) => row.cells[col]!);
      const cell = cells.find((c) => !isBlankMarker(c.text)) ?? cells[0];
      result.set(leaf, cell?.text);
      if (cell) froms?.set(leaf, cell.from ?? row.from);
    }
    return result;
  }
  // A grid row whose cells outnumber the columns (a PDF's double rules leave blank sliver cells between
  // them) cannot be read by position: which blank is a column and which a sliver is not known. Blank
  // cells at the end are a short row padded to the grid's width.
  if (row.aligned && ownCells(split.values) > [...leavesOf(columns)].length) return result;
  const order =
    mapping.mode === 'sequence'
      ? mapping.order
      : [...mapping.cols.entries()].sort((a, b) => a[1][0]! - b[1][0]!).map(([leaf]) => leaf);
  order.forEach((leaf, index) => {
    if (!leaf) return;
    result.set(leaf, split.values[index]);
    if (split.froms[index] !== undefined) froms?.set(leaf, split.froms[index]!);
  });
  return result;
}
