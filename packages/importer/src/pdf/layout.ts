/**
 * A PDF's pages as the importer's blocks: tables rebuilt from their rulings (a table continued on the
 * next page with the same columns is one table), and the text around them as paragraphs — the lines
 * of a paragraph wrapped at the right margin and across page breaks joined again, the page numbers
 * dropped. Every block says where it came from: page and box (points, origin bottom left).
 */
import type { Block, GridCell, Line, SourceDocument, SourceTable } from '../source.js';
import type { PdfPage, TextRun } from './extract.js';
import { textSource } from '../text-source.js';
import { type Box, COLUMN_GAP, joinRuns, type PdfTable, pageTables } from './grid.js';

interface PdfLine {
  text: string;
  page: number;
  x: number;
  right: number;
  y: number;
  top: number;
  size: number;
}

type Item = { kind: 'line'; line: PdfLine } | { kind: 'table'; table: PdfTable };

const round = (n: number): string => (Math.round(n * 10) / 10).toString();

export function place(page: number, box: Box): string {
  return `page ${page} [${round(box.x0)} ${round(box.y0)} ${round(box.x1)} ${round(box.y1)}]`;
}

/** Runs on the same baseline form a line (left to right). */
function groupLines(runs: TextRun[], page: number): PdfLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(group[0]!.y - run.y) <= Math.max(1, Math.min(group[0]!.size, run.size) * 0.4))
      group.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => ({
    text: joinRuns(
      group.map((run) => ({ ...run, y: group[0]!.y })),
      true,
    ),
    page,
    x: Math.min(...group.map((r) => r.x)),
    right: Math.max(...group.map((r) => r.right)),
    y: group[0]!.y,
    top: Math.max(...group.map((r) => r.top)),
    size: Math.max(...group.map((r) => r.size)),
  }));
}

const PAGE_NUMBER = /^[-—–－―\s]*(第\s*)?\d{1,4}\s*(页)?(\s*[/／共]\s*\d{1,4}\s*页?)?[-—–－―\s]*$/;

function isPageNumber(line: PdfLine, height: number): boolean {
  return PAGE_NUMBER.test(line.text) && (line.y < height * 0.15 || line.top > height * 0.85);
}

