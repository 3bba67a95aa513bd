/**
 * Reading the three statistical tables. Rows and columns are found by their official labels (from
 * the schema), not by position: a row's label cells are matched against the row tree (with the group
 * it is in as context, since merged label cells appear only on a group's first row); header rows give
 * the columns, per grid column for HTML tables and in reading order for `|`-flattened text, where
 * header cells of a multi-level header are not aligned with the values.
 */
import { toPointer } from '@nianbao/template';
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
import type { GridCell, SourceTable, TableRow } from './source.js';
import { labelKey, MATCH, similarity } from './text.js';
import type { ImportWarning, Unplaced } from './types.js';
import { isBlankMarker, isValueLike, numberText, readCell, unitOf, type CellValue, type Unit } from './values.js';

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

/** Which report table a source table is (by how many of its cells are that table's labels), if any. */
export function classifyTable(table: SourceTable, specs: EditionSpec[]): TableId | undefined {
  const texts = cellTexts(table)
    .filter((text) => text.length > 0 && text.length <= 80 && !isValueLike(text))
    .map((text) => labelKey(text).key);
  let best: { id: TableId; score: number } | undefined;
  for (const id of ['proactiveDisclosure', 'applications', 'reviewAndLitigation'] as TableId[]) {
    const labels = specs.flatMap((spec) => labelsOf(spec.tables.find((t) => t.id === id)!));
    // Labels shared by several tables (总计, 其他) count less than their own ones.
    const score = texts.filter((text) => labels.some((label) => similarity(text, label) >= 0.85)).length;
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

interface RowView {
  cells: GridCell[];
  from: string;
  raw?: string;
  aligned: boolean;
  /** Index of the source table (part) the row comes from. */
  part: number;
}

interface SplitRow {
  labels: string[];
  /** Value cells after the labels (own cells in reading order). */
  values: string[];
}

/** Labels: the leading non-value cells (spanned duplicates merged); values: the cells after them. */
function splitRow(row: RowView): SplitRow {
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
  const values = valueCells.filter((cell) => !cell.fromLeft).map((c) => c.text);
  return { labels, values };
}

function hasNumber(values: string[]): boolean {
  return values.some((value) => !isBlankMarker(value) && numberText(value) !== undefined);
}

function rowText(row: RowView): string {
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

function bestColumn(
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
  return best && best.score >= MATCH ? best : undefined;
}

const depthCache = new WeakMap<ColumnNode[], { node: ColumnNode; depth: number }[]>();

function withDepth(columns: ColumnNode[], depth = 0): { node: ColumnNode; depth: number }[] {
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

function isDecoration(text: string, spec: TableSpec): boolean {
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

function classifyRow(
  split: SplitRow,
  spec: TableSpec,
  context: RowNode,
  columns: ColumnNode[][],
): { kind: RowKind; context: RowNode } {
  let leaf: RowNode | undefined;
  let group: RowNode | undefined;
  let approximate = false;
  let columnLabels = 0;
  let current = context;
  const allColumns = columns.length === 1 ? withDepth(columns[0]!) : columns.flatMap((c) => withDepth(c));
  for (const label of split.labels) {
    if (isDecoration(label, spec)) {
      columnLabels++;
      continue;
    }
    const row = bestRow(label, spec.root, current);
    const column = bestColumn(label, allColumns);
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
  if (leaf) return { kind: { kind: 'data', row: leaf, approximate }, context: current };
  if (group && !hasNumber(split.values)) return { kind: { kind: 'group', group }, context: current };
  if (split.labels.length === 0 && split.values.some((v) => v !== '')) return { kind: { kind: 'values' }, context };
  if (columnLabels > 0 && !hasNumber(split.values)) return { kind: { kind: 'header' }, context };
  return { kind: { kind: 'other' }, context };
}

// ---------------------------------------------------------------- columns

type ColumnMapping =
  | { mode: 'grid'; cols: Map<ColumnNode, number[]>; width: number; units: Map<ColumnNode, Unit>; part: number }
  | { mode: 'sequence'; order: (ColumnNode | null)[]; units: Map<ColumnNode, Unit> };

interface MappingResult {
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
  for (const row of headers) {
    const labels = row.cells
      .filter((cell) => cell.origin && cell.text !== '' && !isDecoration(cell.text, spec) && !isValueLike(cell.text))
      .map((cell) => cell.text);
    if (labels.length === 0) continue;
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

function officialMapping(columns: ColumnNode[]): ColumnMapping {
  return { mode: 'sequence', order: [...leavesOf(columns)], units: new Map() };
}

function mappingFor(headers: RowView[], columns: ColumnNode[], spec: TableSpec): MappingResult | undefined {
  if (headers.length === 0) return undefined;
  if (headers.every((row) => row.aligned && row.part === headers[0]!.part)) {
    const grid = gridMapping(headers, columns, spec);
    if (grid) return grid;
  }
  return sequenceMapping(headers, columns, spec);
}

/** The raw text of each cell of a data row, per column leaf (undefined: the row has no such cell). */
function valuesOf(
  row: RowView,
  split: SplitRow,
  mapping: ColumnMapping,
  columns: ColumnNode[],
): Map<ColumnNode, string | undefined> {
  const result = new Map<ColumnNode, string | undefined>();
  // Grid columns hold only within the grid the header was read from (a continued table has its own).
  if (mapping.mode === 'grid' && row.aligned && row.part === mapping.part && row.cells.length === mapping.width) {
    for (const leaf of leavesOf(columns)) {
      const texts = (mapping.cols.get(leaf) ?? []).map((col) => row.cells[col]!.text);
      result.set(leaf, texts.length === 0 ? undefined : (texts.find((text) => !isBlankMarker(text)) ?? texts[0]));
    }
    return result;
  }
  const order =
    mapping.mode === 'sequence'
      ? mapping.order
      : [...mapping.cols.entries()].sort((a, b) => a[1][0]! - b[1][0]!).map(([leaf]) => leaf);
  order.forEach((leaf, index) => {
    if (leaf) result.set(leaf, split.values[index]);
  });
  return result;
}

// ---------------------------------------------------------------- reading a table

export interface TableReading {
  /** The table object of the document (every official cell present, null where not reported). */
  table: Record<string, unknown>;
  cellsRead: number;
  cellsExpected: number;
  notReported: string[];
  warnings: ImportWarning[];
  unplaced: Unplaced[];
  /** Official labels of the rows found / missing. */
  rowsFound: string[];
  rowsMissing: string[];
  /** The table ends before its last official row (or its last row is cut short). */
  truncated: boolean;
}

function emptyRow(columns: ColumnNode[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.kind === 'money') row[column.key] = { value: null, unit: null };
    else if (column.kind) row[column.key] = null;
    else row[column.key] = emptyRow(column.children ?? []);
  }
  return row;
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    node[segment] ??= {};
    node = node[segment] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function emptyTable(root: RowNode): Record<string, unknown> {
  if (root.columns) return emptyRow(root.columns);
  const table: Record<string, unknown> = {};
  for (const row of rowsOf(root)) setAt(table, row.path, emptyRow(row.columns!));
  return table;
}

function rowLabel(row: RowNode): string {
  return row.titles.join(' ');
}

function columnLabel(leaf: ColumnNode, columns: ColumnNode[]): string {
  const titles: string[] = [];
  const find = (nodes: ColumnNode[], trail: string[]): boolean =>
    nodes.some((node) =>
      node === leaf ? (titles.push(...trail, node.title), true) : find(node.children ?? [], [...trail, node.title]),
    );
  find(columns, []);
  return titles.join(' ');
}

const SECTION_POINTER = (id: TableId, path: string[]): string => toPointer(['sections', id, 'table', ...path]);

export function readTable(spec: TableSpec, parts: SourceTable[]): TableReading {
  const table = emptyTable(spec.root);
  const warnings: ImportWarning[] = [];
  const unplaced: Unplaced[] = [];
  const found = new Map<RowNode, { from: string; short: boolean }>();
  const officialRows = [...rowsOf(spec.root)];
  let cellsRead = 0;
  const notReportedSet = new Set<string>();

  const rows: RowView[] = parts.flatMap((part, index) =>
    part.rows.map((row: TableRow) => ({
      cells: row.cells,
      from: row.from,
      raw: row.raw,
      aligned: part.aligned,
      part: index,
    })),
  );
  // Rows of one table share their columns (same labels): one set per distinct header.
  const columnSets = [
    ...new Map(
      officialRows.map((row) => [[...leavesOf(row.columns!)].map((l) => l.title).join('|'), row.columns!]),
    ).values(),
  ];

  let context = spec.root;
  let headers: RowView[] = [];
  let afterData = false;
  const mappings = new Map<string, MappingResult>();
  const signature = (columns: ColumnNode[]): string => [...leavesOf(columns)].map((leaf) => leaf.title).join('|');

  const placeRow = (row: RowView, split: SplitRow, target: RowNode, approximate: boolean): void => {
    if (found.has(target)) {
      warnings.push({
        code: 'row-duplicate',
        message: {
          zh: `「${rowLabel(target)}」出现了不止一次，只取第一次；其余保留在未归位原文中。`,
          en: `The row 「${rowLabel(target)}」 appears more than once; the first is used, the others are kept as unplaced text.`,
        },
        from: row.from,
      });
      unplaced.push({ text: rowText(row), from: row.from });
      return;
    }
    if (approximate) {
      warnings.push({
        code: 'label-approximate',
        message: {
          zh: `行标签「${split.labels.join(' ')}」按「${rowLabel(target)}」读取（与官方文字不完全一致）。`,
          en: `Row label 「${split.labels.join(' ')}」 read as 「${rowLabel(target)}」 (not exactly the official text).`,
        },
        at: SECTION_POINTER(spec.id, target.path),
        from: row.from,
      });
    }
    const columns = target.columns!;
    const sig = signature(columns);
    let result = headers.length > 0 ? mappingFor(headers, columns, spec) : undefined;
    if (result) mappings.set(sig, result);
    else result = mappings.get(sig);
    if (!result?.complete) {
      if (!mappings.has(`warned:${sig}`)) {
        mappings.set(`warned:${sig}`, result ?? { mapping: officialMapping(columns), complete: false });
        warnings.push({
          code: 'columns-by-position',
          message: {
            zh: `「${rowLabel(target)}」所在表格的列标题未能全部识别，未识别的列按官方顺序读取。`,
            en: `The column headers above 「${rowLabel(target)}」 were not all recognised; those columns are read in the official order.`,
          },
          at: SECTION_POINTER(spec.id, target.path),
          from: row.from,
        });
      }
      if (!result) result = { mapping: officialMapping(columns), complete: false };
    }
    const values = valuesOf(row, split, result.mapping, columns);
    let short = false;
    const rowObject = emptyRow(columns);
    for (const leaf of leavesOf(columns)) {
      const pointer = SECTION_POINTER(spec.id, [...target.path, ...leaf.path]);
      const raw = values.get(leaf);
      if (raw === undefined) short = true;
      const reading = readCell(raw ?? '', leaf.kind!, result.mapping.units.get(leaf));
      if (reading.status === 'value') {
        setAt(rowObject, leaf.path, reading.value as CellValue);
        cellsRead++;
        if (reading.note === 'unit-converted') {
          warnings.push({
            code: 'unit-converted',
            message: {
              zh: `${rowLabel(target)}·${columnLabel(leaf, columns)}：原文「${raw}」，按万元记为 ${String(reading.value)}。`,
              en: `${rowLabel(target)} · ${columnLabel(leaf, columns)}: published as 「${raw}」, recorded in 万元 as ${String(reading.value)}.`,
            },
            at: pointer,
            from: row.from,
          });
        }
        if (reading.note === 'unit-unknown') {
          warnings.push({
            code: 'unit-unknown',
            message: {
              zh: `${rowLabel(target)}·${columnLabel(leaf, columns)}：金额「${raw}」未注明单位（元或万元），单位记为 null，请核对。`,
              en: `${rowLabel(target)} · ${columnLabel(leaf, columns)}: the amount 「${raw}」 states no unit (元 or 万元); unit kept as null, please check.`,
            },
            at: `${pointer}/unit`,
            from: row.from,
          });
        }
        continue;
      }
      notReportedSet.add(leaf.kind === 'money' ? `${pointer}/value` : pointer);
      const shown = raw === undefined ? '' : raw;
      if (reading.status === 'unreadable') {
        unplaced.push({ text: shown, from: `${row.from} (${rowLabel(target)} · ${columnLabel(leaf, columns)})` });
      }
      warnings.push({
        code: reading.status === 'blank' ? 'not-reported' : 'unreadable-cell',
        message:
          reading.status === 'blank'
            ? {
                zh: `${rowLabel(target)}·${columnLabel(leaf, columns)}：原报告${raw === undefined ? '缺少此单元格' : shown === '' ? '为空白' : `为「${shown}」`}，记为未填报（null），不按0处理。`,
                en: `${rowLabel(target)} · ${columnLabel(leaf, columns)}: ${raw === undefined ? 'the cell is missing' : shown === '' ? 'blank' : `「${shown}」`} in the published report; kept as not reported (null), not 0.`,
              }
            : {
                zh: `${rowLabel(target)}·${columnLabel(leaf, columns)}：「${shown}」不是有效的数值，记为未填报（null），原文保留。`,
                en: `${rowLabel(target)} · ${columnLabel(leaf, columns)}: 「${shown}」 is not a valid value; kept as not reported (null), the text is kept.`,
              },
        at: pointer,
        from: row.from,
      });
    }
    if (target === spec.root) Object.assign(table, rowObject);
    else setAt(table, target.path, rowObject);
    found.set(target, { from: row.from, short });
  };

  for (const row of rows) {
    if (row.cells.every((cell) => cell.text === '')) continue;
    const split = splitRow(row);
    if (spec.root.columns) {
      // Table 四: one row of values under a header.
      const values =
        split.labels.length === 0 ||
        split.labels.every((label) => !bestColumn(label, withDepth(spec.root.columns!)) && !isDecoration(label, spec));
      if ((values && hasNumber(split.values)) || (split.labels.length === 0 && split.values.some((v) => v !== ''))) {
        if (split.labels.length > 0) unplaced.push({ text: split.labels.join(' | '), from: row.from });
        placeRow(row, split, spec.root, false);
        headers = [];
      } else if (!found.has(spec.root)) headers.push(row);
      else unplaced.push({ text: rowText(row), from: row.from });
      continue;
    }
    const { kind, context: next } = classifyRow(split, spec, context, columnSets);
    switch (kind.kind) {
      case 'data':
        context = next;
        placeRow(row, split, kind.row, kind.approximate);
        afterData = true;
        break;
      case 'group':
        context = next;
        // A block title (第二十条第（一）项) starts a new header.
        if (afterData || kind.group.parent === spec.root) headers = [];
        afterData = false;
        break;
      case 'header':
        if (afterData) headers = [];
        afterData = false;
        headers.push(row);
        break;
      default:
        if (hasNumber(split.values)) {
          warnings.push({
            code: 'row-unrecognised',
            message: {
              zh: `表格行「${rowText(row)}」与官方行标签均不对应，保留在未归位原文中。`,
              en: `The table row 「${rowText(row)}」 matches no official row; kept as unplaced text.`,
            },
            from: row.from,
          });
          unplaced.push({ text: rowText(row), from: row.from });
        } else if (!afterData && found.size === 0) headers.push(row);
        else unplaced.push({ text: rowText(row), from: row.from });
    }
  }

  const rowsFound: string[] = [];
  const rowsMissing: string[] = [];
  let lastFound = -1;
  officialRows.forEach((row, index) => {
    if (found.has(row)) {
      rowsFound.push(rowLabel(row) || spec.title);
      lastFound = index;
    }
  });
  officialRows.forEach((row, index) => {
    if (found.has(row)) return;
    rowsMissing.push(rowLabel(row) || spec.title);
    for (const leaf of leavesOf(row.columns!)) {
      const pointer = SECTION_POINTER(spec.id, [...row.path, ...leaf.path]);
      notReportedSet.add(leaf.kind === 'money' ? `${pointer}/value` : pointer);
    }
    if (index < lastFound) {
      warnings.push({
        code: 'row-missing',
        message: {
          zh: `未找到「${rowLabel(row)}」一行，其单元格记为未填报（null）。`,
          en: `The row 「${rowLabel(row)}」 was not found; its cells are kept as not reported (null).`,
        },
        at: SECTION_POINTER(spec.id, row.path),
      });
    }
  });
  const lastRow = officialRows[lastFound];
  const truncated =
    lastFound < officialRows.length - 1 ||
    (lastRow !== undefined &&
      found.get(lastRow)!.short &&
      lastRow === officialRows[officialRows.length - 1] &&
      isLastOfSource(found.get(lastRow)!.from, parts));
  const cellsExpected = officialRows.reduce((sum, row) => sum + [...leavesOf(row.columns!)].length, 0);
  return {
    table,
    cellsRead,
    cellsExpected,
    notReported: [...notReportedSet],
    warnings,
    unplaced,
    rowsFound,
    rowsMissing,
    truncated,
  };
}

/** Whether a row is the last row of the table as published (a short last row means the table was cut). */
function isLastOfSource(from: string, parts: SourceTable[]): boolean {
  const last = parts[parts.length - 1];
  return last !== undefined && last.rows[last.rows.length - 1]?.from === from;
}
