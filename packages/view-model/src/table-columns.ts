/**
 * The pieces every table shape is built from: the column tree read from the schema, its header cells
 * and the data cell of one row and leaf column.
 */
import { parsePointer, propertiesOf, type JsonSchema, type PropertyInfo } from '@nianbao/template';
import type { DataCellLayout, HeaderCell, TableKey, ValueKind } from './types.js';

const LEAF_REFS: Record<string, ValueKind> = {
  '#/$defs/count': 'count',
  '#/$defs/signedCount': 'signedCount',
  '#/$defs/decimalAmount': 'amount',
  '#/$defs/moneyAmount': 'money',
};

function leafKind(site: JsonSchema): ValueKind | undefined {
  return typeof site.$ref === 'string' ? LEAF_REFS[site.$ref] : undefined;
}

export function titleOf(property: PropertyInfo): string {
  if (property.title === undefined) throw new Error(`schema property ${property.key} has no title`);
  return property.title;
}

export interface ColumnNode {
  key: string;
  title: string;
  kind?: ValueKind;
  children?: ColumnNode[];
}

export function columnTree(root: JsonSchema, rowSite: JsonSchema): ColumnNode[] {
  return propertiesOf(root, rowSite).map((property) => {
    const kind = leafKind(property.site);
    if (kind) return { key: property.key, title: titleOf(property), kind };
    return { key: property.key, title: titleOf(property), children: columnTree(root, property.site) };
  });
}

export const columnLeaves = (node: ColumnNode): number =>
  node.children ? node.children.reduce((sum, child) => sum + columnLeaves(child), 0) : 1;
export const columnDepth = (nodes: ColumnNode[]): number =>
  Math.max(...nodes.map((node) => (node.children ? 1 + columnDepth(node.children) : 1)));

export interface LeafColumn {
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
export function emitColumnHeaders(
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

export function dataCell(
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

export interface TableSource {
  root: JsonSchema;
  key: TableKey;
  pointer: string;
  site: JsonSchema;
  caption: string;
}
