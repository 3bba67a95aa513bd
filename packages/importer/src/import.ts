/**
 * importReport: a published page (HTML or text) → a source document of the template, with
 * provenance, a fidelity summary and warnings; or, for a page that is not a (whole) report, what was
 * found and what is missing. Never throws.
 */
import { editionForYear, type Edition, type Report } from '@nianbao/template';
import { htmlSource, MAX_NESTING, nestingDepth } from './html.js';
import { applyEmbedded, readMetadata, type Metadata } from './metadata.js';
import {
  isChrome,
  isDateLine,
  isProse,
  isSignature,
  isTitle,
  sectionHeading,
  splitTopics,
  type Paragraph,
} from './narrative.js';
import type { Block, Line, SourceDocument, SourceTable } from './source.js';
import { textSource } from './source.js';
import { editionSpec, editionSpecs, type SectionSpec, type TableId } from './spec.js';
import { classifyTable, readTable, tableLabelKeys, type TableReading } from './tables.js';
import { similarity } from './text.js';
import type { Fidelity, ImportInput, ImportOptions, ImportResult, ImportWarning, Unplaced } from './types.js';

interface SectionBucket {
  spec: SectionSpec;
  heading: Line;
  blocks: Block[];
  rest: string;
}

const TABLE_IDS: TableId[] = ['proactiveDisclosure', 'applications', 'reviewAndLitigation'];

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

