/**
 * Text printed with its page layout (`pdftotext -layout`, a copy of a PDF's text with columns kept by
 * spaces). Its tables are not one line per row: a table is cut by blank lines and page numbers (-3-),
 * a label wrapped in its cell leaves fragments on the lines above and below its numbers
 * (（二）部分公开（区分处理的，只计这一情 / 447  7 … / 形，不计其他情形）), a row-group label written one
 * character per line (三、/本/年/度…) runs down the left margin between the rows, and the header's labels
 * are split over several lines (商业企 / 业). Each run of table lines becomes one table whose rows are
 * anchored on their numbers: a row's label is the text on its line, completed with the fragments that
 * start in the same text column above and below it.
 */
import type { Block, SourceTable, TableRow } from './source.js';
import { splitNumbering } from './text.js';
import { isValueLike } from './values.js';

interface Token {
  text: string;
  col: number;
}

interface LayoutLine {
  index: number;
  tokens: Token[];
  /** Values at the end of the line (its cells of numbers), after the label tokens. */
  values: string[];
  labels: Token[];
}

/** Two spaces or more (or an ideographic space) part two cells. */
const GAP = /(?:\s{2,}|\u3000+)/g;

function tokens(line: string): Token[] {
  const out: Token[] = [];
  let start = 0;
  for (const match of line.matchAll(GAP)) {
    if (match.index! > start) out.push({ text: line.slice(start, match.index), col: start });
    start = match.index! + match[0].length;
  }
  if (start < line.length) out.push({ text: line.slice(start), col: start });
  return out.flatMap(splitAtNumbering);
}

/** A numbering after one space starts another cell: （三）不 4.保护第三方合法权益 is two labels. */
const NUMBERING_AFTER_SPACE =
  / (?=[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.、．][^0-9]|[一二三四五六七八九十]{1,3}、)/g;

function splitAtNumbering(token: Token): Token[] {
  const out: Token[] = [];
  let start = 0;
  const text = token.text;
  for (const match of text.matchAll(NUMBERING_AFTER_SPACE)) {
    out.push({ text: text.slice(start, match.index), col: token.col + start });
    start = match.index! + 1;
  }
  out.push({ text: text.slice(start), col: token.col + start });
  return out
    .map((t) => ({ text: t.text.trim(), col: t.col + (t.text.length - t.text.trimStart().length) }))
    .filter((t) => t.text !== '');
}

/** -3-, — 3 —, 第 3 页, 3/12: a page number between two parts of a table. */
const PAGE_NUMBER =
  /^[-—–－―]\s*\d{1,4}\s*[-—–－―]$|^第\s*\d{1,4}\s*页(\s*[/／共]\s*\d{1,4}\s*页?)?$|^\d{1,4}\s*[/／]\s*\d{1,4}$/;

/** A cell of numbers: `1 2` (one space) is two cells run together, so it is split (and its count checked). */
function valueTokens(token: Token): string[] | undefined {
  if (!isValueLike(token.text)) return undefined;
  return /^\d+( \d+)+$/.test(token.text) ? token.text.split(' ') : [token.text];
}

function layoutLine(text: string, index: number): LayoutLine {
  const all = tokens(text.replace(/\t/g, '    '));
  let end = all.length;
  const values: string[] = [];
  while (end > 0) {
    const cells = valueTokens(all[end - 1]!);
    if (!cells) break;
    values.unshift(...cells);
    end--;
  }
  return { index, tokens: all, values, labels: all.slice(0, end) };
}

/** A line of prose or a heading: never part of a table. */
function isProse(line: LayoutLine, raw: string): boolean {
  if (line.values.length > 0 && line.labels.every((token) => [...token.text].length <= 40)) return false;
  const text = raw.trim();
  return (
    /[。；;！？]$/.test(text) ||
    /^(第?[一二三四五六七八九十]+[、.．部]|[1-6]、\s*).*(情况|事项)$/.test(text) ||
    line.tokens.some((token) => [...token.text].length > 40)
  );
}

const numbered = (text: string): boolean => splitNumbering(text).numbering !== undefined;

/** Text columns closer than this are the same column (a wrapped label's lines start together). */
const SAME_COLUMN = 4;

/** A block title of table 二, never the end of a wrapped label. */
const TITLE = /^第.{1,6}条\s*第/;

/** How many fragments a wrapped label may have above or below its numbers. */
const MAX_FRAGMENTS = 4;

/**
 * The fragment of a label-only line in the column `col` (its last label when `col` is undefined): in the
 * same column, or a few characters off for the numbered first line of a label (a cell's text centred).
 */
