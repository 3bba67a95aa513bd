/**
 * A table copied one cell per line with its cell borders kept as pipes: each cell's line ends with ` |`
 * and a line of pipes alone closes a row or stands for a blank cell (规章 | / 0 | / 0 | / | / |), or each
 * cell's line is followed by a line holding only `|` (规章 / | / 0 / | / 0 / | / 6 / |). Either way the pipes
 * say where every cell ends, blank ones too: the lines joined are one `|`-separated stream of cells,
 * cut into rows where a label follows a value.
 */
import type { SourceTable } from './source.js';
import { isValueLike } from './values.js';

interface TextLine {
  text: string;
  from: string;
}

/** One cell and the pipes after it (规章 | or 8 | |||). */
const CELL_THEN_PIPES = /^[^|｜]+[|｜][|｜\s]*$/;
const PIPES_ONLY = /^[|｜][|｜\s]*$/;
/** A line that may be a cell of such a table: short, no sentence. */
const isCellText = (text: string): boolean => [...text].length <= 40 && !/[。；;]$/.test(text);

/** Lines of such a table from `start` on (blank lines end it); 0 when none. */
function runLength(lines: TextLine[], start: number): number {
  let end = start;
  while (end < lines.length) {
    const text = lines[end]!.text;
    const next = lines[end + 1]?.text;
    const ok =
      PIPES_ONLY.test(text) ||
      (CELL_THEN_PIPES.test(text) && isCellText(text)) ||
      (next !== undefined && PIPES_ONLY.test(next) && !/[|｜]/.test(text) && isCellText(text));
    // A copy cut short inside a cell: its last line lacks the cell's pipe.
    const cutShort = end === lines.length - 1 && end > start && isCellText(text) && !/[|｜]/.test(text);
    if (!ok && !cutShort) break;
    end++;
  }
  return end - start;
}

/** The stream's cells as rows: a label after a value (or a blank) starts the next row. */
function rowsOf(cells: { text: string; from: string }[]): { texts: string[]; from: string }[] {
  const rows: { texts: string[]; from: string }[] = [];
  let current: { texts: string[]; from: string } | undefined;
  let afterValue = false;
  for (const cell of cells) {
    const label = cell.text !== '' && !isValueLike(cell.text);
    if (!current || (label && afterValue)) {
      current = { texts: [], from: cell.from };
      rows.push(current);
      afterValue = false;
    }
    current.texts.push(cell.text);
    if (!label) afterValue = true;
  }
  return rows;
}

/** The lines joined into one stream and cut at the pipes; each cell keeps the line it starts on. */
function cellsOf(lines: TextLine[]): { text: string; from: string }[] {
  const cells: { text: string; from: string }[] = [];
  let open: { text: string; from: string } | undefined;
  for (const line of lines) {
    const parts = line.text.split(/[|｜]/);
    const last = parts.pop()!;
    for (const part of parts) {
      const cell = open ? { text: open.text + part, from: open.from } : { text: part, from: line.from };
      cells.push({ text: cell.text.trim(), from: cell.from });
      open = undefined;
    }
    if (last.trim() !== '') open = open ? { text: open.text + last, from: open.from } : { text: last, from: line.from };
  }
  if (open) cells.push({ text: open.text.trim(), from: open.from });
  return cells;
}

function tableOf(lines: TextLine[]): SourceTable {
  const cells = cellsOf(lines);
  const rows = rowsOf(cells).map((row) => {
    const texts = [...row.texts];
    const raw = texts.join(' | ');
    return { cells: texts.map((text) => ({ text, origin: true })), from: row.from, raw };
  });
  return {
    kind: 'table',
    rows,
    aligned: false,
    from: lines[0]!.from,
    asLines: rows.map((row) => ({ kind: 'line', text: row.raw, from: row.from })),
    cellPerLine: true,
  };
}

/**
 * Splits lines into runs of such a table (at least eight lines, with numbers) and the rest: the runs
 * come back as tables in place.
 */
export function pipeLineTables(lines: TextLine[]): (TextLine | SourceTable)[] {
  const out: (TextLine | SourceTable)[] = [];
  for (let i = 0; i < lines.length; ) {
    const length = runLength(lines, i);
    const run = lines.slice(i, i + length);
    const values = run.filter((line) => isValueLike(line.text.replace(/[|｜\s]+$/, ''))).length;
    if (length >= 8 && values >= 3) {
      out.push(tableOf(run));
      i += length;
    } else {
      out.push(lines[i]!);
      i++;
    }
  }
  return out;
}
