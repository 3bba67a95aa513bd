/**
 * The per-edition layout of a report: sections, topics and the three tables with their header grids,
 * derived once from the schema annotations (titles, x-order, x-row, x-rowHeader, x-corner,
 * x-columnHeader). Reports of the same edition share it; only values are filled per report.
 */
import {
  parsePointer,
  propertiesOf,
  resolveRef,
  schemaFor,
  editionInfo,
  type Edition,
  type JsonSchema,
  type PropertyInfo,
} from '@nianbao/template';
import { topicNumber } from './text.js';
import type {
  DataCellLayout,
  HeaderCell,
  LayoutCell,
  RowGroupLayout,
  RowLayout,
  SectionKey,
  TableKey,
  TableLayout,
  TableShape,
  ValueKind,
} from './types.js';

export type PartLayout =
  | { readonly kind: 'paragraphs'; readonly pointer: string; readonly segments: readonly string[] }
  | {
      readonly kind: 'topic';
      readonly key: string;
      readonly pointer: string;
      readonly segments: readonly string[];
      readonly headingSegments: readonly string[];
      readonly paragraphsSegments: readonly string[];
      readonly number: string;
      readonly officialHeading: string;
    }
  | { readonly kind: 'table'; readonly table: TableLayout };

export interface SectionLayout {
  readonly key: SectionKey;
  readonly pointer: string;
  readonly heading: string;
  readonly number: string;
  readonly title: string;
  readonly parts: readonly PartLayout[];
}

export interface EditionLayout {
  readonly edition: Edition;
  readonly issuedWith: string;
  /** 政府信息公开工作年度报告: the schema title without its edition note. */
  readonly documentName: string;
  readonly sections: readonly SectionLayout[];
  readonly tables: readonly TableLayout[];
}

const LEAF_REFS: Record<string, ValueKind> = {
  '#/$defs/count': 'count',
  '#/$defs/signedCount': 'signedCount',
  '#/$defs/decimalAmount': 'amount',
  '#/$defs/moneyAmount': 'money',
};

function leafKind(site: JsonSchema): ValueKind | undefined {
  return typeof site.$ref === 'string' ? LEAF_REFS[site.$ref] : undefined;
}

function titleOf(property: PropertyInfo): string {
  if (property.title === undefined) throw new Error(`schema property ${property.key} has no title`);
  return property.title;
}

interface ColumnNode {
  key: string;
  title: string;
  kind?: ValueKind;
  children?: ColumnNode[];
}

function columnTree(root: JsonSchema, rowSite: JsonSchema): ColumnNode[] {
  return propertiesOf(root, rowSite).map((property) => {
    const kind = leafKind(property.site);
    if (kind) return { key: property.key, title: titleOf(property), kind };
    return { key: property.key, title: titleOf(property), children: columnTree(root, property.site) };
  });
}

const columnLeaves = (node: ColumnNode): number =>
  node.children ? node.children.reduce((sum, child) => sum + columnLeaves(child), 0) : 1;
const columnDepth = (nodes: ColumnNode[]): number =>
  Math.max(...nodes.map((node) => (node.children ? 1 + columnDepth(node.children) : 1)));

interface LeafColumn {
  path: string[];
  labels: string[];
  headerIds: string[];
  kind: ValueKind;
  column: number;
}

/**
 * Emits the header cells of a column tree into `rows` (one array per header row, from `rowOffset`),
 * depth first so that each row receives its cells left to right; returns the leaf columns.
 */
function emitColumnHeaders(
  tableKey: string,
  nodes: ColumnNode[],
  rows: HeaderCell[][],
  level: number,
  rowOffset: number,
  depth: number,
  startColumn: number,
  parent: { path: string[]; labels: string[]; ids: string[] },
  leaves: LeafColumn[],
): number {
  let column = startColumn;
  for (const node of nodes) {
    const path = [...parent.path, node.key];
    const id = `${tableKey}-c-${path.join('-')}`;
    const span = columnLeaves(node);
    rows[rowOffset + level]!.push({
      kind: 'header',
      id,
      text: node.title,
      colSpan: span,
      rowSpan: node.children ? 1 : depth - level,
      scope: node.children ? 'colgroup' : 'col',
      role: node.children ? 'columnGroup' : 'column',
      headers: parent.ids,
      column,
    });
    const here = { path, labels: [...parent.labels, node.title], ids: [...parent.ids, id] };
    if (node.children) {
      emitColumnHeaders(tableKey, node.children, rows, level + 1, rowOffset, depth, column, here, leaves);
    } else {
      leaves.push({ path, labels: here.labels, headerIds: here.ids, kind: node.kind!, column });
    }
    column += span;
  }
  return column;
}

