/**
 * A text copy that lost its line breaks and table structure (a crawler's page text: every heading,
 * paragraph and table cell on one line, cells glued: 规范性文件898989). Its section headings are found
 * in order inside the line, and each statistical table is read by glued-table: rows by their labels,
 * cells split only where the tables' arithmetic leaves one way. What cannot be decided stays unplaced,
 * with the row's place in the line.
 */
import { toPointer } from '@nianbao/template';
import { evidenceEqualities, statedCounts } from './glued-evidence.js';
import { carryEqualities } from './table-sums.js';
import { type GluedTable, gluedTable, type KeyText, keyText } from './glued-table.js';
import { splitAtTopicHeadings, type TextPiece } from './inline-topics.js';
import { improvementsStart } from './section-five.js';
import type { Block, Line, SourceDocument, SourceTable } from './source.js';
import { type EditionSpec, editionSpecs, leavesOf, type SectionSpec } from './spec.js';
import { key, similarity, splitNumbering } from './text.js';
import type { ImportWarning } from './types.js';

/** A line this long with two section headings inside is a page flattened into one line. */
const LONG = 2000;
const HEADINGS = ['主动公开政府信息情况', '收到和处理政府信息公开申请', '行政复议'];

export function isGluedLine(line: string): boolean {
  return [...line].length > LONG && HEADINGS.filter((heading) => line.includes(heading)).length >= 2;
}

interface HeadingAt {
  section: SectionSpec;
  start: number;
  end: number;
}

/** The longest heading text after a numbering that matches `section` best (一、总体情况 of 一、总体情况2019年，…). */
function headingAt(text: string, start: number, section: SectionSpec): HeadingAt | undefined {
  const { numbering, rest } = splitNumbering(text.slice(start, start + 60));
  if (numbering?.style !== 'section' || numbering.ordinal !== section.numbering?.ordinal) return undefined;
  const restStart = start + numbering.raw.length;
  let best: { score: number; end: number } | undefined;
  const chars = [...rest];
  let length = 0;
  for (let count = 1; count <= Math.min(chars.length, [...section.labelKey].length + 6); count++) {
    length += chars[count - 1]!.length;
    const score = similarity(key(rest.slice(0, length)), section.labelKey);
    if (score >= 0.8 && (!best || score > best.score)) best = { score, end: restStart + length };
  }
  return best ? { section, start, end: best.end } : undefined;
}

/** The section headings inside the line, in official order (a missing one is skipped). */
function headingsIn(text: string, sections: SectionSpec[]): HeadingAt[] {
  const found: HeadingAt[] = [];
  let cursor = 0;
  let next = 0;
  while (next < sections.length) {
    let hit: HeadingAt | undefined;
    for (let section = next; section < sections.length && !hit; section++) {
      const numeral = sections[section]!.title.slice(0, 1);
      for (let at = text.indexOf(numeral, cursor); at >= 0 && !hit; at = text.indexOf(numeral, at + 1)) {
        hit = headingAt(text, at, sections[section]!);
      }
    }
    if (!hit) break;
    found.push(hit);
    cursor = hit.end;
    next = sections.indexOf(hit.section) + 1;
  }
  return found;
}

