/**
 * Reading one of the three statistical tables from its published parts: each row is classified
 * (data row of an official row, group title, header, values, other), the header rows above a data
 * row give its columns, and each cell is read as a value of its column (or as not reported). Every
 * cell read records where it came from.
 */
import { toPointer } from '@nianbao/template';
import { type ColumnNode, leavesOf, type RowNode, rowsOf, type TableId, type TableSpec } from './spec.js';
import type { SourceTable } from './source.js';
import {
  bestColumn,
  type ColumnMapping,
  classifyRow,
  hasNumber,
  isDecoration,
  layoutMapping,
  type MappingResult,
  mappingFor,
  officialMapping,
  type RowView,
  rowText,
  type SplitRow,
  splitRow,
  valuesOf,
  withDepth,
} from './tables.js';
import { emptyRow, emptyTable, setAt } from './table-object.js';
import type { ImportWarning, Unplaced } from './types.js';
import { blankNote, rowNote, valueNote } from './cell-notes.js';
import { type CellValue, readCell } from './values.js';
import type { Edition } from '@nianbao/template';
import { type PendingRow, placeByOrder, trailEntryOf } from './rows-by-order.js';
import type { TrailEntry } from './unlabelled-rows.js';

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
  /** JSON Pointer of each cell read (or read as not reported) → where it is in the input. */
  origins: Record<string, string>;
  /** Rows whose run-together digits could not be split in one way (label: why), their cells unplaced. */
  undecided: string[];
}

function rowLabel(row: RowNode): string {
  return row.titles.join(' ');
}

function columnLabel(leaf: ColumnNode, columns: ColumnNode[]): string {
  const titles: string[] = [];
  const find = (nodes: ColumnNode[], trail: string[]): boolean =>
    nodes.some((node) => {
      if (node !== leaf) return find(node.children ?? [], [...trail, node.title]);
      titles.push(...trail, node.title);
      return true;
    });
  find(columns, []);
  return titles.join(' ');
}

const pointerOf = (id: TableId, path: string[]): string => toPointer(['sections', id, 'table', ...path]);
const signature = (columns: ColumnNode[]): string => [...leavesOf(columns)].map((leaf) => leaf.title).join('|');

/** Header rows kept for one table: more is not a header but a table of something else. */
const MAX_HEADER_ROWS = 12;

class TableReader {
  readonly table: Record<string, unknown>;
  readonly warnings: ImportWarning[] = [];
  readonly unplaced: Unplaced[] = [];
  readonly origins: Record<string, string> = {};
  readonly found = new Map<RowNode, { from: string; short: boolean }>();
  readonly notReported = new Set<string>();
  readonly undecided: string[] = [];
  /** The rows in document order (placed, unlabelled, other numbers), for placing unlabelled rows by order. */
  readonly trail: TrailEntry<PendingRow>[] = [];
  cellsRead = 0;
  private context: RowNode;
  private headers: RowView[] = [];
  private afterData = false;
  private readonly mappings = new Map<string, MappingResult>();
  private readonly warned = new Set<string>();
  private readonly columnSets: ColumnNode[][];

  constructor(private readonly spec: TableSpec) {
    this.table = emptyTable(spec.root);
    this.context = spec.root;
    // Rows of one table share their columns (same labels): one set per distinct header.
    this.columnSets = [
      ...new Map([...rowsOf(spec.root)].map((row) => [signature(row.columns!), row.columns!])).values(),
    ];
  }

  private setHeaders(rows: RowView[]): void {
    this.headers = rows;
  }

  private pushHeader(row: RowView): void {
    this.headers.push(row);
    // Only the rows nearest the data are its header: older ones are text (and keep this linear).
    if (this.headers.length > MAX_HEADER_ROWS) {
      const old = this.headers.shift()!;
      this.unplaced.push({ text: rowText(old), from: old.from });
    }
  }