function fragmentAt(line: LayoutLine, col: number | undefined): Token | undefined {
  if (line.values.length > 0 || line.labels.length > 2) return undefined;
  if (col === undefined) return line.labels[line.labels.length - 1];
  return line.labels.find((token) => Math.abs(token.col - col) <= (numbered(token.text) ? SAME_COLUMN : 1));
}

/** One or two characters alone at the left: a row-group label written one character per line. */
const isVertical = (token: Token): boolean => [...token.text].length <= 2 && !numbered(token.text);

/** Fragments of the label above its numbers, up to its numbered first line; the column found. */
function fragmentsAbove(lines: LayoutLine[], at: number, col: number | undefined, used: Set<number>) {
  const above: Token[] = [];
  const parts: number[] = [];
  for (let j = at - 1; j >= 0 && above.length < MAX_FRAGMENTS; j--) {
    const other = lines[j]!;
    if (other.values.length > 0 || other.labels.length > 2 || used.has(j)) break;
    const fragment = fragmentAt(other, col);
    if (!fragment || (col === undefined && isVertical(fragment))) continue;
    if (TITLE.test(fragment.text)) break;
    above.unshift(fragment);
    parts.push(j);
    col ??= fragment.col;
    // A label wrapped upward starts with its numbering: without one, the lines above are not its own.
    if (numbered(fragment.text)) return { above, parts, col };
  }
  return { above: [], parts: [], col: undefined };
}

/** Fragments of the label below its numbers: on the very next lines, never a numbered one. */
function fragmentsBelow(lines: LayoutLine[], at: number, col: number) {
  const below: Token[] = [];
  const parts: number[] = [];
  // After a blank line the text is the next block's (第二十条第（五）项), not this label's end.
  for (let j = at + 1; j < lines.length && below.length < MAX_FRAGMENTS; j++) {
    const other = lines[j]!;
    if (other.values.length > 0 || other.labels.length > 2) break;
    if (other.index - lines[j - 1]!.index > 1) break;
    const fragment = fragmentAt(other, col);
    if (!fragment) continue;
    if (numbered(fragment.text) || TITLE.test(fragment.text)) break;
    below.push(fragment);
    parts.push(j);
  }
  return { below, parts };
}

/**
 * The label of the row whose numbers are on `lines[at]`: its own label, completed upward (when it does
 * not start with its numbering) and downward with the fragments in its column, each fragment used once.
 * A line of three labels or more (a header) or another row's numbers ends the search.
 */
function rowLabel(lines: LayoutLine[], at: number, used: Set<number>): { label: Token[]; parts: number[] } {
  const labels = lines[at]!.labels;
  let own: Token | undefined = labels[labels.length - 1];
  const before = labels.slice(0, -1);
  if (own && isVertical(own)) {
    before.push(own);
    own = undefined;
  }
  const up = !own || !numbered(own.text) ? fragmentsAbove(lines, at, own?.col, used) : undefined;
  const col = own?.col ?? up?.col;
  const down = col === undefined ? undefined : fragmentsBelow(lines, at, col);
  const joined = [...(up?.above ?? []), ...(own ? [own] : []), ...(down?.below ?? [])];
  const label = joined.length > 0 ? [{ text: joined.map((t) => t.text).join(''), col: col ?? 0 }] : [];
  return { label: [...before, ...label], parts: [...(up?.parts ?? []), ...(down?.parts ?? [])] };
}

/** One run of table lines (blank lines and page numbers already out) as a table. */
function layoutTable(lines: LayoutLine[], lineFrom: (index: number) => string): SourceTable {
  const used = new Set<number>();
  const labels = new Map<number, Token[]>();
  lines.forEach((line, at) => {
    if (line.values.length === 0) return;
    const { label, parts } = rowLabel(lines, at, used);
    for (const part of parts) used.add(part);
    labels.set(at, label);
  });
  const rows: TableRow[] = [];
  lines.forEach((line, at) => {
    if (used.has(at)) return;
    const cells = [...(labels.get(at) ?? line.labels).map((t) => t.text), ...line.values];
    const from = lineFrom(line.index);
    rows.push({ cells: cells.map((text) => ({ text, origin: true })), from, raw: cells.join(' | ') });
  });
  const table: SourceTable = {
    kind: 'table',
    rows,
    aligned: false,
    from: rows[0]?.from ?? lineFrom(lines[0]!.index),
    asLines: rows.map((row) => ({ kind: 'line', text: row.raw!, from: row.from })),
    strictCounts: true,
    layout: true,
  };
  return table;
}