/** The most frequent value (rounded to whole points), weighted. */
function mode(values: [number, number][]): number | undefined {
  const counts = new Map<number, number>();
  for (const [value, weight] of values) counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + weight);
  let best: [number, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

interface Metrics {
  size: number;
  left: number;
  right: number;
}

function metrics(lines: PdfLine[]): Metrics {
  const size = mode(lines.map((l) => [l.size, l.text.length])) ?? 12;
  const body = lines.filter((l) => Math.abs(l.size - size) <= size * 0.1);
  const left = Math.min(...body.map((l) => l.x).filter((x) => body.filter((o) => Math.abs(o.x - x) < 2).length >= 2));
  const rights = body.map((l) => l.right);
  const frequent = rights.filter((r) => rights.filter((o) => Math.abs(o - r) < 2).length >= 2);
  return {
    size,
    left: Number.isFinite(left) ? left : Math.min(...body.map((l) => l.x)),
    right: Math.max(...(frequent.length > 0 ? frequent : rights)),
  };
}

/** Starts like a heading or a list item: never the continuation of a wrapped line. */
const STARTS_NEW =
  /^\s*([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十]+部分)/;

/** Whether `line` continues the paragraph whose last line is `previous` (wrapped, not a new one). */
function continues(previous: PdfLine, line: PdfLine, m: Metrics, pageBreak: boolean): boolean {
  if (previous.text.includes(COLUMN_GAP) || line.text.includes(COLUMN_GAP)) return false;
  if (Math.abs(previous.size - line.size) > Math.max(previous.size, line.size) * 0.1) return false;
  const big = line.size >= m.size * 1.15;
  if (big) return !pageBreak && previous.y - line.y <= line.size * 2.2; // a title over two lines
  // 一、 at the start of a line after a full line is a wrapped sentence unless the line before ended one.
  if (STARTS_NEW.test(line.text) && /[。：:；;！？]$/.test(previous.text)) return false;
  if (previous.right < m.right - line.size * 1.5) return false;
  if (line.x > m.left + line.size * 0.6) return false;
  return pageBreak || (previous.y - line.y > 0 && previous.y - line.y <= line.size * 2.5);
}

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** Column boundaries of two pages' tables closer than this (points) are the same boundary. */
const SAME_X = 3;

/**
 * A table continued on the next page, put on the columns of its first part: every column boundary of
 * the continuation must be one of the first part's (a continuation often lacks the leftmost columns,
 * whose row-group label was written on the page before, e.g. 三、本年度办理结果). Columns the continuation
 * does not cover are blank cells continued from above. Undefined when a boundary is not one of the first
 * part's: then it is another table, or one whose columns cannot be matched by position.
 */
export function onColumnsOf(first: PdfTable, next: PdfTable): PdfTable | undefined {
  const index = next.xs.map((x) => nearest(first.xs, x));
  if (index.some((i) => i < 0) || index.some((i, k) => k > 0 && i <= index[k - 1]!)) return undefined;
  if (index.length < 3) return undefined;
  const rows = next.ys.length - 1;
  const cells = next.cells.map((cell) => ({ ...cell, c0: index[cell.c0]!, c1: index[cell.c1 + 1]! - 1 }));
  const covered = new Set(cells.flatMap((cell) => range(cell.c0, cell.c1)));
  for (let c = 0; c < first.xs.length - 1; c++) {
    if (covered.has(c)) continue;
    // A column the continuation does not draw: one blank cell down the whole part.
    const box = { x0: first.xs[c]!, x1: first.xs[c + 1]!, y1: next.box.y1, y0: next.box.y0 };
    cells.push({ text: '', box, r0: 0, r1: rows - 1, c0: c, c1: c });
  }
  return { ...next, xs: first.xs, cells };
}

/** Index of the boundary nearest x (a double rule's two lines are ~2 points apart), -1 if none is close. */
function nearest(xs: number[], x: number): number {
  let best = -1;
  xs.forEach((f, i) => {
    if (Math.abs(f - x) <= SAME_X && (best < 0 || Math.abs(f - x) < Math.abs(xs[best]! - x))) best = i;
  });
  return best;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function tableRows(table: PdfTable): SourceTable['rows'] {
  const grid = new Map<string, (typeof table.cells)[number]>();
  for (const cell of table.cells)
    for (let r = cell.r0; r <= cell.r1; r++) for (let c = cell.c0; c <= cell.c1; c++) grid.set(`${r},${c}`, cell);
  const rows: SourceTable['rows'] = [];
  for (let r = 0; r < table.ys.length - 1; r++) {
    const cells: GridCell[] = [];
    for (let c = 0; c < table.xs.length - 1; c++) {
      const cell = grid.get(`${r},${c}`)!;
      const gridCell: GridCell = {
        text: cell.text,
        origin: r === cell.r0 && c === cell.c0,
        from: place(table.page, cell.box),
      };
      if (c > cell.c0) gridCell.fromLeft = true;
      cells.push(gridCell);
    }
    const box = { x0: table.xs[0]!, x1: table.xs[table.xs.length - 1]!, y1: table.ys[r]!, y0: table.ys[r + 1]! };
    rows.push({ cells, from: place(table.page, box) });
  }
  return rows;
}

function asLines(rows: SourceTable['rows']): Line[] {
  return rows
    .map((row) => ({
      kind: 'line' as const,
      text: row.cells
        .filter((cell) => cell.origin && cell.text !== '')
        .map((cell) => cell.text)
        .join(' | '),
      from: row.from,
    }))
    .filter((line) => line.text !== '');
}

/** The items of every page in reading order (top to bottom), page numbers dropped. */
function pageItems(pages: PdfPage[]): { items: Item[]; lastOfPage: Set<Item> } {
  const items: Item[] = [];
  const lastOfPage = new Set<Item>();
  for (const page of pages) {
    const tables = pageTables(page.number, page.segments, page.runs);
    const inTables = new Set(tables.flatMap((t) => [...t.runs]));
    const lines = groupLines(
      page.runs.filter((run) => !inTables.has(run)),
      page.number,
    ).filter((line) => !isPageNumber(line, page.height));
    const pageList: { top: number; item: Item }[] = [
      ...lines.map((line) => ({ top: line.top, item: { kind: 'line', line } as Item })),
      ...tables.map((table) => ({ top: table.box.y1, item: { kind: 'table', table } as Item })),
    ];
    pageList.sort((a, b) => b.top - a.top);
    items.push(...pageList.map((entry) => entry.item));
    if (pageList.length > 0) lastOfPage.add(pageList[pageList.length - 1]!.item);
  }
  return { items, lastOfPage };
}

/**
 * A table drawn without rulings is text in columns: runs of lines outside ruled tables, read as a text
 * page (whitespace-aligned rows, whose values are placed only when they fit the columns), each block
 * keeping its page and box. Lines without a column gap stay as they are.
 */
function unruledTables(blocks: Block[]): Block[] {
  if (!blocks.some((block) => block.kind === 'line' && block.text.includes(COLUMN_GAP))) return blocks;
  const out: Block[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.some((line) => line.text.includes(COLUMN_GAP))) {
      const froms = run.map((line) => line.from);
      const at = (from: string) => froms[Number(from.replace(/^line /, '')) - 1] ?? from;
      for (const block of textSource(run.map((line) => line.text).join('\n')).blocks) {
        if (block.kind === 'line')
          out.push({ ...block, text: block.text.replaceAll(COLUMN_GAP, ' '), from: at(block.from) });
        else
          out.push({
            ...block,
            from: at(block.from),
            rows: block.rows.map((row) => ({ ...row, from: at(row.from) })),
            asLines: block.asLines.map((line) => ({ ...line, from: at(line.from) })),
          });
      }
    } else out.push(...run);
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'line') run.push(block);
    else {
      flush();
      out.push(block);
    }
  }
  flush();
  return out;
}

