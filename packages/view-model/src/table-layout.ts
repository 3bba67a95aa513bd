/**
 * The three table shapes of a report, laid out from the schema annotations (x-row, x-rowHeader,
 * x-corner, x-columnHeader): 二 as blocks, 三 as a grid, 四 as a single row.
 */
import { propertiesOf, resolveRef, type JsonSchema, type PropertyInfo } from '@nianbao/template';
import {
  type ColumnNode,
  columnDepth,
  columnLeaves,
  columnTree,
  dataCell,
  emitColumnHeaders,
  type LeafColumn,
  type TableSource,
  titleOf,
} from './table-columns.js';
import type {
  DataCellLayout,
  HeaderCell,
  LayoutCell,
  RowGroupLayout,
  RowLayout,
  TableKey,
  TableLayout,
  TableShape,
} from './types.js';

export type { TableSource } from './table-columns.js';

interface Block {
  property: PropertyInfo;
  rowHeader: string;
  rows: { property: PropertyInfo; columns: ColumnNode[] }[];
}

/** What every block of table 二 shares: where its cells go and how wide the data part is. */
interface BlocksContext {
  key: TableKey;
  pointer: string;
  dataColumns: number;
  columnCount: number;
  cells: DataCellLayout[];
}

/** The ids and title of one block, used by the header of every cell in it. */
interface BlockIds {
  key: string;
  title: string;
  id: string;
  titleId: string;
}

function readBlocks(root: JsonSchema, site: JsonSchema): Block[] {
  return propertiesOf(root, site).map((block) => {
    const rows = propertiesOf(root, block.site).map((row) => ({ property: row, columns: columnTree(root, row.site) }));
    return { property: block, rowHeader: String(block.schema['x-rowHeader'] ?? ''), rows };
  });
}

/** The last of `count` cells stretches over the data columns the row does not fill. */
const spanOfLast = (dataColumns: number, count: number, position: number): number =>
  position === count - 1 ? dataColumns - count + 1 : 1;

function blockTitleRow(ids: BlockIds, columnCount: number): RowLayout {
  return {
    kind: 'block',
    cells: [
      {
        kind: 'header',
        id: ids.id,
        text: ids.title,
        colSpan: columnCount,
        rowSpan: 1,
        scope: 'rowgroup',
        role: 'block',
        headers: [],
        column: 0,
      },
    ],
  };
}

/** The column header row of a block, from its first row's columns; records each column's id in `columnIds`. */
function blockHeaderRow(block: Block, ids: BlockIds, dataColumns: number, columnIds: Map<string, string>): RowLayout {
  const headerColumns = block.rows[0]!.columns;
  return {
    kind: 'header',
    cells: [
      {
        kind: 'header',
        id: ids.titleId,
        text: block.rowHeader,
        colSpan: 1,
        rowSpan: 1,
        scope: 'col',
        role: 'rowHeaderTitle',
        headers: [ids.id],
        column: 0,
      },
      ...headerColumns.map((column, position): HeaderCell => {
        const id = `${ids.id}-c-${column.key}`;
        columnIds.set(column.key, id);
        return {
          kind: 'header',
          id,
          text: column.title,
          colSpan: spanOfLast(dataColumns, headerColumns.length, position),
          rowSpan: 1,
          scope: 'col',
          role: 'column',
          headers: [ids.id],
          column: 1 + position,
        };
      }),
    ],
  };
}

function blockDataRow(
  context: BlocksContext,
  ids: BlockIds,
  columnIds: Map<string, string>,
  { property: row, columns }: Block['rows'][number],
): RowLayout {
  const rowTitle = titleOf(row);
  const rowHeaderId = `${ids.id}-r-${row.key}`;
  const rowHeader: HeaderCell = {
    kind: 'header',
    id: rowHeaderId,
    text: rowTitle,
    colSpan: 1,
    rowSpan: 1,
    scope: 'row',
    role: 'row',
    headers: [ids.id, ids.titleId],
    column: 0,
  };
  const rowCells: LayoutCell[] = [rowHeader];
  columns.forEach((column, position) => {
    const columnHeaderId = columnIds.get(column.key);
    const leaf: LeafColumn = {
      path: [column.key],
      labels: [column.title],
      headerIds: columnHeaderId ? [columnHeaderId] : [],
      kind: column.kind ?? 'count',
      column: 1 + position,
    };
    const cell = dataCell(
      context.cells.length,
      context.pointer,
      [ids.key, row.key],
      [ids.title, rowTitle],
      [],
      leaf,
      spanOfLast(context.dataColumns, columns.length, position),
    );
    // Block title first: it names the rows below it, like a row group header.
    const withBlock = { ...cell, headers: [ids.id, ...cell.headers, rowHeaderId] };
    context.cells.push(withBlock);
    rowCells.push(withBlock);
  });
  return { kind: 'data', cells: rowCells };
}