  /** Table 四: one row of values under a header. */
  private singleRow(row: RowView, split: SplitRow): void {
    const columns = this.spec.root.columns!;
    const values =
      split.labels.length === 0 ||
      split.labels.every((label) => !bestColumn(label, withDepth(columns)) && !isDecoration(label, this.spec));
    // One cell per line: the header's labels and the values run together in one row.
    const headed = row.cellPerLine === true && hasNumber(split.values);
    if (
      headed ||
      (values && hasNumber(split.values)) ||
      (split.labels.length === 0 && split.values.some((v) => v !== ''))
    ) {
      if (split.labels.length > 0 && !headed) this.unplaced.push({ text: split.labels.join(' | '), from: row.from });
      this.placeRow(row, split, this.spec.root, false);
      this.setHeaders([]);
    } else if (!this.found.has(this.spec.root)) this.pushHeader(row);
    else {
      // Kept as text, and the header of a later part (see placePart).
      this.unplaced.push({ text: rowText(row), from: row.from });
      this.headers.push(row);
      if (this.headers.length > MAX_HEADER_ROWS) this.headers.shift();
    }
  }

  read(row: RowView): void {
    if (row.undecided) {
      this.undecidedRow(row, row.undecided);
      return;
    }
    if (row.cells.every((cell) => cell.text === '')) return;
    // A row with nothing of its own (cells continued from above, or empty): a sliver between two close
    // borders (a PDF's double rule), not a row of the report.
    if (row.aligned && row.cells.every((cell) => !cell.origin || cell.text === '')) return;
    const split = splitRow(row);
    if (this.spec.root.columns) {
      this.singleRow(row, split);
      return;
    }
    const { kind, context } = classifyRow(split, this.spec, this.context, this.columnSets);
    switch (kind.kind) {
      case 'data':
        this.context = context;
        // A label with no cell after it (a heading 「### 一、本年新收…」 over its own small table) names the
        // row to come; it is not the row, whose cells would then be missing and its real line a duplicate.
        if (split.values.length === 0 && !row.aligned) break;
        this.placeRow(row, split, kind.row, kind.approximate);
        this.afterData = true;
        break;
      case 'group':
        this.context = context;
        // A block title (第二十条第（一）项) starts a new header.
        if (this.afterData || kind.group.parent === this.spec.root) this.setHeaders([]);
        this.afterData = false;
        break;
      case 'header':
        if (this.afterData) this.setHeaders([]);
        this.afterData = false;
        this.pushHeader(row);
        break;
      default:
        this.other(row, split);
    }
  }

  private other(row: RowView, split: SplitRow): void {
    if (hasNumber(split.values)) {
      // Rows without labels wait for placeByOrder (at the end of the table), which reports those it leaves.
      const entry = trailEntryOf(row, split);
      if (entry) this.trail.push(entry);
      if (entry?.kind !== 'unlabelled') this.unrecognised(row);
    } else if (!this.afterData && this.found.size === 0) this.pushHeader(row);
    else this.unplaced.push({ text: rowText(row), from: row.from });
  }

  /** A row with numbers that matches no official row: kept as unplaced text. */
  unrecognised(row: RowView): void {
    this.warnings.push(rowNote(rowText(row), row.from));
    this.unplaced.push({ text: rowText(row), from: row.from });
  }

  /**
   * A row of glued text whose digits split into its cells in no single way: it is there (not missing),
   * its cells are not reported, and the finding says where its digits are and why none was placed.
   */
  private undecidedRow(row: RowView, undecided: NonNullable<RowView['undecided']>): void {
    const split = splitRow(row);
    const target = this.spec.root.columns
      ? this.spec.root
      : classifyRow(split, this.spec, this.context, this.columnSets).kind;
    const node = 'kind' in target ? (target.kind === 'data' ? target.row : undefined) : target;
    if (!node || this.found.has(node)) {
      this.unplaced.push({ text: rowText(row), from: row.from });
      return;
    }
    this.found.set(node, { from: row.from, short: false });
    const label = rowLabel(node) || this.spec.title;
    this.undecided.push(`${label}（${undecided.reason.zh}）`);
    for (const leaf of leavesOf(node.columns!)) {
      const pointer = pointerOf(this.spec.id, [...node.path, ...leaf.path]);
      this.notReported.add(leaf.kind === 'money' ? `${pointer}/value` : pointer);
    }
    this.unplaced.push({ text: undecided.run, from: `${row.from} (${label})` });
    this.warnings.push({
      code: 'cells-undecided',
      message: {
        zh: `「${label}」一行的数字连在一起（「${undecided.run}」），${undecided.reason.zh}，无法确定每个数属于哪一格：本行未读取（记为未填报），原文保留。`,
        en: `The digits of the row 「${label}」 run together (「${undecided.run}」) and ${undecided.reason.en}, so which number belongs to which cell cannot be told: the row is not read (kept as not reported), its text is kept.`,
      },
      at: pointerOf(this.spec.id, node.path),
      from: row.from,
    });
  }