/** Splits the blocks at the six section headings (in official order; a missing one is skipped). */
function segment(blocks: Block[], sections: SectionSpec[], warnings: ImportWarning[]) {
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

function toParagraph(line: Line): Paragraph {
  return { text: line.text, from: line.from };
}

export function importReport(input: ImportInput, options: ImportOptions = {}): ImportResult {
  try {
    return run(input, options);
  } catch (error) {
    // A bug must not crash a batch import: report it as a problem with this input.
    return {
      ok: false,
      problem: {
        message: {
          zh: `导入失败（内部错误：${String(error)}）。`,
          en: `Import failed (internal error: ${String(error)}).`,
        },
        found: [],
        missing: [],
      },
    };
  }
}

function run(input: ImportInput, options: ImportOptions): ImportResult {
  if (input.kind === 'html' && nestingDepth(input.text) > MAX_NESTING) {
    return {
      ok: false,
      problem: {
        message: {
          zh: `网页元素嵌套超过 ${MAX_NESTING} 层，不是正常的年报网页，未读取。`,
          en: `The page nests its elements more than ${MAX_NESTING} deep; not a normal report page, not read.`,
        },
        found: [],
        missing: [],
      },
    };
  }
  const source: SourceDocument = input.kind === 'html' ? htmlSource(input.text) : textSource(input.text);
  const specs = editionSpecs();
  const warnings: ImportWarning[] = [];
  const unplaced: Unplaced[] = [];
  const sections = specs[0]!.sections;

  const { before, buckets } = segment(source.blocks, sections, warnings);
  const bucketOf = (key: string): SectionBucket | undefined => buckets.find((b) => b.spec.key === key);

  // Tables: report tables are recognised by their labels wherever they are; others are text.
  const tableIds = new Map<SourceTable, TableId>();
  for (const block of source.blocks) {
    if (block.kind !== 'table') continue;
    const id = classifyTable(block, specs);
    if (id) tableIds.set(block, id);
  }
  // A table under its own section heading that was not recognised by its labels is still that table.
  for (const id of TABLE_IDS) {
    if ([...tableIds.values()].includes(id)) continue;
    const table = bucketOf(id)?.blocks.find(
      (b): b is SourceTable => b.kind === 'table' && !tableIds.has(b) && b.rows.length > 1,
    );
    if (table) tableIds.set(table, id);
  }

  // ---- preface and title
  const beforeLines = before.flatMap((block) =>
    block.kind === 'table' && !tableIds.has(block) ? block.asLines : block.kind === 'line' ? [block] : [],
  );
  const firstProse = beforeLines.findIndex((line) => isProse(line.text) && !isTitle(line.text) && !isChrome(line.text));
  const titleCandidates = beforeLines
    .map((line, index) => ({ line, index }))
    .filter(({ line, index }) => isTitle(line.text) && (firstProse < 0 || index < firstProse));
  const titleIndex = titleCandidates.length > 0 ? titleCandidates[titleCandidates.length - 1]!.index : -1;
  const preface: Paragraph[] = [];
  const metadataLines: string[] = [];
  beforeLines.forEach((line, index) => {
    if (index === titleIndex) return;
    if (index > titleIndex && isProse(line.text) && !isChrome(line.text) && !isTitle(line.text))
      preface.push(toParagraph(line));
    else {
      metadataLines.push(line.text);
      unplaced.push({ text: line.text, from: line.from });
    }
  });

  // ---- narrative of the sections
  const linesCache = new Map<SectionBucket, Paragraph[]>();
  const sectionLines = (bucket: SectionBucket | undefined): Paragraph[] => {
    if (!bucket) return [];
    const cached = linesCache.get(bucket);
    if (cached) return cached;
    const paragraphs: Paragraph[] = [];
    linesCache.set(bucket, paragraphs);
    if (bucket.rest) paragraphs.push({ text: bucket.rest, from: bucket.heading.from });
    for (const block of bucket.blocks) {
      if (block.kind === 'table' && tableIds.has(block)) continue;
      if (block.kind === 'table' && !isLayoutTable(block)) {
        unplaced.push(...rowsAsText(block));
        continue;
      }
      for (const line of block.kind === 'line' ? [block] : block.asLines) {
        if (isChrome(line.text)) unplaced.push({ text: line.text, from: line.from });
        else paragraphs.push(toParagraph(line));
      }
    }
    return paragraphs;
  };

  const signatures: string[] = [];
  // Section 六 ends the report: what follows its text (signature, date, page footer) is not in it.
  const otherBucket = bucketOf('otherMatters');
  const otherParagraphs: Paragraph[] = [];
  if (otherBucket) {
    const lines = sectionLines(otherBucket);
    let ended = false;
    lines.forEach((paragraph, index) => {
      const text = paragraph.text;
      if (!ended && index > 0 && (isDateLine(text) || isSignature(text, undefined) || !isProse(text))) ended = true;
      if (ended) {
        unplaced.push(paragraph);
        metadataLines.push(text);
        if (isSignature(text, undefined)) signatures.push(text);
      } else otherParagraphs.push(paragraph);
    });
  }

  const bodyText = buckets.flatMap((bucket) => sectionLines(bucket).map((p) => p.text));
  const titles = [
    ...(titleIndex >= 0 ? [beforeLines[titleIndex]!.text] : []),
    ...(source.meta.articletitle ? [source.meta.articletitle] : []),
    ...(source.title ? [source.title] : []),
  ];
  const textMetadata: Metadata = readMetadata(
    {
      titles,
      preface: preface.map((p) => p.text),
      lines: metadataLines,
      signatures,
      body: [...preface.map((p) => p.text), ...bodyText],
      meta: source.meta,
    },
    warnings,
  );
  const metadata =
    source.embeddedMetadata === undefined
      ? textMetadata
      : applyEmbedded(textMetadata, source.embeddedMetadata, warnings);

  // ---- edition
  const labelKeys = tableLabelKeys([...tableIds.keys()]);
  const hits = specs.map(
    (spec) =>
      labelKeys.filter(
        (label) =>
          spec.vocabulary.has(label) ||
          (label.length >= 8 && [...spec.vocabulary].some((v) => v.length >= 8 && similarity(label, v) >= 0.9)),
      ).length,
  );
  const byLabels: Edition | undefined = hits[0]! > hits[1]! ? '2019' : hits[1]! > hits[0]! ? '2021' : undefined;
  const byYear = editionForYear(metadata.reportYear);
  let edition: Edition;
  let editionFrom: Fidelity['editionFrom'];
  if (options.edition && options.edition !== 'auto') {
    edition = options.edition;
    editionFrom = 'option';
    if (byLabels && byLabels !== edition) {
      warnings.push({
        code: 'edition-mismatch',
        message: {
          zh: `表格使用${byLabels}年格式的栏目，但按要求以${edition}年格式读取。`,
          en: `The tables use the labels of the ${byLabels} edition but were read as the ${edition} edition, as asked.`,
        },
      });
    }
  } else {
    edition = byLabels ?? byYear ?? '2019';
    editionFrom = byLabels ? 'labels' : 'year';
  }
  if (byLabels && byYear && byLabels !== byYear) {
    warnings.push({
      code: 'edition-mismatch',
      message: {
        zh: `报告年度为${metadata.reportYear}年，应使用${byYear}年格式，但表格使用的是${byLabels}年格式的栏目。`,
        en: `The report year is ${metadata.reportYear}, which uses the ${byYear} edition, but the tables use the labels of the ${byLabels} edition.`,
      },
      at: '/metadata/reportYear',
    });
  }
  const spec = editionSpec(edition);

  // ---- tables
  const readings = new Map<TableId, TableReading>();
  for (const id of TABLE_IDS) {
    const parts = source.blocks.filter((b): b is SourceTable => b.kind === 'table' && tableIds.get(b) === id);
    const reading = readTable(spec.tables.find((t) => t.id === id)!, parts);
    readings.set(id, reading);
    warnings.push(...reading.warnings);
  }

  // ---- failure: not a report, a missing or truncated table
  const found: string[] = buckets.map((b) => b.spec.title);
  const missing: string[] = sections.filter((s) => !bucketOf(s.key)).map((s) => s.title);
  let failed = false;
  for (const table of spec.tables) {
    const reading = readings.get(table.id)!;
    if (reading.rowsFound.length === 0) {
      missing.push(`${table.sectionTitle}（表格）`);
      failed = true;
    } else {
      found.push(`${table.sectionTitle}（表格，${reading.cellsRead}/${reading.cellsExpected}个数）`);
      if (reading.truncated) {
        failed = true;
        missing.push(
          ...(reading.rowsMissing.length > 0
            ? reading.rowsMissing.map((row) => `${table.sectionTitle}：${row}`)
            : [`${table.sectionTitle}：表格末行不完整`]),
        );
      }
    }
  }
  if (failed) {
    const notReport = buckets.length === 0 && tableIds.size === 0;
    return {
      ok: false,
      problem: {
        message: notReport
          ? {
              zh: '输入不是政府信息公开工作年度报告：未找到任何章节标题或统计表。',
              en: 'The input is not a government information disclosure annual report: no section heading or statistical table was found.',
            }
          : {
              zh: '输入不是完整的年度报告：缺少统计表或统计表不完整。',
              en: 'The input is not a complete annual report: a statistical table is missing or cut short.',
            },
        found,
        missing,
      },
    };
  }

  // ---- the document
  for (const sectionSpec of sections) {
    if (!bucketOf(sectionSpec.key)) {
      warnings.push({
        code: 'section-missing',
        message: {
          zh: `未找到「${sectionSpec.title}」一节。`,
          en: `The section 「${sectionSpec.title}」 was not found.`,
        },
        at: `/sections/${sectionSpec.key}`,
      });
    }
  }
  let paragraphsPlaced = preface.length + otherParagraphs.length;
  const topicsOf = (key: string, paragraphs: Paragraph[], topicSpecs: SectionSpec['topics']) => {
    const result = splitTopics(
      paragraphs,
      topicSpecs.filter((t) => t.key !== 'introduction'),
    );
    paragraphsPlaced += result.introduction.length;
    const out: Record<string, unknown> = {};
    if (result.introduction.length > 0 || key === 'overview') out.introduction = result.introduction.map((p) => p.text);
    for (const topic of topicSpecs) {
      if (topic.key === 'introduction') continue;
      const found = result.topics.get(topic.key);
      if (!found) {
        if (bucketOf(key)) {
          warnings.push({
            code: 'section-missing',
            message: {
              zh: `「${topic.title}」小节未找到，记为空。`,
              en: `The sub-topic 「${topic.title}」 was not found; left empty.`,
            },
            at: `/sections/${key}/${topic.key}`,
          });
        }
        out[topic.key] = { paragraphs: [] };
        continue;
      }
      if (found.byNumber) {
        warnings.push({
          code: 'label-approximate',
          message: {
            zh: `小标题「${found.heading}」按序号归入「${topic.title}」。`,
            en: `The sub-heading 「${found.heading}」 was placed under 「${topic.title}」 by its number.`,
          },
          at: `/sections/${key}/${topic.key}`,
          from: found.from,
        });
      }
      paragraphsPlaced += found.paragraphs.length;
      out[topic.key] = {
        ...(found.heading ? { heading: found.heading } : {}),
        paragraphs: found.paragraphs.map((p) => p.text),
      };
    }
    return out;
  };

  const overview = topicsOf(
    'overview',
    sectionLines(bucketOf('overview')),
    spec.sections.find((s) => s.key === 'overview')!.topics,
  );
  const problems = topicsOf(
    'problemsAndImprovements',
    sectionLines(bucketOf('problemsAndImprovements')),
    spec.sections.find((s) => s.key === 'problemsAndImprovements')!.topics,
  );
  const tableSection = (id: TableId) => {
    const paragraphs = sectionLines(bucketOf(id));
    paragraphsPlaced += paragraphs.length;
    return {
      ...(paragraphs.length > 0 ? { paragraphs: paragraphs.map((p) => p.text) } : {}),
      table: readings.get(id)!.table,
    };
  };
  const sectionsObject = {
    overview,
    proactiveDisclosure: tableSection('proactiveDisclosure'),
    applications: tableSection('applications'),
    reviewAndLitigation: tableSection('reviewAndLitigation'),
    problemsAndImprovements: problems,
    otherMatters: { paragraphs: otherParagraphs.map((p) => p.text) },
  };
  for (const reading of readings.values()) unplaced.push(...reading.unplaced);
  // In the order of the page (table cells carry their row's place plus the cell's labels).
  const order = new Map<string, number>();
  source.blocks.forEach((block, index) => {
    const places =
      block.kind === 'line'
        ? [block.from]
        : [block.from, ...block.rows.map((r) => r.from), ...block.asLines.map((l) => l.from)];
    for (const place of places) if (!order.has(place)) order.set(place, index);
  });
  const placeOf = (from: string): number =>
    order.get(from) ?? order.get(from.replace(/ \([^()]*\)$/, '')) ?? order.get(from.split(' (')[0]!) ?? Infinity;
  unplaced.sort((a, b) => placeOf(a.from) - placeOf(b.from));
  for (const item of unplaced) {
    warnings.push({
      code: 'unplaced',
      message: {
        zh: `未能归入报告结构的原文：「${item.text}」，已原样保留。`,
        en: `Text that fits nowhere in the report: 「${item.text}」; kept verbatim.`,
      },
      from: item.from,
    });
  }
  const provenance: { importedFrom: string; unplaced?: Unplaced[] } = { importedFrom: input.name || '(unnamed)' };
  if (unplaced.length > 0) provenance.unplaced = unplaced.map(({ text, from }) => ({ text, from }));

  const document = {
    edition,
    metadata,
    preface: { paragraphs: preface.map((p) => p.text) },
    sections: sectionsObject,
    provenance,
  } as unknown as Report;

  const fidelity: Fidelity = {
    cellsRead: [...readings.values()].reduce((sum, r) => sum + r.cellsRead, 0),
    cellsExpected: [...readings.values()].reduce((sum, r) => sum + r.cellsExpected, 0),
    sectionsFound: buckets.map((b) => b.spec.title),
    paragraphsPlaced,
    paragraphsUnplaced: unplaced.length,
    notReported: [...readings.values()].flatMap((r) => r.notReported),
    edition,
    editionFrom,
  };
  return { ok: true, document, fidelity, warnings };
}