function blockGroup(context: BlocksContext, block: Block): RowGroupLayout {
  const blockKey = block.property.key;
  const blockId = `${context.key}-${blockKey}`;
  const ids: BlockIds = { key: blockKey, title: titleOf(block.property), id: blockId, titleId: `${blockId}-h` };
  const columnIds = new Map<string, string>();
  const titleRow = blockTitleRow(ids, context.columnCount);
  const headerRow = blockHeaderRow(block, ids, context.dataColumns, columnIds);
  const dataRows = block.rows.map((row) => blockDataRow(context, ids, columnIds, row));
  return { key: blockKey, rows: [titleRow, headerRow, ...dataRows] };
}

/** Table 二: one `<tbody>` per block; single-value blocks stretch their last cell over the free columns. */
function blocksLayout({ root, key, pointer, site, caption }: TableSource): TableLayout {
  const blocks = readBlocks(root, site);
  const dataColumns = Math.max(...blocks.flatMap((block) => block.rows.map((row) => row.columns.length)));
  const columnCount = 1 + dataColumns;
  const context: BlocksContext = { key, pointer, dataColumns, columnCount, cells: [] };
  const groups = blocks.map((block) => blockGroup(context, block));
  return {
    key,
    shape: 'blocks',
    pointer,
    caption,
    columnCount,
    labelColumnCount: 1,
    head: [],
    groups,
    cells: context.cells,
  };
}
interface RowNode {
  key: string;
  title: string;
  site: JsonSchema;
  children?: RowNode[];
}

function rowTree(root: JsonSchema, site: JsonSchema): RowNode[] {
  return propertiesOf(root, site).map((property) =>
    property.schema['x-row'] === true
      ? { key: property.key, title: titleOf(property), site: property.site }
      : { key: property.key, title: titleOf(property), site: property.site, children: rowTree(root, property.site) },
  );
}
const rowLeaves = (node: RowNode): number =>
  node.children ? node.children.reduce((sum, child) => sum + rowLeaves(child), 0) : 1;
const rowDepth = (nodes: RowNode[]): number =>
  Math.max(...nodes.map((node) => (node.children ? 1 + rowDepth(node.children) : 1)));

/** The head of table 三: the corner, the optional column group title and the column tree below them. */
interface GridHead {
  rows: HeaderCell[][];
  cornerId: string;
  leaves: LeafColumn[];
}

function gridHead(key: TableKey, resolved: JsonSchema, columns: ColumnNode[], labelColumnCount: number): GridHead {
  const columnDepthCount = columnDepth(columns);
  const groupTitle =
    typeof resolved['x-columnHeader'] === 'string' ? (resolved['x-columnHeader'] as string) : undefined;
  const headRowCount = (groupTitle ? 1 : 0) + columnDepthCount;
  const headRows: HeaderCell[][] = Array.from({ length: headRowCount }, () => []);
  const cornerId = `${key}-corner`;
  headRows[0]!.push({
    kind: 'header',
    id: cornerId,
    text: typeof resolved['x-corner'] === 'string' ? (resolved['x-corner'] as string) : '',
    colSpan: labelColumnCount,
    rowSpan: headRowCount,
    scope: 'col',
    role: 'corner',
    headers: [],
    column: 0,
  });
  const groupIds: string[] = [];
  if (groupTitle) {
    const id = `${key}-cols`;
    groupIds.push(id);
    headRows[0]!.push({
      kind: 'header',
      id,
      text: groupTitle,
      colSpan: columns.reduce((sum, node) => sum + columnLeaves(node), 0),
      rowSpan: 1,
      scope: 'colgroup',
      role: 'columnGroup',
      headers: [],
      column: labelColumnCount,
    });
  }
  const leaves: LeafColumn[] = [];
  emitColumnHeaders(
    key,
    columns,
    headRows,
    0,
    groupTitle ? 1 : 0,
    columnDepthCount,
    labelColumnCount,
    { path: [], labels: [], ids: groupIds },
    leaves,
  );
  return { rows: headRows, cornerId, leaves };
}

/** What the body rows of table 三 share while the row tree is walked; `cells` and `rows` are filled in order. */
interface GridBody {
  key: TableKey;
  pointer: string;
  labelColumnCount: number;
  head: GridHead;
  cells: DataCellLayout[];
  rows: RowLayout[];
}

type RowAncestor = { node: RowNode; id: string };