/** Where a table's header starts in its section: its first group label or corner label, else the section start. */
function anchorOf(spec: EditionSpec, id: string, text: string, keys: KeyText, start: number, end: number): number {
  const table = spec.tables.find((t) => t.id === id)!;
  const labels = [table.root.children?.[0]?.labelKey, ...table.decorations].filter((l): l is string => !!l);
  let anchor = end;
  for (const label of labels) {
    const index = keys.key.indexOf(
      label,
      keys.at.findIndex((i) => i >= start),
    );
    const at = index >= 0 ? keys.at[index]! : -1;
    if (at >= start && at < anchor) anchor = at;
  }
  if (anchor >= end) return start;
  // A bracketed header note (（本列数据的勾稽关系为：…）) starts at its bracket, not at its first word.
  while (anchor > start && /[\s(（]/.test(text[anchor - 1]!)) anchor--;
  return anchor;
}

interface Reading {
  edition: EditionSpec;
  headings: HeadingAt[];
  tables: GluedTable[];
  score: number;
}

function readWith(edition: EditionSpec, text: string, keys: KeyText, lineNumber: number, previous: unknown): Reading {
  const headings = headingsIn(text, edition.sections);
  // What the text states and last year's report say about single rows (glued-evidence).
  const evidence = evidenceEqualities(statedCounts(edition.edition, text), carryEqualities(edition.edition, previous));
  const tables: GluedTable[] = [];
  headings.forEach((heading, index) => {
    const table = edition.tables.find((t) => t.id === heading.section.key);
    if (!table) return;
    const end = headings[index + 1]?.start ?? text.length;
    const anchor = anchorOf(edition, table.id, text, keys, heading.end, end);
    tables.push(gluedTable(edition, table, text, keys, { start: heading.end, end, anchor }, lineNumber, evidence));
  });
  // The edition whose row labels the text has: the share of official rows found.
  const total = edition.tables.reduce((sum, t) => sum + (t.root.columns ? 1 : [...leavesOfRows(t.root)].length), 0);
  const found = tables.reduce((sum, t) => sum + t.rowsFound, 0);
  return { edition, headings, tables, score: found / total };
}

function* leavesOfRows(node: GluedTable['spec']['root']): Generator<unknown> {
  if (node.columns) yield node;
  for (const child of node.children ?? []) yield* leavesOfRows(child);
}

function tableBlock(table: GluedTable, lineNumber: number): SourceTable {
  const from = `line ${lineNumber}`;
  const block: SourceTable = { kind: 'table', rows: [], aligned: false, from, asLines: [], ordered: true };
  const add = (cells: string[], rowFrom: string, raw: string, undecided?: GluedTableRowUndecided) => {
    const row: SourceTable['rows'][number] = {
      cells: cells.map((text) => ({ text, origin: true })),
      from: rowFrom,
      raw,
    };
    if (undecided) row.undecided = undecided;
    block.rows.push(row);
    block.asLines.push({ kind: 'line', text: raw, from: rowFrom });
  };
  if (table.spec.root.columns) {
    // Table 四: its column labels as a header (what tells the table apart), then its one row of values.
    add(
      [...leavesOf(table.spec.root.columns)].map((leaf) => leaf.title),
      from,
      'header',
    );
  }
  for (const row of table.rows) {
    const label = table.spec.root.columns ? [] : [row.label];
    const raw = `${row.label} ${row.run ?? ''}`.trim();
    if (row.cells) add([...label, ...row.cells], row.from, raw);
    else {
      const undecided: GluedTableRowUndecided = { run: row.run ?? '', reason: row.undecided! };
      if (row.readings) undecided.readings = row.readings;
      add(label.length > 0 ? label : [''], row.from, raw, undecided);
    }
  }
  return block;
}

type GluedTableRowUndecided = NonNullable<SourceTable['rows'][number]['undecided']>;

/**
 * A section's prose cut at its inline sub-topic headings; 五 without any, where its improvements open
 * (section-five), as the paragraph break there was lost.
 */
function proseLines(text: string, offset: number, section: SectionSpec): TextPiece[] {
  const pieces = splitAtTopicHeadings(text, offset, section.topics);
  if (section.key !== 'problemsAndImprovements' || pieces.some((piece) => piece.heading)) return pieces;
  const start = improvementsStart(text);
  if (start === undefined) return pieces;
  return [text.slice(0, start), text.slice(start)].flatMap((part, index) => {
    const at = index === 0 ? 0 : start;
    const lead = part.length - part.trimStart().length;
    return part.trim() ? [{ text: part.trim(), offset: offset + at + lead, heading: false }] : [];
  });
}

/** The title at the head of the line (…年度报告), then the rest. */
function splitTitle(text: string): string[] {
  const match = /^\s*(.{4,60}?(?:工作)?年度?报告)\s*/.exec(text);
  if (!match || /[。；]/.test(match[1]!)) return [text];
  return [match[1]!, text.slice(match[0].length)];
}

function glued(text: string, lineNumber: number, previous: unknown, warnings: ImportWarning[]): Block[] {
  const keys = keyText(text);
  const readings = editionSpecs().map((edition) => readWith(edition, text, keys, lineNumber, previous));
  // The better fit; on a tie the later edition (its tables are the ones in use since 2021).
  const best = readings.reduce((a, b) => (b.score >= a.score ? b : a));
  const from = `line ${lineNumber}`;
  const line = (t: string): Line[] => (t.trim() ? [{ kind: 'line', text: t.trim(), from }] : []);
  // A section's prose, cut at its inline sub-topic headings: each piece a line with its column.
  const prose = (t: string, offset: number, section: SectionSpec): Line[] =>
    proseLines(t, offset, section).map((piece) => ({
      kind: 'line',
      text: piece.text,
      from: `line ${lineNumber}, column ${piece.offset + 1}`,
    }));
  const blocks: Block[] = [];
  const first = best.headings[0]?.start ?? text.length;
  for (const part of splitTitle(text.slice(0, first))) blocks.push(...line(part));
  best.headings.forEach((heading, index) => {
    blocks.push(...line(text.slice(heading.start, heading.end)));
    const table = best.tables.find((t) => t.spec.id === heading.section.key);
    const end = best.headings[index + 1]?.start ?? text.length;
    if (!table) {
      blocks.push(...prose(text.slice(heading.end, end), heading.end, heading.section));
      return;
    }
    blocks.push(...line(table.before));
    if (table.rows.length > 0) blocks.push(tableBlock(table, lineNumber));
    warnings.push(...evidenceWarnings(table));
    blocks.push(...line(table.after));
  });
  return blocks;
}

/** The document of a text whose page was flattened into long lines; undefined when none is. */
/** A note for each row placed by the text's statements or last year's report, not by its table's sums. */
function evidenceWarnings(table: GluedTable): ImportWarning[] {
  return table.rows.flatMap((row) => {
    if (!row.decidedBy || !row.cells) return [];
    const at = toPointer(['sections', table.spec.id, 'table', ...row.row.path]);
    const by = row.decidedBy.join('、');
    const message = {
      zh: `「${row.label}」一行的数字连在一起（「${row.run}」），表格的加总关系允许多种拆分，按${by}只有一种拆分相符：读作 ${row.cells.join(' | ')}。`,
      en: `The digits of the row 「${row.label}」 run together (「${row.run}」) and the table's sums allow several splits; only one agrees with ${by}: read as ${row.cells.join(' | ')}.`,
    };
    return [{ code: 'cells-by-evidence' as const, message, at, from: row.from }];
  });
}

/**
 * The document of a text whose page was flattened into long lines; undefined when none is. `previous`
 * (last year's report) helps split its rows; notes on how rows were split go to `warnings`.
 */
export function gluedSource(
  text: string,
  previous?: unknown,
  warnings: ImportWarning[] = [],
): SourceDocument | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  if (!lines.some(isGluedLine)) return undefined;
  const blocks: Block[] = [];
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, '');
    if (line.trim() === '') return;
    // Offsets in the line as given: a place is its line and column.
    if (isGluedLine(line)) blocks.push(...glued(line, index + 1, previous, warnings));
    else blocks.push({ kind: 'line', text: line.trim(), from: `line ${index + 1}` });
  });
  return { blocks, meta: {} };
}
