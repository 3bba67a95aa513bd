/**
 * A published page as a flat sequence of blocks in reading order: lines of text and tables, each with
 * where it came from (a line number, or an element path for HTML). Text pages give `|`-flattened
 * tables whose cells are not aligned into columns; HTML tables are resolved into a grid.
 */
import type { LocalizedText } from '@nianbao/template';
import type { RowReadings } from './readings.js';

export interface Line {
  kind: 'line';
  text: string;
  from: string;
}

export interface GridCell {
  text: string;
  /** False where the cell continues a rowspan/colspan from above or from the left. */
  origin: boolean;
  /** True where the cell continues a colspan from the left (the same value repeated across columns). */
  fromLeft?: boolean;
  /** Where the cell itself is (a PDF page and box), when the input says more than its row. */
  from?: string;
}

export interface TableRow {
  cells: GridCell[];
  from: string;
  /** The row as published, for a text page (kept verbatim when the row cannot be placed). */
  raw?: string;
  /**
   * Text whose cells ran together (glued-text): the row's digits could not be split into its cells in
   * exactly one way, so none is placed; `reason` says why.
   */
  undecided?: { run: string; reason: LocalizedText; readings?: RowReadings };
}

export interface SourceTable {
  kind: 'table';
  rows: TableRow[];
  /** True for a resolved grid (HTML): the same index is the same column in every row. */
  aligned: boolean;
  from: string;
  /** The table's text as lines, for a table that turns out not to be a report table (layout tables). */
  asLines: Line[];
  /**
   * One cell per line (a copy that lost the table): a row's values are placed only when there are
   * exactly as many as the row has columns, since a blank cell leaves no line to count.
   */
  cellPerLine?: boolean;
  /**
   * Blank cells leave no trace (one cell per line, or columns aligned with spaces): a row's values are
   * placed only when there are exactly as many as its columns.
   */
  strictCounts?: boolean;
  /** Each row's values are in the official column order (decoded from glued text; no header to read). */
  ordered?: boolean;
  /**
   * Text printed with its page layout (pdftotext -layout): the header's labels are split over lines and
   * cannot name the columns, so a row is read in the official column order, only with exactly one value
   * per column (strictCounts); units come from the header's text.
   */
  layout?: boolean;
}

export type Block = Line | SourceTable;

/**
 * Blocks read from a piece of a document (a <pre>'s text, a layout text's lines outside its tables),
 * their places (`from`) rewritten by `at` into places in the whole document.
 */
export function relocateBlocks(blocks: Block[], at: (from: string) => string): Block[] {
  return blocks.map((block) =>
    block.kind === 'line'
      ? { ...block, from: at(block.from) }
      : {
          ...block,
          from: at(block.from),
          rows: block.rows.map((row) => ({ ...row, from: at(row.from) })),
          asLines: block.asLines.map((line) => ({ ...line, from: at(line.from) })),
        },
  );
}

export interface SourceDocument {
  blocks: Block[];
  /** The page title (HTML <title>). */
  title?: string;
  /** HTML <meta name=… content=…> pairs, names lower-cased. */
  meta: Record<string, string>;
  /**
   * Report metadata embedded by the page as JSON (`<script type="application/json"
   * data-nianbao="metadata">`): what a rendered page does not show as text (division code, credit code…).
   */
  embeddedMetadata?: unknown;
}
