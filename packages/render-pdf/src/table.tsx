/**
 * The three tables in react-pdf, which has no table element: the view model's grid (cells with
 * colSpan/rowSpan) is turned into nested flex boxes. A cell spanning several rows becomes a row box of
 * [the cell, a column box of the rows it spans]; a header cell spanning several columns becomes a
 * column box of [the cell, a row box of the headers below it]. Header rows are a `fixed` box inside the
 * table box, so react-pdf repeats them on every page the table continues on.
 */
import type { ReactNode } from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { Cell, HeaderCell, Row, TableKey, TableView } from '@nianbao/view-model';
import { cjkHyphenation } from './cjk.js';
import { SERIF } from './fonts.js';

/** Width of the type area: A4 (210 mm) less the 28 mm left and 26 mm right margins. */
export const CONTENT_WIDTH = ((210 - 28 - 26) * 72) / 25.4;

/** Relative column widths of each table's grid (scaled to the type area). */
const COLUMN_WEIGHTS: Record<TableKey, readonly number[]> = {
  // 信息内容 + three data columns.
  proactiveDisclosure: [1.9, 1, 1, 1],
  // Three label columns (三、 / （三） / 1.…) + 7 applicant columns.
  applications: [1.45, 1.45, 4.6, 1, 1, 1, 1, 1, 1, 1],
  // 15 equal columns.
  reviewAndLitigation: Array.from({ length: 15 }, () => 1),
};

const widthsCache = new Map<TableKey, number[]>();
function columnWidths(key: TableKey): number[] {
  let widths = widthsCache.get(key);
  if (!widths) {
    const weights = COLUMN_WEIGHTS[key];
    const total = weights.reduce((a, b) => a + b, 0);
    widths = weights.map((w) => (w / total) * CONTENT_WIDTH);
    widthsCache.set(key, widths);
  }
  return widths;
}

const RULE = 0.6;
const CELL_PADDING_X = 2;
const TABLE_FONT_SIZE = 9;

const styles = {
  table: { borderLeftWidth: RULE, borderColor: '#000', marginTop: 6, marginBottom: 10 },
  topRule: { borderTopWidth: RULE, borderColor: '#000' },
  head: { borderTopWidth: RULE, borderColor: '#000' },
  row: { flexDirection: 'row' as const },
  column: { flexDirection: 'column' as const },
  grow: { flexDirection: 'column' as const, flexGrow: 1 },
  cell: {
    borderRightWidth: RULE,
    borderBottomWidth: RULE,
    borderColor: '#000',
    paddingHorizontal: CELL_PADDING_X,
    paddingVertical: 2.5,
    justifyContent: 'center' as const,
  },
  text: { fontFamily: SERIF, fontSize: TABLE_FONT_SIZE, lineHeight: 1.35 },
} as const;

const spanOf = (cell: Cell) => (cell.kind === 'header' ? { col: cell.colSpan, row: cell.rowSpan, at: cell.column } : { col: cell.layout.colSpan, row: cell.layout.rowSpan, at: cell.layout.column });

/** Font size for a value: 9 pt, smaller when a long number would not fit its column (3985758 in 行政处罚). */
function valueFontSize(text: string, width: number): number {
  const available = width - 2 * CELL_PADDING_X - RULE;
  const needed = text.length * 0.6 * TABLE_FONT_SIZE;
  return needed <= available ? TABLE_FONT_SIZE : Math.max(5, Math.floor((available / (text.length * 0.6)) * 10) / 10);
}

function CellBox({ cell, width, grow, top }: { cell: Cell; width: number; grow?: boolean; top?: boolean }): ReactNode {
  let text: string;
  let align: 'left' | 'center' = 'center';
  let fontSize = TABLE_FONT_SIZE;
  let fontWeight = 400;
  if (cell.kind === 'header') {
    text = cell.text;
    if (cell.role === 'row' || cell.role === 'block') align = 'left';
    if (cell.role === 'block') fontWeight = 700;
  } else {
    text = cell.display;
    fontSize = valueFontSize(text, width);
  }
  return (
    <View style={[styles.cell, { width }, grow ? { flexGrow: 1 } : {}, top ? { justifyContent: 'flex-start', paddingTop: 6 } : {}]}>
      <Text hyphenationCallback={cjkHyphenation} style={[styles.text, { textAlign: align, fontSize, fontWeight }]}>
        {text}
      </Text>
    </View>
  );
}