  /** The columns of a data row: from the headers above it, else those of the last header of its kind. */
  private columnsFor(row: RowView, target: RowNode): MappingResult {
    const columns = target.columns!;
    // Glued text decoded against the template: its values are in the official order.
    if (row.ordered) return { mapping: officialMapping(columns), complete: true };
    if (row.layout) return { mapping: layoutMapping(this.headers, columns), complete: true };
    const sig = signature(columns);
    // At most MAX_HEADER_ROWS headers: reading them for each data row keeps the whole read linear.
    let result = this.headers.length > 0 ? mappingFor(this.headers, columns, this.spec) : undefined;
    if (result) this.mappings.set(sig, result);
    else result = this.mappings.get(sig);
    if (!result?.complete && !this.warned.has(sig)) {
      this.warned.add(sig);
      this.warnings.push({
        code: 'columns-by-position',
        message: {
          zh: `「${rowLabel(target)}」所在表格的列标题未能全部识别，未识别的列按官方顺序读取。`,
          en: `The column headers above 「${rowLabel(target)}」 were not all recognised; those columns are read in the official order.`,
        },
        at: pointerOf(this.spec.id, target.path),
        from: row.from,
      });
    }
    return result ?? { mapping: officialMapping(columns), complete: false };
  }

  private placeRow(row: RowView, split: SplitRow, target: RowNode, approximate: boolean): void {
    if (this.found.has(target)) {
      if (this.placePart(row, split, target)) return;
      this.duplicate(row, target);
      // A repeated row says nothing of the order of the rows around it.
      this.trail.push({ kind: 'blocker' });
      return;
    }
    if (approximate) {
      this.warnings.push({
        code: 'label-approximate',
        message: {
          zh: `行标签「${split.labels.join(' ')}」按「${rowLabel(target)}」读取（与官方文字不完全一致）。`,
          en: `Row label 「${split.labels.join(' ')}」 read as 「${rowLabel(target)}」 (not exactly the official text).`,
        },
        at: pointerOf(this.spec.id, target.path),
        from: row.from,
      });
    }
    const mapping = this.fitting(row, split, target, this.columnsFor(row, target).mapping);
    this.writeRow(row, split, target, mapping);
    this.trail.push({ kind: 'placed', row: target, mapping });
  }

  /** The cells of a row, read with a column mapping, into the table (and the row marked found). */
  writeRow(row: RowView, split: SplitRow, target: RowNode, mapping: ColumnMapping): void {
    const columns = target.columns!;
    const froms = new Map<ColumnNode, string>();
    let values = valuesOf(row, split, mapping, columns, froms);
    if (row.strictCounts && !this.countsFit(row, split, target)) values = new Map();
    let short = false;
    const rowObject = emptyRow(columns);
    for (const leaf of leavesOf(columns)) {
      const raw = values.get(leaf);
      if (raw === undefined) short = true;
      this.readLeaf(row, target, leaf, raw, mapping.units.get(leaf), rowObject, froms.get(leaf));
    }
    if (target === this.spec.root) Object.assign(this.table, rowObject);
    else setAt(this.table, target.path, rowObject);
    this.found.set(target, { from: row.from, short });
  }

  /**
   * Table 四 published as three small tables (行政复议 / 行政诉讼（未经复议直接起诉） / …（复议后起诉）, each
   * 结果维持 … 总计): a later part whose header names its columns, one value each, none read yet, fills them.
   */
  private placePart(row: RowView, split: SplitRow, target: RowNode): boolean {
    if (target !== this.spec.root || row.aligned || this.headers.length === 0) return false;
    const result = mappingFor(this.headers, target.columns!, this.spec);
    if (result?.mapping.mode !== 'sequence') return false;
    const { order, units } = result.mapping;
    const leaves = order.filter((leaf): leaf is ColumnNode => leaf !== null);
    const pointer = (leaf: ColumnNode) => pointerOf(this.spec.id, leaf.path);
    if (leaves.length !== order.length || leaves.length !== split.values.length) return false;
    if (new Set(leaves).size !== leaves.length || leaves.some((leaf) => pointer(leaf) in this.origins)) return false;
    leaves.forEach((leaf, index) => {
      this.notReported.delete(leaf.kind === 'money' ? `${pointer(leaf)}/value` : pointer(leaf));
      const raw = split.values[index];
      this.readLeaf(row, target, leaf, raw, units.get(leaf), this.table, split.froms[index]);
    });
    this.setHeaders([]);
    return true;
  }