/**
 * Whether a text keeps its page layout: page breaks (form feeds, as pdftotext writes them), or many
 * table rows of a label and three numbers or more apart by wide gaps.
 */
export function isLayoutText(text: string): boolean {
  if (text.includes('\f')) return true;
  let rows = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = layoutLine(raw, 0);
    if (line.labels.length >= 1 && line.values.length >= 3 && /\S\s{4,}\d/.test(raw)) rows++;
    if (rows >= 8) return true;
  }
  return false;
}

/**
 * The blocks of a layout text: runs of table lines (from the first line with numbers to the next prose
 * line or heading, blank lines and page numbers inside) become tables; the other lines are given to
 * `rest` (the plain-text reader) with their line numbers.
 */
export function layoutBlocks(text: string, rest: (lines: { text: string; index: number }[]) => Block[]): Block[] {
  const raws = text.replace(/\f/g, '\n').split(/\r\n|\r|\n/);
  const lineFrom = (index: number) => `line ${index + 1}`;
  const blocks: Block[] = [];
  let plain: { text: string; index: number }[] = [];
  let run: LayoutLine[] = [];
  const flushRun = () => {
    const numbers = run.filter((line) => line.values.length > 0);
    if (numbers.length >= 2 || numbers.some((line) => line.values.length >= 5)) {
      // The lines before the run's first label line that are not its header stay text.
      if (plain.length > 0) blocks.push(...rest(layoutParagraphs(plain)));
      plain = [];
      blocks.push(layoutTable(run, lineFrom));
    } else plain.push(...run.map((line) => ({ text: raws[line.index]!, index: line.index })));
    run = [];
  };
  raws.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || (PAGE_NUMBER.test(trimmed) && run.length > 0)) {
      if (run.length === 0) plain.push({ text: raw, index });
      return;
    }
    const line = layoutLine(raw, index);
    if (isProse(line, raw)) {
      flushRun();
      plain.push({ text: raw, index });
      return;
    }
    run.push(line);
  });
  flushRun();
  if (plain.length > 0) blocks.push(...rest(layoutParagraphs(plain)));
  return blocks;
}

type PlainLine = { text: string; index: number };

/** Characters on a line of a page (an A4 page holds about 40 Chinese characters a line, 90 Latin). */
const WRAPPED_WIDTH = 90;

const indentOf = (text: string): number => text.length - text.trimStart().length;

/**
 * The paragraphs of a layout text's prose: a paragraph's first line is indented, the lines it wraps onto
 * start at the margin after a full line, also across a page break (a page number between them).
 */
export function layoutParagraphs(lines: PlainLine[]): PlainLine[] {
  const texts = lines.map((line) => line.text.trim()).filter((text) => text !== '');
  const lengths = texts.map((text) => [...text].length).sort((a, b) => a - b);
  // Text whose paragraphs are lines of their own (some far longer than a page is wide) is not wrapped.
  if ((lengths[lengths.length - 1] ?? 0) > WRAPPED_WIDTH) return lines;
  const full = (lengths[Math.floor(lengths.length * 0.9)] ?? 0) * 0.75;
  const margin = Math.min(...lines.filter((l) => [...l.text.trim()].length >= full).map((l) => indentOf(l.text)));
  const out: PlainLine[] = [];
  let last: { line: PlainLine; raw: string } | undefined;
  let gap = false;
  let pageBreak = false;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '' || PAGE_NUMBER.test(text)) {
      gap = true;
      pageBreak ||= text !== '';
      continue;
    }
    const joins =
      last !== undefined &&
      (!gap || pageBreak) &&
      indentOf(line.text) <= margin + 1 &&
      // A full line ending a sentence goes on too when the next starts at the margin: paragraphs indent.
      [...last.raw].length >= full;
    if (joins && last) {
      last.line.text += /[A-Za-z0-9]$/.test(last.line.text) && /^[A-Za-z0-9]/.test(text) ? ` ${text}` : text;
      last.raw = text;
    } else {
      // A blank line stays: it ends a table in the plain-text reader.
      if (gap) out.push({ text: '', index: line.index - 1 });
      const paragraph = { text: line.text, index: line.index };
      out.push(paragraph);
      last = { line: paragraph, raw: text };
    }
    gap = false;
    pageBreak = false;
  }
  // Justified lines spread their characters (某 市 示 范 路 1 号): a space is kept only between two Latin words.
  return out.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').replace(LONE_SPACE, '').trim() }));
}

const LONE_SPACE = / (?![A-Za-z0-9])|(?<![A-Za-z0-9]) /g;