type OpenTable = { table: PdfTable; block: SourceTable };

/**
 * Adds a table to the blocks, or to the table it continues (`open`: the table just before a page break):
 * a continuation goes on the first part's columns, which stay the reference for the next page.
 */
function addTable(blocks: Block[], table: PdfTable, open: OpenTable | undefined): OpenTable {
  const continued = open ? onColumnsOf(open.table, table) : undefined;
  if (open && continued) {
    const rows = tableRows(continued);
    open.block.rows.push(...rows);
    open.block.asLines.push(...asLines(rows));
    return open;
  }
  const rows = tableRows(table);
  const block: SourceTable = {
    kind: 'table',
    rows,
    aligned: true,
    from: place(table.page, table.box),
    asLines: asLines(rows),
  };
  blocks.push(block);
  return { table, block };
}

/** Pages → blocks: paragraphs joined, tables continued across pages joined. */
export function pdfSource(pages: PdfPage[]): SourceDocument {
  const { items, lastOfPage } = pageItems(pages);
  const m = metrics(items.flatMap((item) => (item.kind === 'line' ? [item.line] : [])));
  const blocks: Block[] = [];
  let previous: Item | undefined;
  let lastLine: PdfLine | undefined;
  let lastTable: OpenTable | undefined;
  for (const item of items) {
    const pageBreak = previous !== undefined && lastOfPage.has(previous);
    if (item.kind === 'line') {
      const block = blocks[blocks.length - 1];
      if (
        lastLine &&
        block?.kind === 'line' &&
        previous?.kind === 'line' &&
        continues(lastLine, item.line, m, pageBreak)
      ) {
        block.text = joinText(block.text, item.line.text);
      } else {
        const box = { x0: item.line.x, y0: item.line.y, x1: item.line.right, y1: item.line.top };
        blocks.push({ kind: 'line', text: item.line.text, from: place(item.line.page, box) });
      }
      lastLine = item.line;
    } else {
      lastTable = addTable(blocks, item.table, pageBreak && previous?.kind === 'table' ? lastTable : undefined);
      lastLine = undefined;
    }
    previous = item;
  }
  return { blocks: unruledTables(blocks), meta: {} };
}
