/**
 * A plain-text page in the shapes copied reports take: one line per paragraph, and tables as
 * `|`-flattened rows (also Markdown, with its |---| rule rows), tab-separated rows, whitespace-aligned
 * columns (as `pdftotext -layout` prints them: cells apart by two or more spaces), or one cell per
 * line (a copy that lost the table). Markdown heading marks (## 三、…) are dropped.
 */
import { type Block, type Line, relocateBlocks, type SourceDocument, type SourceTable } from './source.js';
import { isLayoutText, layoutBlocks } from './layout-text.js';
import { pipeLineTables } from './pipe-lines.js';
import { allRowNodes, editionSpecs } from './spec.js';
import { labelKey, splitNumbering } from './text.js';
import { isValueLike } from './values.js';

const PIPES = /\s*[|｜]\s*/;
const ALIGNED = /\s{2,}|\u3000+/;

interface TextLine {
  text: string;
  from: string;
}

function pipeCells(line: string): string[] | undefined {
  if (/[|｜]/.test(line)) {
    const cells = line.split(PIPES).map((cell) => cell.trim());
    // Markdown: | a | b | — the pipes at both ends are the table's border, not empty cells.
    return /^[|｜]/.test(line) && /[|｜]$/.test(line) && cells.length > 2 ? cells.slice(1, -1) : cells;
  }
  if (line.includes('\t')) return line.split(/\t/).map((cell) => cell.trim());
  return undefined;
}

/**
 * Cells apart by two or more spaces: a row of a table printed with aligned columns — a row with
 * values or a header of three labels or more (`loose`: two labels, a row only if the table goes on).
 */
function alignedCells(line: string, loose = false): string[] | undefined {
  const cells = line.split(ALIGNED).map((cell) => cell.trim());
  if (cells.length < 2 || /[。；]$/.test(line)) return undefined;
  const values = cells.filter((cell) => cell !== '' && isValueLike(cell)).length;
  // Never a sentence with a double space in it.
  const short = cells.every((cell) => [...cell].length <= 40);
  return short && (values >= 1 || cells.length >= 3 || loose) ? cells : undefined;
}

/**
 * The label of a row whose numbers lost it to the lines just above them (（二）部分公开（区分处理的，只计这一情
 * / 形，不计其他情形） / | 2 | 0 | … |): one to three short lines, the first starting with its numbering.
 */
function labelAbove(lines: TextLine[]): string | undefined {
  if (lines.length === 0 || lines.length > 3 || !splitNumbering(lines[0]!.text).numbering) return undefined;
  if (lines.some((line) => [...line.text].length > 40 || /[。；;：:]$/.test(line.text))) return undefined;
  return lines.map((line) => line.text).join('');
}

/** The title of a block of table 二 (第二十条第（五）项). */
const BLOCK_TITLE = /^第.{1,6}条\s*第/;

let rowLabelKeys: Set<string> | undefined;

/** The keys of every official row label of both editions (行政许可, 本年新收政府信息公开申请数量 …). */
function officialRowLabels(): Set<string> {
  rowLabelKeys ??= new Set(
    editionSpecs().flatMap((spec) =>
      spec.tables.flatMap((table) => [...allRowNodes(table.root)].map((r) => r.labelKey)),
    ),
  );
  return rowLabelKeys;
}

/**
 * An official row's label and its numbers one space apart (行政许可 97, as a PDF's text copy prints a
 * narrow table): a row only when the label is exactly an official one, so a sentence never is.
 */
function labelledNumbers(line: string): string[] | undefined {
  const match = /^(.{2,40}?[^\s\d０-９])((?:\s+[-+]?[0-9０-９][0-9０-９,.]*(?:万元|元)?)+)$/.exec(line);
  if (!match || !officialRowLabels().has(labelKey(match[1]!).key)) return undefined;
  return [match[1]!.trim(), ...match[2]!.trim().split(/\s+/)];
}

const isRule = (line: string): boolean => /^[|｜]?\s*:?-{3,}:?\s*([|｜]\s*:?-{3,}:?\s*)*[|｜]?$/.test(line);

/** A section heading (二、主动公开政府信息情况) or a sentence: never a table's cell line. */
function isNotCell(text: string, longest = 40): boolean {
  return (
    /^(第?[一二三四五六七八九十]+[、.．部]|[1-6]、\s*).*(情况|事项)$/.test(text) ||
    /[。；;]$/.test(text) ||
    [...text].length > longest
  );
}

function newTable(from: string, cellPerLine = false): SourceTable {
  const table: SourceTable = { kind: 'table', rows: [], aligned: false, from, asLines: [] };
  if (cellPerLine) {
    table.cellPerLine = true;
    table.strictCounts = true;
  }
  return table;
}

