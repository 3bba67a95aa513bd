/**
 * The parts of a report around its sections: what comes before the first heading (page chrome, the
 * title line, the preface), the text of each section (tables that are the report's are left to the
 * table reader), and the end of section 六 (signature, date, page footer are not its text).
 */
import { isChrome, isDateLine, isProse, isSignature, isTitle, type Paragraph, sectionHeading } from './narrative.js';
import type { Block, Line, SourceTable } from './source.js';
import type { SectionSpec, TableId } from './spec.js';
import type { ImportWarning, Unplaced } from './types.js';

export interface SectionBucket {
  spec: SectionSpec;
  heading: Line;
  blocks: Block[];
  rest: string;
}

/** Splits the blocks at the six section headings (in official order; a missing one is skipped). */
export function segment(blocks: Block[], sections: SectionSpec[], warnings: ImportWarning[]) {
  const before: Block[] = [];
  const buckets: SectionBucket[] = [];
  let next = 0;
  for (const block of blocks) {
    if (block.kind === 'line') {
      const heading = sectionHeading(block.text, sections.slice(next));
      if (heading) {
        next = sections.indexOf(heading.section) + 1;
        buckets.push({ spec: heading.section, heading: block, blocks: [], rest: heading.rest });
        if (heading.numberDiffers) {
          warnings.push({
            code: 'heading-number',
            message: {
              zh: `标题「${block.text}」的序号与官方格式（${heading.section.title}）不同。`,
              en: `The heading 「${block.text}」 is numbered differently from the official one (${heading.section.title}).`,
            },
            from: block.from,
          });
        }
        continue;
      }
    }
    if (buckets.length === 0) before.push(block);
    else buckets[buckets.length - 1]!.blocks.push(block);
  }
  return { before, buckets };
}

export interface Front {
  titleLine?: Line;
  preface: Paragraph[];
  /** Lines that may hold metadata (chrome, contact lines before the title). */
  metadataLines: string[];
}

/** Before the first heading: the title line (the last title-like line before prose), then the preface. */
export function readFront(before: Block[], tableIds: Map<SourceTable, TableId>, unplaced: Unplaced[]): Front {
  const lines = before.flatMap((block) =>
    block.kind === 'table' && !tableIds.has(block) ? block.asLines : block.kind === 'line' ? [block] : [],
  );
  const firstProse = lines.findIndex((line) => isProse(line.text) && !isTitle(line.text) && !isChrome(line.text));
  const titles = lines.map((_, index) => titleAt(lines, index));
  const dated = (index: number) => /\d{4}\s*年/.test(titles[index]?.line.text ?? '');
  const early = (index: number) => firstProse < 0 || index < firstProse;
  // The last title before the prose, one with its year first (a breadcrumb 信息公开年度报告 has none).
  let titleIndex = -1;
  titles.forEach((title, index) => {
    if (title && early(index) && (dated(index) || titleIndex < 0 || !dated(titleIndex))) titleIndex = index;
  });
  // A spam line above the title reads as prose: then the first title anywhere before the first heading,
  // the prose above it staying in the preface (where the validator sees it).
  const late = titleIndex < 0 || (!dated(titleIndex) && titles.some((title, index) => title && dated(index)));
  if (late) titleIndex = titles.findIndex((title, index) => title && dated(index));
  if (titleIndex < 0) titleIndex = titles.findIndex(Boolean);
  const front: Front = { preface: [], metadataLines: [] };
  const title = titles[titleIndex];
  if (title) front.titleLine = title.line;
  lines.forEach((line, index) => {
    if (title?.uses.includes(index)) return;
    if ((index > titleIndex || late) && isProse(line.text) && !isChrome(line.text) && !isTitle(line.text))
      front.preface.push({ text: line.text, from: line.from });
    else {
      front.metadataLines.push(line.text);
      unplaced.push({ text: line.text, from: line.from });
    }
  });
  return front;
}

/** A short line that may be part of a title split over lines (an agency's name, 工作年度报告). */
const isTitlePart = (line: Line | undefined): line is Line =>
  line !== undefined && [...line.text].length <= 30 && !/[。；;，,：:]/.test(line.text) && !isTitle(line.text);

/** Whether `line` and the short line after it are one title broken over two lines. */
function continuesTitle(line: Line, next: Line | undefined): next is Line {
  if (!next || isTitle(line.text) || [...line.text].length > 40 || [...next.text].length > 30) return false;
  // The second line carries no name of its own (工作年度报告, 信息公开工作年度报告), never a whole title.
  const partial = !isTitle(next.text) || /^\s*(政府)?信息公开/.test(next.text);
  return partial && !/[。；;，,：:]/.test(next.text) && isTitle(line.text + next.text);
}