/** Cells by the grid column they start at, for each row. */
function startsOf(rows: readonly Row[]): Map<number, Cell>[] {
  return rows.map((row) => new Map(row.cells.map((cell) => [spanOf(cell).at, cell] as const)));
}

const sum = (widths: number[], from: number, count: number) => widths.slice(from, from + count).reduce((a, b) => a + b, 0);

/** Rows r0..r1 from grid column c0 on, as a list of boxes stacked vertically. */
function bodyBand(rows: readonly Row[], starts: Map<number, Cell>[], r0: number, r1: number, c0: number, widths: number[], key: string): ReactNode[] {
  const items: ReactNode[] = [];
  let r = r0;
  while (r < r1) {
    const cell = starts[r]!.get(c0);
    if (!cell) break;
    const span = spanOf(cell);
    if (span.row > 1 && c0 + span.col < widths.length) {
      // A label spanning rows: it on the left, the rows it spans on the right. Small groups stay
      // together; a large one may continue on the next page, so its label sits at its top, where it
      // starts (centred, react-pdf would move it and every row after it to the next page).
      const large = span.row > 8;
      items.push(
        <View key={`${key}-${r}`} style={styles.row} wrap={large}>
          <CellBox cell={cell} width={sum(widths, c0, span.col)} top={large} />
          <View style={styles.column}>{bodyBand(rows, starts, r, r + span.row, c0 + span.col, widths, `${key}-${r}`)}</View>
        </View>,
      );
      r += span.row;
    } else {
      const cells = rows[r]!.cells.filter((c) => spanOf(c).at >= c0);
      items.push(
        <View key={`${key}-${r}`} style={styles.row} wrap={false}>
          {cells.map((c, i) => (
            <CellBox key={i} cell={c} width={sum(widths, spanOf(c).at, spanOf(c).col)} />
          ))}
        </View>,
      );
      r += 1;
    }
  }
  return items;
}

/** Header rows from row r0 down, over grid columns c0..c1, as one box laid out horizontally. */
function headBand(rows: readonly Row[], starts: Map<number, Cell>[], c0: number, c1: number, r0: number, widths: number[]): ReactNode {
  const items: ReactNode[] = [];
  let c = c0;
  while (c < c1) {
    const cell = starts[r0]!.get(c) as HeaderCell | undefined;
    if (!cell) break;
    const width = sum(widths, c, cell.colSpan);
    if (r0 + cell.rowSpan < rows.length) {
      items.push(
        <View key={c} style={[styles.column, { width }]}>
          <CellBox cell={cell} width={width} />
          <View style={[styles.grow, { width }]}>{headBand(rows, starts, c, c + cell.colSpan, r0 + cell.rowSpan, widths)}</View>
        </View>,
      );
    } else {
      items.push(<CellBox key={c} cell={cell} width={width} />);
    }
    c += cell.colSpan;
  }
  return <View style={[styles.row, { flexGrow: 1 }]}>{items}</View>;
}

export function TableBox({ table }: { table: TableView }): ReactNode {
  const widths = columnWidths(table.key);
  const head = table.head;
  return (
    <View style={styles.table}>
      {head.length > 0 ? (
        <View fixed style={styles.head}>
          {headBand(head, startsOf(head), 0, widths.length, 0, widths)}
        </View>
      ) : (
        <View fixed style={styles.topRule} />
      )}
      {table.groups.map((group) => (
        // Table 二's blocks (title row, 信息内容 row, rows) are never split.
        <View key={group.key} wrap={table.shape !== 'blocks'}>
          {bodyBand(group.rows, startsOf(group.rows), 0, group.rows.length, 0, widths, group.key)}
        </View>
      ))}
    </View>
  );
}
