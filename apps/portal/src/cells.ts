/**
 * The cells of a report kept for queries (each official table cell, and the rows and columns local
 * extensions add: the build's CSV rows), its key figures, and the review flags the supervising
 * office filters on.
 */
import type { Report } from '@nianbao/template';
import type { Finding } from '@nianbao/validator';
import { buildViewModel, editionLayout, type ViewModelOptions } from '@nianbao/view-model';

export interface CellRow {
  /** Place of the cell among its edition's cells (tables in order, cells in document order). */
  ord: number;
  table: string;
  rowId: string;
  columnId: string;
  /** Decimal text (exact), or null when the report does not state the value. */
  value: string | null;
  unit: string | null;
  /** The official labels (or an extension's titles) of the row and column, joined with ` › `. */
  rowLabel: string;
  columnLabel: string;
}

/**
 * The cells of a report; none when its tables cannot be read (an imported report with broken tables).
 * With `schema` (the edition's schema patched by local extensions), the rows and columns they add too.
 */
export function cellsOf(report: Report, schema?: ViewModelOptions['schema']): CellRow[] {
  let view: ReturnType<typeof buildViewModel>;
  try {
    view = buildViewModel(report, schema === undefined ? {} : { schema });
  } catch {
    return [];
  }
  const rows: CellRow[] = [];
  for (const table of view.tables) {
    for (const cell of table.cells) {
      const value = cell.value;
      const text = value === null ? null : String(value).trim();
      rows.push({
        ord: rows.length,
        table: table.key,
        rowId: cell.layout.rowId,
        columnId: cell.layout.columnId,
        value: text !== null && /^-?\d+(\.\d+)?$/.test(text) ? text : null,
        unit: cell.unit,
        rowLabel: cell.layout.rowLabels.join(' › '),
        columnLabel: cell.layout.columnLabels.join(' › '),
      });
    }
  }
  return rows;
}

/** Review categories: spam words, the text against the tables, a carry-over break, a report of zeros. */
export const FLAG_RULES: Readonly<Record<string, string>> = {
  'I-SPAM': 'spam',
  'T-TEXT': 'text-vs-table',
  'X-CARRY': 'carry-over',
};

export function flagsOf(findings: readonly Finding[], cells: readonly CellRow[]): string[] {
  const flags = new Set<string>();
  for (const finding of findings) {
    const flag = FLAG_RULES[finding.ruleId];
    if (flag && finding.severity !== 'info') flags.add(flag);
  }
  if (cells.length > 0 && cells.every((cell) => cell.value === null || Number(cell.value) === 0)) flags.add('all-zero');
  return [...flags];
}

/**
 * The key figures kept on a report for the aggregates: table 三's 总计 column and all of table 四, in
 * the order of the 2021 layout (the 2019 one names the same cells; its extra row is not kept). Kept
 * as a float8[] (SQL arrays are 1-based: position = index + 1): reading an array element per report
 * measured 2–3× faster than a jsonb key in PGlite. A new figure is appended, never inserted.
 */
export const FIGURE_KEYS: readonly string[] = editionLayout('2021').tables.flatMap((layout) =>
  layout.cells
    .filter(
      (cell) => layout.key === 'reviewAndLitigation' || (layout.key === 'applications' && cell.columnId === 'total'),
    )
    .map((cell) => `${layout.key}|${cell.rowId}|${cell.columnId}`),
);
const FIGURE_INDEX = new Map(FIGURE_KEYS.map((key, index) => [key, index]));

export function figurePosition(key: string): number | undefined {
  const index = FIGURE_INDEX.get(key);
  return index === undefined ? undefined : index + 1;
}

export function figuresOf(cells: readonly CellRow[]): (number | null)[] {
  const figures: (number | null)[] = FIGURE_KEYS.map(() => null);
  for (const cell of cells) {
    const index = FIGURE_INDEX.get(`${cell.table}|${cell.rowId}|${cell.columnId}`);
    if (index !== undefined && cell.value !== null) figures[index] = Number(cell.value);
  }
  return figures;
}
