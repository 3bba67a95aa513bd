/**
 * The three tables. react-pdf has no table element, and a table of nested flex boxes with one `Text`
 * per cell (~430 per report) made most of a render's time. So nianbao lays a table out itself, on the
 * view model's grid (cells with column, colSpan, rowSpan): cell text broken into lines with the same
 * CJK break units as the body, row heights from the tallest cell, a cell spanning rows as tall as its
 * rows. It hands react-pdf one `Canvas` per unbreakable run of rows (a table-二 block, a row group of up
 * to 8 rows such as （三）不予公开, a single row), which react-pdf paginates, and one `fixed` canvas with
 * the header rows, which react-pdf repeats on every page the table continues on. A group of more than
 * 8 rows (三、本年度办理结果, 20/22 rows) may continue on the next page: its label sits at its top.
 */
import type { ReactNode } from 'react';
import { Canvas, View } from '@react-pdf/renderer';
import type { Cell, Row, TableKey, TableView } from '@nianbao/view-model';
import type { FontData, LoadedFonts } from './fonts.js';
import { baselineIn, breakLines, drawText, type Painter } from './painter.js';
import { textWidth } from './metrics.js';
import { artifact, reserve, type Tag, tagged } from './tagging.js';

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

/** Left edge of every grid column, and the right edge of the last one. */
const edgesCache = new Map<TableKey, number[]>();
function columnEdges(key: TableKey): number[] {
  let edges = edgesCache.get(key);
  if (!edges) {
    const weights = COLUMN_WEIGHTS[key];
    const total = weights.reduce((a, b) => a + b, 0);
    edges = [0];
    for (const w of weights) edges.push(edges[edges.length - 1]! + (w / total) * CONTENT_WIDTH);
    edgesCache.set(key, edges);
  }
  return edges;
}

const RULE = 0.6;
const PAD_X = 2;
const PAD_Y = 2.5;
/** A label over more rows than this may be split by a page break; smaller groups stay together. */
const MAX_UNSPLIT_ROWS = 8;
const TABLE_FONT_SIZE = 9;
const LINE = 1.35;
/** Height of the table's foot (a rule drawn just above it). */
const FOOT_HEIGHT = 0.01;

/** Font size for a value: 9 pt, smaller when a long number would not fit its column (3985758 in 行政处罚). */
function valueFontSize(text: string, width: number): number {
  const available = width - 2 * PAD_X - RULE;
  const needed = text.length * 0.6 * TABLE_FONT_SIZE;
  return needed <= available ? TABLE_FONT_SIZE : Math.max(5, Math.floor((available / (text.length * 0.6)) * 10) / 10);
}

/** A cell placed on the grid of its section (the header rows, or one row group). */
interface Placed {
  row: number;
  rowSpan: number;
  x0: number;
  x1: number;
  lines: string[];
  font: FontData;
  size: number;
  align: 'left' | 'center';
  /** A label over a group that may be split: drawn at the top of the group, not centred. */
  top: boolean;
  /** Its element in the tagged PDF (TH for labels, TD for values), in the element of its first row. */
  tag: Tag;
}

interface Section {
  /** The header rows: drawn again on each page the table continues on (artifacts after the first). */
  head: boolean;
  cells: Placed[];
  /** Top of each row, and the bottom of the last one. */
  tops: number[];
}

const spanOf = (cell: Cell) =>
  cell.kind === 'header'
    ? { col: cell.colSpan, row: cell.rowSpan, at: cell.column }
    : { col: cell.layout.colSpan, row: cell.layout.rowSpan, at: cell.layout.column };