  /**
   * A header naming fewer columns than the row has values (a lone 「（六）其他」 line read as the header
   * 其他) does not describe the row: its values are read in the official order when there are exactly as
   * many as its columns, else not at all (never shifted into the columns the header happened to name).
   */
  private fitting(row: RowView, split: SplitRow, target: RowNode, mapping: ColumnMapping): ColumnMapping {
    if (mapping.mode !== 'sequence') return mapping;
    const values = split.values.filter((value) => value !== '').length;
    const columns = target.columns!;
    const leaves = [...leavesOf(columns)].length;
    const named = mapping.order.filter((leaf) => leaf !== null).length;
    if (this.cellsMissing(row, split, target, named)) return { mode: 'sequence', order: [], units: new Map() };
    if (values <= mapping.order.length) return mapping;
    this.warnings.push({
      code: 'columns-by-position',
      message: {
        zh: `「${rowLabel(target)}」一行有 ${values} 个数，而其上的列标题只有 ${mapping.order.length} 列${values === leaves ? '，按官方列顺序读取' : '，未读取'}。`,
        en: `The row 「${rowLabel(target)}」 has ${values} values but the header above it names ${mapping.order.length} column(s)${values === leaves ? '; read in the official column order' : '; not read'}.`,
      },
      at: pointerOf(this.spec.id, target.path),
      from: row.from,
    });
    return values === leaves ? officialMapping(columns) : { mode: 'sequence', order: [], units: new Map() };
  }

  /**
   * A row with fewer cells than columns, not at the end of a copy cut short: a cell was dropped (not left
   * blank), and which one cannot be told, so none is placed.
   */
  private cellsMissing(row: RowView, split: SplitRow, target: RowNode, named: number): boolean {
    const cells = split.values.length;
    if (row.aligned || row.ordered || row.strictCounts || row.last || cells === 0 || cells >= named) return false;
    this.unplaced.push({ text: rowText(row), from: row.from });
    this.warnings.push({
      code: 'columns-by-position',
      message: {
        zh: `「${rowLabel(target)}」一行只有 ${cells} 格，应有 ${named} 格：缺了哪一格无法确定，未读取，原文保留。`,
        en: `The row 「${rowLabel(target)}」 has ${cells} cell(s) where its header names ${named} columns: which one is missing cannot be told; not read, the text is kept.`,
      },
      at: pointerOf(this.spec.id, target.path),
      from: row.from,
    });
    return true;
  }

  /**
   * One cell per line, or columns aligned with spaces: a blank cell leaves no trace, so values are placed
   * only when there are exactly as many as the row's columns; otherwise none is placed (a number in a
   * wrong cell is worse than none).
   */
  private countsFit(row: RowView, split: SplitRow, target: RowNode): boolean {
    const leaves = [...leavesOf(target.columns!)].length;
    const values = split.values.filter((value) => value !== '').length;
    if (values === leaves) return true;
    this.unplaced.push({ text: rowText(row), from: row.from });
    this.warnings.push({
      code: 'columns-by-position',
      message: {
        zh: `「${rowLabel(target)}」一行有 ${values} 个数，应有 ${leaves} 个（原文空白单元格没有留下位置，无法定位），未读取，原文保留。`,
        en: `The row 「${rowLabel(target)}」 has ${values} values where it has ${leaves} columns (a blank cell left no trace in the copy and cannot be placed); not read, the text is kept.`,
      },
      at: pointerOf(this.spec.id, target.path),
      from: row.from,
    });
    return false;
  }

  private duplicate(row: RowView, target: RowNode): void {
    this.warnings.push(rowNote(rowText(row), row.from, rowLabel(target)));
    this.unplaced.push({ text: rowText(row), from: row.from });
  }