function dataCell(
  index: number,
  tablePointer: string,
  rowPath: string[],
  rowLabels: string[],
  rowHeaderIds: string[],
  leaf: LeafColumn,
  colSpan: number,
): DataCellLayout {
  const pointer = [tablePointer, ...rowPath, ...leaf.path].join('/');
  return {
    kind: 'data',
    index,
    pointer,
    segments: parsePointer(pointer),
    rowId: rowPath.length > 0 ? rowPath.join('/') : '.',
    columnId: leaf.path.join('/'),
    rowLabels,
    columnLabels: leaf.labels,
    valueKind: leaf.kind,
    colSpan,
    rowSpan: 1,
    headers: [...leaf.headerIds, ...rowHeaderIds],
    column: leaf.column,
  };
}

interface TableSource {
  root: JsonSchema;
  key: TableKey;
  pointer: string;
  site: JsonSchema;
  caption: string;
}

/** Table 二: one `<tbody>` per block; single-value blocks stretch their last cell over the free columns. */
function blocksLayout({ root, key, pointer, site, caption }: TableSource): TableLayout {
  const blocks = propertiesOf(root, site).map((block) => {
    const rows = propertiesOf(root, block.site).map((row) => ({ property: row, columns: columnTree(root, row.site) }));
    return { property: block, rowHeader: String(block.schema['x-rowHeader'] ?? ''), rows };
  });
  const dataColumns = Math.max(...blocks.flatMap((block) => block.rows.map((row) => row.columns.length)));
  const columnCount = 1 + dataColumns;
  const cells: DataCellLayout[] = [];
  const groups: RowGroupLayout[] = blocks.map((block) => {
    const blockKey = block.property.key;
    const blockTitle = titleOf(block.property);
    const blockId = `${key}-${blockKey}`;
    const titleId = `${blockId}-h`;
    const headerColumns = block.rows[0]!.columns;
    const spanOfLast = (count: number, position: number) => (position === count - 1 ? dataColumns - count + 1 : 1);
    const titleRow: RowLayout = {
      kind: 'block',
      cells: [
        {
          kind: 'header',
          id: blockId,
          text: blockTitle,
          colSpan: columnCount,
          rowSpan: 1,
          scope: 'rowgroup',
          role: 'block',
          headers: [],
          column: 0,
        },
      ],
    };
    const columnIds = new Map<string, string>();
    const headerRow: RowLayout = {
      kind: 'header',
      cells: [
        {
          kind: 'header',
          id: titleId,
          text: block.rowHeader,
          colSpan: 1,
          rowSpan: 1,
          scope: 'col',
          role: 'rowHeaderTitle',
          headers: [blockId],
          column: 0,
        },
        ...headerColumns.map((column, position): HeaderCell => {
          const id = `${blockId}-c-${column.key}`;
          columnIds.set(column.key, id);
          return {
            kind: 'header',
            id,
            text: column.title,
            colSpan: spanOfLast(headerColumns.length, position),
            rowSpan: 1,
            scope: 'col',
            role: 'column',
            headers: [blockId],
            column: 1 + position,
          };
        }),
      ],
    };
    const dataRows: RowLayout[] = block.rows.map(({ property: row, columns }) => {
      const rowTitle = titleOf(row);
      const rowHeaderId = `${blockId}-r-${row.key}`;
      const rowHeader: HeaderCell = {
        kind: 'header',
        id: rowHeaderId,
        text: rowTitle,
        colSpan: 1,
        rowSpan: 1,
        scope: 'row',
        role: 'row',
        headers: [blockId, titleId],
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
          cells.length,
          pointer,
          [blockKey, row.key],
          [blockTitle, rowTitle],
          [],
          leaf,
          spanOfLast(columns.length, position),
        );
        // Block title first: it names the rows below it, like a row group header.
        const withBlock = { ...cell, headers: [blockId, ...cell.headers, rowHeaderId] };
        cells.push(withBlock);
        rowCells.push(withBlock);
      });
      return { kind: 'data', cells: rowCells };
    });
    return { key: blockKey, rows: [titleRow, headerRow, ...dataRows] };
  });
  return { key, shape: 'blocks', pointer, caption, columnCount, labelColumnCount: 1, head: [], groups, cells };
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