function layoutSection(
  rows: readonly Row[],
  edges: number[],
  fonts: LoadedFonts,
  { table, key, head }: { table: Tag; key: string; head: boolean },
): Section {
  const cells: Placed[] = [];
  rows.forEach((row, r) => {
    const tr: Tag = { type: 'TR', key: `${key}/${r}`, parent: table };
    for (const cell of row.cells) {
      const span = spanOf(cell);
      const x0 = edges[span.at]!;
      const x1 = edges[span.at + span.col]!;
      const available = x1 - x0 - 2 * PAD_X - RULE;
      let text: string;
      let font = fonts.serif;
      let size = TABLE_FONT_SIZE;
      let align: 'left' | 'center' = 'center';
      if (cell.kind === 'header') {
        text = cell.text;
        if (cell.role === 'row' || cell.role === 'block') align = 'left';
        if (cell.role === 'block') font = fonts.serifBold;
      } else {
        text = cell.display;
        size = valueFontSize(text, x1 - x0);
      }
      cells.push({
        row: r,
        rowSpan: span.row,
        x0,
        x1,
        lines: breakLines(font, size, text, available),
        font,
        size,
        align,
        top: span.row > MAX_UNSPLIT_ROWS,
        tag: {
          type: cell.kind === 'header' ? 'TH' : 'TD',
          key: `${key}/${r}/${span.at}`,
          parent: tr,
          rowSpan: span.row,
          colSpan: span.col,
          ...(cell.kind === 'header' && !head ? { scope: 'Row' as const } : {}),
          ...(head ? { scope: 'Column' as const } : {}),
        },
      });
    }
  });
  const heights = rows.map(() => 0);
  const needed = (cell: Placed) =>
    Math.max(1, cell.lines.length) * cell.size * LINE + 2 * PAD_Y + RULE + (cell.top ? 6 - PAD_Y : 0);
  // Single-row cells first, then spans from the shortest: a span too short for its text grows its last row.
  for (const cell of [...cells].sort((a, b) => a.rowSpan - b.rowSpan)) {
    const last = Math.min(rows.length, cell.row + cell.rowSpan) - 1;
    let have = 0;
    for (let r = cell.row; r <= last; r++) have += heights[r]!;
    if (have < needed(cell)) heights[last]! += needed(cell) - have;
  }
  const tops = [0];
  for (const h of heights) tops.push(tops[tops.length - 1]! + h);
  return { head, cells, tops };
}

/** Draws rows [from, to) of a section, shifted up so that row `from` starts at 0. */
function paintRows(
  painter: Painter,
  section: Section,
  from: number,
  to: number,
  { topRule }: { topRule: boolean },
): void {
  const dy = section.tops[from]!;
  const half = RULE / 2;
  const right = section.cells.reduce((max, c) => Math.max(max, c.x1), 0);
  artifact(() => {
    painter.lineWidth(RULE).strokeColor('#000');
    // The table's left rule, and the top rule over the cells that start here.
    painter.moveTo(half, 0).lineTo(half, section.tops[to]! - dy);
    if (topRule) painter.moveTo(0, half).lineTo(right, half);
    for (const cell of section.cells) {
      const end = cell.row + cell.rowSpan;
      if (end <= from || cell.row >= to) continue;
      const y0 = section.tops[Math.max(cell.row, from)]! - dy;
      const y1 = section.tops[Math.min(end, to)]! - dy;
      painter.moveTo(cell.x1 - half, y0).lineTo(cell.x1 - half, y1);
      if (end <= to) painter.moveTo(cell.x0, y1 - half).lineTo(cell.x1, y1 - half);
    }
    painter.stroke();
  });
  painter.fillColor('#000');
  for (const cell of section.cells) {
    if (cell.row < from || cell.row >= to) continue;
    // Every cell has its element, in grid order, even one without text or drawn later.
    reserve(cell.tag);
    // A label over a group that may continue on the next page is drawn by the table's foot (below).
    if (cell.top || cell.lines.length === 0) continue;
    const y0 = section.tops[cell.row]! - dy;
    const y1 = section.tops[Math.min(cell.row + cell.rowSpan, section.tops.length - 1)]! - dy;
    const block = cell.lines.length * cell.size * LINE;
    tagged(cell.tag, () => drawLines(painter, cell, y0 + (y1 - y0 - RULE - block) / 2, cell.size * LINE), {
      once: section.head,
    });
  }
}

function drawLines(painter: Painter, cell: Placed, top: number, lineHeight: number): void {
  for (const line of cell.lines) {
    const x =
      cell.align === 'left'
        ? cell.x0 + PAD_X + RULE
        : (cell.x0 + cell.x1 + RULE) / 2 - textWidth(cell.font, line, cell.size) / 2;
    drawText(painter, cell.font, cell.size, line, x, baselineIn(top, lineHeight, cell.size));
    top += lineHeight;
  }
}

/** A run of rows drawn on one canvas, as react-pdf placed it on a page. */
interface Painted {
  section: Section;
  from: number;
  to: number;
}

/**
 * The foot of the table on each page it is on: react-pdf repeats a `fixed` child on every page and lays
 * it out after the last row there, and paints it after those rows. It closes the table with a rule (at
 * a page break the rows above have none under a label that goes on), and draws the labels of the groups
 * that may continue on the next page (三、本年度办理结果): on every page such a group is on, at the top
 * of its rows there, within them. Only here are the rows of this page known: the canvases are stacked
 * without gaps, so the foot is at the bottom of the last one painted.
 */
