/** The table object of a document: every official cell present, null where not (yet) read. */
import { type ColumnNode, type RowNode, rowsOf } from './spec.js';

export function emptyRow(columns: ColumnNode[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.kind === 'money') row[column.key] = { value: null, unit: null };
    else if (column.kind) row[column.key] = null;
    else row[column.key] = emptyRow(column.children ?? []);
  }
  return row;
}

export function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    node[segment] ??= {};
    node = node[segment] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

export function emptyTable(root: RowNode): Record<string, unknown> {
  if (root.columns) return emptyRow(root.columns);
  const table: Record<string, unknown> = {};
  for (const row of rowsOf(root)) setAt(table, row.path, emptyRow(row.columns!));
  return table;
}