/**
 * The title at a line, with the lines it takes: a title split over two lines (…政府信息公开 / 工作年度报告),
 * and one that starts with its year takes the agency's name from the line above or below it
 * (淮安市洪泽区人民政府 / 2024 年政府信息公开工作年度报告).
 */
function titleAt(lines: Line[], index: number): { line: Line; uses: number[] } | undefined {
  const line = lines[index]!;
  const next = lines[index + 1];
  let title: { line: Line; uses: number[] } | undefined;
  // 信息公开工作年度报告 alone is the second line of a title (…2023年度政府 / 信息公开工作年度报告).
  if (isTitle(line.text) && !/^\s*(政府)?信息公开/.test(line.text)) title = { line, uses: [index] };
  else if (continuesTitle(line, next))
    title = { line: { ...line, text: line.text + next.text }, uses: [index, index + 1] };
  if (!title || !/^\s*[0-9０-９]{4}\s*年度?\s*(?:的)?(?:政府信息公开|政务公开|信息公开)/.test(title.line.text))
    return title;
  const before = lines[index - 1];
  const after = lines[title.uses[title.uses.length - 1]! + 1];
  const name = [before, after].find((part) => isTitlePart(part) && !/\d/.test(part.text));
  if (!name) return title;
  const uses = [...title.uses, lines.indexOf(name)];
  return { line: { ...title.line, text: name.text.trim() + title.line.text.trim() }, uses };
}

/** A table that is page layout (one or two columns, or prose in its cells) rather than data. */
function isLayoutTable(table: SourceTable): boolean {
  const width = Math.max(0, ...table.rows.map((row) => row.cells.filter((cell) => cell.origin).length));
  return width <= 2 || table.rows.some((row) => row.cells.some((cell) => [...cell.text].length > 60));
}

/** A data table that is not one of the report's: its rows, as published, for the unplaced text. */
function rowsAsText(table: SourceTable): Unplaced[] {
  return table.rows
    .map((row) => {
      const texts = row.cells.filter((cell) => cell.origin).map((cell) => cell.text);
      while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
      return { text: row.raw ?? texts.join(' | '), from: row.from };
    })
    .filter((row) => row.text.trim() !== '');
}

/** The paragraphs of each section (read once; chrome and foreign data tables go to unplaced). */
export class SectionText {
  private readonly cache = new Map<SectionBucket, Paragraph[]>();
  constructor(
    private readonly tableIds: Map<SourceTable, TableId>,
    private readonly unplaced: Unplaced[],
  ) {}

  of(bucket: SectionBucket | undefined): Paragraph[] {
    if (!bucket) return [];
    const cached = this.cache.get(bucket);
    if (cached) return cached;
    const paragraphs: Paragraph[] = [];
    this.cache.set(bucket, paragraphs);
    if (bucket.rest) paragraphs.push({ text: bucket.rest, from: bucket.heading.from });
    for (const block of bucket.blocks) {
      if (block.kind === 'table' && this.tableIds.has(block)) continue;
      if (block.kind === 'table' && !isLayoutTable(block)) {
        this.unplaced.push(...rowsAsText(block));
        continue;
      }
      for (const line of block.kind === 'line' ? [block] : block.asLines) {
        if (isChrome(line.text)) this.unplaced.push({ text: line.text, from: line.from });
        else paragraphs.push({ text: line.text, from: line.from });
      }
    }
    return paragraphs;
  }
}

/** Section 六 ends the report: what follows its text (signature, date, page footer) is not in it. */
export function splitOtherMatters(
  lines: Paragraph[],
  unplaced: Unplaced[],
  metadataLines: string[],
): { paragraphs: Paragraph[]; signatures: string[] } {
  const paragraphs: Paragraph[] = [];
  const signatures: string[] = [];
  let ended = false;
  lines.forEach((paragraph, index) => {
    const text = paragraph.text;
    if (!ended && index > 0 && (isDateLine(text) || isSignature(text, undefined) || !isProse(text))) ended = true;
    if (ended) {
      unplaced.push(paragraph);
      metadataLines.push(text);
      if (isSignature(text, undefined)) signatures.push(text);
    } else paragraphs.push(paragraph);
  });
  return { paragraphs, signatures };
}