function paintFoot(painter: Painter, page: readonly Painted[], width: number): void {
  const half = RULE / 2;
  artifact(() => painter.lineWidth(RULE).strokeColor('#000').moveTo(0, -half).lineTo(width, -half).stroke());
  painter.fillColor('#000');
  let bottom = 0;
  const spans = new Map<Placed, { top: number; bottom: number }>();
  for (let i = page.length - 1; i >= 0; i--) {
    const { section, from, to } = page[i]!;
    const top = bottom - (section.tops[to]! - section.tops[from]!);
    for (const cell of section.cells) {
      if (!cell.top || cell.row >= to || cell.row + cell.rowSpan <= from) continue;
      const y0 = top + section.tops[Math.max(cell.row, from)]! - section.tops[from]!;
      const y1 = top + section.tops[Math.min(cell.row + cell.rowSpan, to)]! - section.tops[from]!;
      const seen = spans.get(cell);
      spans.set(cell, { top: y0, bottom: seen ? seen.bottom : y1 });
    }
    bottom = top;
  }
  for (const [cell, span] of spans) {
    // 6 pt from the top, as on its first page; closer lines, then a smaller size, when few rows are left.
    const room = (span.bottom - span.top - 6 - PAD_Y - RULE) / Math.max(1, cell.lines.length);
    const size = Math.max(5, Math.min(cell.size, room));
    // Read once, where the group starts; repeated on the next page as an artifact.
    tagged(
      cell.tag,
      () => drawLines(painter, { ...cell, size }, span.top + 6, Math.max(size, Math.min(cell.size * LINE, room))),
      { once: true },
    );
  }
}

/** Runs of rows that a page break must not split: a row with every small row span that starts in it. */
function atoms(section: Section, rowCount: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (from < rowCount) {
    let to = from + 1;
    for (let grown = true; grown; ) {
      grown = false;
      for (const cell of section.cells) {
        if (cell.row >= from && cell.row < to && !cell.top && cell.row + cell.rowSpan > to) {
          to = cell.row + cell.rowSpan;
          grown = true;
        }
      }
    }
    out.push([from, to]);
    from = to;
  }
  return out;
}

const styles = {
  table: { marginTop: 6, marginBottom: 10 },
} as const;

export function TableBox({
  table,
  fonts,
  bookmark,
}: {
  table: TableView;
  fonts: LoadedFonts;
  /** The table's entry in the PDF outline. */
  bookmark?: string;
}): ReactNode {
  const edges = columnEdges(table.key);
  const width = edges[edges.length - 1]!;
  const children: ReactNode[] = [];
  // The outline entry sits on an empty box at the table's start: on the table's own box it would be
  // repeated on every page the table continues on.
  if (bookmark)
    children.push(
      <View key="bookmark" style={{ height: 0 }} {...{ bookmark: { title: `表：${bookmark}`, fit: true } }} />,
    );
  const hasHead = table.head.length > 0;
  const tableTag: Tag = { type: 'Table', key: `table:${table.key}` };
  // The rows painted since the last foot: the page the foot is painting.
  let page: Painted[] = [];
  if (hasHead) {
    const head = layoutSection(table.head, edges, fonts, { table: tableTag, key: `${tableTag.key}/head`, head: true });
    const rows = table.head.length;
    children.push(
      <Canvas
        key="head"
        fixed
        style={{ width, height: head.tops[rows]! }}
        paint={(painter: Painter) => {
          paintRows(painter, head, 0, rows, { topRule: true });
          return null;
        }}
      />,
    );
  }
  for (const group of table.groups) {
    const section = layoutSection(group.rows, edges, fonts, {
      table: tableTag,
      key: `${tableTag.key}/${group.key}`,
      head: false,
    });
    // Table 二's blocks (title row, 信息内容 row, rows) are never split.
    const runs: [number, number][] =
      table.shape === 'blocks' ? [[0, group.rows.length]] : atoms(section, group.rows.length);
    for (const [from, to] of runs) {
      children.push(
        <Canvas
          key={`${group.key}-${from}`}
          style={{ width, height: section.tops[to]! - section.tops[from]! }}
          // Without header rows (table 二) every block closes its own top.
          paint={(painter: Painter) => {
            paintRows(painter, section, from, to, { topRule: !hasHead });
            page.push({ section, from, to });
            return null;
          }}
        />,
      );
    }
  }
  children.push(
    <Canvas
      key="foot"
      fixed
      // Not 0: react-pdf warns about a canvas without height.
      style={{ width, height: FOOT_HEIGHT }}
      paint={(painter: Painter) => {
        paintFoot(painter, page, width);
        page = [];
        return null;
      }}
    />,
  );
  return <View style={styles.table}>{children}</View>;
}