  private readLeaf(
    row: RowView,
    target: RowNode,
    leaf: ColumnNode,
    raw: string | undefined,
    unit: Parameters<typeof readCell>[2],
    rowObject: Record<string, unknown>,
    cellFrom: string | undefined,
  ): void {
    const columns = target.columns!;
    const pointer = pointerOf(this.spec.id, [...target.path, ...leaf.path]);
    const label = `${rowLabel(target)}·${columnLabel(leaf, columns)}`;
    const labelEn = `${rowLabel(target)} · ${columnLabel(leaf, columns)}`;
    if (raw !== undefined) this.origins[pointer] = cellFrom ?? row.from;
    const reading = readCell(raw ?? '', leaf.kind!, unit);
    if (reading.status === 'value') {
      setAt(rowObject, leaf.path, reading.value as CellValue);
      this.cellsRead++;
      const note = valueNote(reading, raw ?? '', { zh: label, en: labelEn }, pointer);
      if (note) this.warnings.push({ ...note, from: row.from });
      return;
    }
    this.notReported.add(leaf.kind === 'money' ? `${pointer}/value` : pointer);
    const shown = raw ?? '';
    if (reading.status === 'unreadable') {
      this.unplaced.push({ text: shown, from: `${row.from} (${rowLabel(target)} · ${columnLabel(leaf, columns)})` });
    }
    this.warnings.push({ ...blankNote(reading, raw, { zh: label, en: labelEn }), at: pointer, from: row.from });
  }

  /** Rows found and missing, and whether the table was cut short. */
  finish(parts: SourceTable[], edition?: Edition): TableReading {
    placeByOrder(this, this.spec, edition);
    const officialRows = [...rowsOf(this.spec.root)];
    const rowsFound: string[] = [];
    const rowsMissing: string[] = [];
    let lastFound = -1;
    officialRows.forEach((row, index) => {
      if (this.found.has(row)) {
        rowsFound.push(rowLabel(row) || this.spec.title);
        lastFound = index;
      }
    });
    officialRows.forEach((row, index) => {
      if (this.found.has(row)) return;
      rowsMissing.push(rowLabel(row) || this.spec.title);
      for (const leaf of leavesOf(row.columns!)) {
        const pointer = pointerOf(this.spec.id, [...row.path, ...leaf.path]);
        this.notReported.add(leaf.kind === 'money' ? `${pointer}/value` : pointer);
      }
      if (index < lastFound) {
        this.warnings.push({
          code: 'row-missing',
          message: {
            zh: `未找到「${rowLabel(row)}」一行，其单元格记为未填报（null）。`,
            en: `The row 「${rowLabel(row)}」 was not found; its cells are kept as not reported (null).`,
          },
          at: pointerOf(this.spec.id, row.path),
        });
      }
    });
    const lastRow = officialRows[lastFound];
    const last = lastRow ? this.found.get(lastRow) : undefined;
    const truncated =
      lastFound < officialRows.length - 1 ||
      (last?.short && lastRow === officialRows[officialRows.length - 1] && isLastOf(last.from, parts));
    return {
      table: this.table,
      cellsRead: this.cellsRead,
      cellsExpected: officialRows.reduce((sum, row) => sum + [...leavesOf(row.columns!)].length, 0),
      notReported: [...this.notReported],
      warnings: this.warnings,
      unplaced: this.unplaced,
      rowsFound,
      rowsMissing,
      truncated: truncated === true,
      origins: this.origins,
      undecided: this.undecided,
    };
  }
}

/** Whether a row is the last row of the table as published (a short last row means the table was cut). */
function isLastOf(from: string, parts: SourceTable[]): boolean {
  const last = parts[parts.length - 1];
  return last !== undefined && last.rows[last.rows.length - 1]?.from === from;
}

/** `cut`: the document ends with this table's last part (a copy cut short may end inside its last row);
 * `edition`: its data rules confirm rows placed by their order (without it such rows are not placed). */
export function readTable(spec: TableSpec, parts: SourceTable[], cut = false, edition?: Edition): TableReading {
  const reader = new TableReader(spec);
  const lastRow = cut ? parts[parts.length - 1]?.rows.at(-1) : undefined;
  parts.forEach((part, index) => {
    for (const row of part.rows)
      reader.read({
        last: row === lastRow,
        cells: row.cells,
        from: row.from,
        raw: row.raw,
        aligned: part.aligned,
        part: index,
        cellPerLine: part.cellPerLine === true,
        strictCounts: part.strictCounts === true,
        ordered: part.ordered === true,
        layout: part.layout === true,
        undecided: row.undecided,
      });
  });
  return reader.finish(parts, edition);
}