/** One body row: the pending group labels it opens, its own label and a data cell per leaf column. */
function gridLeafRow(body: GridBody, node: RowNode, ancestors: RowAncestor[], opening: HeaderCell[]): void {
  const path = [...ancestors.map((a) => a.node.key), node.key];
  const id = `${body.key}-r-${path.join('-')}`;
  const depth = ancestors.length + 1;
  const leafCell: HeaderCell = {
    kind: 'header',
    id,
    text: node.title,
    colSpan: body.labelColumnCount - depth + 1,
    rowSpan: 1,
    scope: 'row',
    role: 'row',
    headers: [body.head.cornerId, ...ancestors.map((a) => a.id)],
    column: depth - 1,
  };
  const rowLabels = [...ancestors.map((a) => a.node.title), node.title];
  const rowHeaderIds = [...ancestors.map((a) => a.id), id];
  const rowCells: LayoutCell[] = [...opening, leafCell];
  for (const leaf of body.head.leaves) {
    const cell = dataCell(body.cells.length, body.pointer, path, rowLabels, rowHeaderIds, leaf, 1);
    body.cells.push(cell);
    rowCells.push(cell);
  }
  body.rows.push({ kind: 'data', cells: rowCells });
}

function walkGridRows(body: GridBody, nodes: RowNode[], ancestors: RowAncestor[], pending: HeaderCell[]): void {
  nodes.forEach((node, position) => {
    // A group's label opens the row of its first leaf and spans all its rows.
    const opening = position === 0 ? pending : [];
    if (!node.children) {
      gridLeafRow(body, node, ancestors, opening);
      return;
    }
    const id = `${body.key}-r-${[...ancestors.map((a) => a.node.key), node.key].join('-')}`;
    const groupCell: HeaderCell = {
      kind: 'header',
      id,
      text: node.title,
      colSpan: 1,
      rowSpan: rowLeaves(node),
      scope: 'row',
      role: 'rowGroup',
      headers: [body.head.cornerId, ...ancestors.map((a) => a.id)],
      column: ancestors.length,
    };
    walkGridRows(body, node.children, [...ancestors, { node, id }], [...opening, groupCell]);
  });
}

/** Table 三: corner + column group header over a column tree; row labels nested in as many columns as the deepest row. */
function gridLayout({ root, key, pointer, site, caption }: TableSource): TableLayout {
  const rows = rowTree(root, site);
  const labelColumnCount = rowDepth(rows);
  let firstLeaf = rows[0]!;
  while (firstLeaf.children) firstLeaf = firstLeaf.children[0]!;
  const head = gridHead(key, resolveRef(root, site), columnTree(root, firstLeaf.site), labelColumnCount);
  const body: GridBody = { key, pointer, labelColumnCount, head, cells: [], rows: [] };
  walkGridRows(body, rows, [], []);
  return {
    key,
    shape: 'grid',
    pointer,
    caption,
    columnCount: labelColumnCount + head.leaves.length,
    labelColumnCount,
    head: head.rows.map((cellsOfRow) => ({ kind: 'header', cells: cellsOfRow })),
    groups: [{ key: 'body', rows: body.rows }],
    cells: body.cells,
  };
}

/** Table 四: the table object is the only row; its properties are multi-level column headers. */
function singleRowLayout({ root, key, pointer, site, caption }: TableSource): TableLayout {
  const columns = columnTree(root, site);
  const depth = columnDepth(columns);
  const headRows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const leaves: LeafColumn[] = [];
  emitColumnHeaders(key, columns, headRows, 0, 0, depth, 0, { path: [], labels: [], ids: [] }, leaves);
  const cells = leaves.map((leaf, index) => dataCell(index, pointer, [], [], [], leaf, 1));
  return {
    key,
    shape: 'single-row',
    pointer,
    caption,
    columnCount: leaves.length,
    labelColumnCount: 0,
    head: headRows.map((cellsOfRow) => ({ kind: 'header', cells: cellsOfRow })),
    groups: [{ key: 'body', rows: [{ kind: 'data', cells }] }],
    cells,
  };
}

export function tableLayout(source: TableSource): TableLayout {
  const resolved = resolveRef(source.root, source.site);
  const children = propertiesOf(source.root, source.site);
  const shape: TableShape =
    resolved['x-row'] === true
      ? 'single-row'
      : children.every((child) => child.schema['x-rowHeader'] !== undefined)
        ? 'blocks'
        : 'grid';
  if (shape === 'single-row') return singleRowLayout(source);
  if (shape === 'blocks') return blocksLayout(source);
  return gridLayout(source);
}