function addRow(table: SourceTable, cells: string[], from: string, raw: string): void {
  table.rows.push({ cells: cells.map((text) => ({ text, origin: true })), from, raw });
  table.asLines.push({ kind: 'line', text: raw, from });
}

/**
 * Runs of short lines with numbers among them are a table printed one cell per line: a row is a run
 * of label lines and the value lines after it.
 */
function cellPerLineTables(lines: TextLine[]): (TextLine | SourceTable)[] {
  const out: (TextLine | SourceTable)[] = [];
  let run: TextLine[] = [];
  const flush = () => {
    const values = run.filter((line) => isValueLike(line.text)).length;
    if (values >= 3) {
      const table = newTable(run[0]!.from, true);
      let cells: string[] = [];
      let froms: string[] = [];
      const push = () => {
        if (cells.length > 0) addRow(table, cells, froms[0]!, cells.join(' | '));
        cells = [];
        froms = [];
      };
      run.forEach((line, index) => {
        const previous = run[index - 1];
        if (previous && isValueLike(previous.text) && !isValueLike(line.text)) push();
        cells.push(line.text);
        froms.push(line.from);
      });
      push();
      out.push(table);
    } else out.push(...run);
    run = [];
  };
  for (const line of lines) {
    if (isNotCell(line.text)) {
      flush();
      out.push(line);
    } else run.push(line);
  }
  flush();
  return out;
}

/** A plain-text page: one line per paragraph; table rows in any of the shapes above. */
export function textSource(text: string): SourceDocument {
  if (isLayoutText(text)) return { blocks: layoutBlocks(text, linesOfLayout), meta: {} };
  return { blocks: plainBlocks(text), meta: {} };
}

/** The lines of a layout text outside its tables, read as plain text, each block keeping its line. */
function linesOfLayout(lines: { text: string; index: number }[]): Block[] {
  const at = (from: string) => {
    const line = lines[Number(from.replace(/^line /, '')) - 1];
    return line ? `line ${line.index + 1}` : from;
  };
  return relocateBlocks(plainBlocks(lines.map((line) => line.text).join('\n')), at);
}

function plainBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let table: SourceTable | undefined;
  let loose: TextLine[] = [];
  // A lone short line (第二十条第（一）项, whose other cells were blank) or two labels apart
  // (行政复议    行政诉讼): a table row if a table row follows; after a block title (第二十条第（五）项), its
  // header line too (信息内容本年处理决定数量).
  let pending: (TextLine & { cells: string[] })[] = [];
  const flushLoose = () => {
    for (const item of cellPerLineTables(loose))
      blocks.push('kind' in item ? item : ({ kind: 'line', text: item.text, from: item.from } as Line));
    loose = [];
  };
  const flushLoosePending = () => {
    for (const line of pending) loose.push({ text: line.text, from: line.from });
    pending = [];
  };
  const endTable = () => {
    flushLoosePending();
    table = undefined;
  };
  const lines = text.split(/\r\n|\r|\n/).map((raw, index) => ({
    text: raw
      .replace(/^\uFEFF/, '')
      .replace(/^#{1,6}\s+/, '')
      .trim(),
    from: `line ${index + 1}`,
  }));
  for (const item of pipeLineTables(lines)) {
    if ('kind' in item) {
      endTable();
      flushLoose();
      blocks.push(item);
      continue;
    }
    readLine(item.text, item.from);
  }
  endTable();
  flushLoose();
  return blocks;

  function readLine(line: string, from: string): void {
    if (line === '' || isRule(line)) {
      if (line === '') endTable();
      return;
    }
    const piped = pipeCells(line);
    let cells = piped ?? alignedCells(line) ?? labelledNumbers(line);
    if (piped && cells?.every((cell) => cell === '' || isValueLike(cell))) {
      const label = labelAbove([...loose, ...pending]);
      if (label) {
        cells = [label, ...cells];
        loose = [];
        pending = [];
      }
    }
    if (cells) {
      flushLoose();
      if (!table) {
        table = newTable(from);
        blocks.push(table);
      }
      for (const row of pending) addRow(table, row.cells, row.from, row.text);
      pending = [];
      addRow(table, cells, from, line);
      // Aligned with spaces, a blank cell is only a wider gap: count the values before placing them.
      if (!piped) table.strictCounts = true;
      return;
    }
    table = undefined;
    // A row of a few cells apart by spaces is longer than one cell.
    if (!isNotCell(line, 80)) {
      const titled = pending.length > 0 && pending.length < 3 && pending.every((p) => BLOCK_TITLE.test(p.text));
      if (!titled) flushLoosePending();
      pending.push({ text: line, from, cells: alignedCells(line, true) ?? [line] });
      return;
    }
    flushLoosePending();
    loose.push({ text: line, from });
  }
}