/** Table 三: corner + column group header over a column tree; row labels nested in as many columns as the deepest row. */
function gridLayout({ root, key, pointer, site, caption }: TableSource): TableLayout {
  const resolved = resolveRef(root, site);
  const rows = rowTree(root, site);
  const labelColumnCount = rowDepth(rows);
  let firstLeaf = rows[0]!;
  while (firstLeaf.children) firstLeaf = firstLeaf.children[0]!;
  const columns = columnTree(root, firstLeaf.site);
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

  const cells: DataCellLayout[] = [];
  const bodyRows: RowLayout[] = [];
  const walk = (nodes: RowNode[], ancestors: { node: RowNode; id: string }[], pending: HeaderCell[]) => {
    nodes.forEach((node, position) => {
      const path = [...ancestors.map((a) => a.node.key), node.key];
      const id = `${key}-r-${path.join('-')}`;
      const depth = ancestors.length + 1;
      const outerIds = [cornerId, ...ancestors.map((a) => a.id)];
      // A group's label opens the row of its first leaf and spans all its rows.
      const opening = position === 0 ? pending : [];
      if (node.children) {
        const groupCell: HeaderCell = {
          kind: 'header',
          id,
          text: node.title,
          colSpan: 1,
          rowSpan: rowLeaves(node),
          scope: 'row',
          role: 'rowGroup',
          headers: outerIds,
          column: depth - 1,
        };
        walk(node.children, [...ancestors, { node, id }], [...opening, groupCell]);
        return;
      }
      const leafCell: HeaderCell = {
        kind: 'header',
        id,
        text: node.title,
        colSpan: labelColumnCount - depth + 1,
        rowSpan: 1,
        scope: 'row',
        role: 'row',
        headers: outerIds,
        column: depth - 1,
      };
      const rowLabels = [...ancestors.map((a) => a.node.title), node.title];
      const rowHeaderIds = [...ancestors.map((a) => a.id), id];
      const rowCells: LayoutCell[] = [...opening, leafCell];
      for (const leaf of leaves) {
        const cell = dataCell(cells.length, pointer, path, rowLabels, rowHeaderIds, leaf, 1);
        cells.push(cell);
        rowCells.push(cell);
      }
      bodyRows.push({ kind: 'data', cells: rowCells });
    });
  };
  walk(rows, [], []);
  return {
    key,
    shape: 'grid',
    pointer,
    caption,
    columnCount: labelColumnCount + leaves.length,
    labelColumnCount,
    head: headRows.map((cellsOfRow) => ({ kind: 'header', cells: cellsOfRow })),
    groups: [{ key: 'body', rows: bodyRows }],
    cells,
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

function tableLayout(source: TableSource): TableLayout {
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

function sectionLayout(root: JsonSchema, section: PropertyInfo, tables: TableLayout[]): SectionLayout {
  const heading = titleOf(section);
  const split = heading.indexOf('、');
  const pointer = `/sections/${section.key}`;
  const parts: PartLayout[] = [];
  let topics = 0;
  for (const property of propertiesOf(root, section.site)) {
    const partPointer = `${pointer}/${property.key}`;
    if (property.site.$ref === '#/$defs/paragraphs') {
      parts.push({ kind: 'paragraphs', pointer: partPointer, segments: parsePointer(partPointer) });
    } else if (property.site.$ref === '#/$defs/topic') {
      topics += 1;
      parts.push({
        kind: 'topic',
        key: property.key,
        pointer: partPointer,
        segments: parsePointer(partPointer),
        headingSegments: parsePointer(`${partPointer}/heading`),
        paragraphsSegments: parsePointer(`${partPointer}/paragraphs`),
        number: topicNumber(topics),
        officialHeading: titleOf(property),
      });
    } else if (property.key === 'table') {
      const table = tableLayout({
        root,
        key: section.key as TableKey,
        pointer: partPointer,
        site: property.site,
        caption: titleOf(property),
      });
      tables.push(table);
      parts.push({ kind: 'table', table });
    } else {
      throw new Error(`section ${section.key}: unexpected property ${property.key}`);
    }
  }
  return {
    key: section.key as SectionKey,
    pointer,
    heading,
    number: split > 0 ? heading.slice(0, split) : '',
    title: split > 0 ? heading.slice(split + 1) : heading,
    parts,
  };
}

function buildEditionLayout(edition: Edition, root: JsonSchema = schemaFor(edition)): EditionLayout {
  const sectionsSite = (root.properties as Record<string, JsonSchema>).sections!;
  const tables: TableLayout[] = [];
  const sections = propertiesOf(root, sectionsSite).map((section) => sectionLayout(root, section, tables));
  const title = String(root.title ?? '');
  const cut = title.indexOf('（');
  return deepFreeze({
    edition,
    issuedWith: editionInfo(edition).issuedWith,
    documentName: cut > 0 ? title.slice(0, cut) : title,
    sections,
    tables,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

const cache = new Map<Edition, EditionLayout>();

const customCache = new WeakMap<JsonSchema, EditionLayout>();

/**
 * The layout of an edition (computed on first use, then shared). With `schema` (the edition's schema
 * patched by local extensions, @nianbao/extension), the layout of that schema: the rows and columns it
 * adds are laid out with their titles like the official ones; cached per schema object.
 */
export function editionLayout(edition: Edition, schema?: JsonSchema): EditionLayout {
  if (schema !== undefined && schema !== schemaFor(edition)) {
    let custom = customCache.get(schema);
    if (!custom) {
      custom = buildEditionLayout(edition, schema);
      customCache.set(schema, custom);
    }
    return custom;
  }
  let layout = cache.get(edition);
  if (!layout) {
    layout = buildEditionLayout(edition);
    cache.set(edition, layout);
  }
  return layout;
}
