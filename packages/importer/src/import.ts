/**
 * importReport: a published page (HTML or text) → a source document of the template, with
 * provenance, a fidelity summary and warnings; or, for a page that is not a (whole) report, what was
 * found and what is missing. Never throws. `importSource` does the same for a page already read into
 * blocks (by the PDF and Word readers).
 */
import type { Report } from '@nianbao/template';
import { assembleSections } from './assemble.js';
import { decideEdition, editionByLabels } from './edition.js';
import { type Front, readFront, type SectionBucket, SectionText, segment, splitOtherMatters } from './front.js';
import { htmlSource, MAX_NESTING, nestingDepth } from './html.js';
import { gluedSource } from './glued-text.js';
import { lookalike } from './lookalike.js';
import { applyEmbedded, type Metadata, readMetadata } from './metadata.js';
import type { Block, SourceDocument, SourceTable } from './source.js';
import { labelKey } from './text.js';
import { textSource } from './text-source.js';
import { type EditionSpec, editionSpec, editionSpecs, type TableId, type TableSpec } from './spec.js';
import { readTable, type TableReading } from './read-table.js';
import { findingsInEveryReading } from './readings.js';
import { simplifiedSource, simplifiedText } from './simplified.js';
import { classifyTable, tableLabelKeys, tableScore } from './tables.js';
import { recogniseValueTables } from './value-tables.js';
import type {
  Fidelity,
  ImportFailure,
  ImportInput,
  ImportOptions,
  ImportResult,
  ImportSuccess,
  ImportWarning,
  Unplaced,
} from './types.js';

const TABLE_IDS: TableId[] = ['proactiveDisclosure', 'applications', 'reviewAndLitigation'];

export function failure(zh: string, en: string, extra: Partial<ImportFailure['problem']> = {}): ImportFailure {
  return { ok: false, problem: { message: { zh, en }, found: [], missing: [], ...extra } };
}

export function importReport(input: ImportInput, options: ImportOptions = {}): ImportResult {
  return guarded(() => {
    if (input.kind === 'html' && nestingDepth(input.text) > MAX_NESTING) {
      return failure(
        `网页元素嵌套超过 ${MAX_NESTING} 层，不是正常的年报网页，未读取。`,
        `The page nests its elements more than ${MAX_NESTING} deep; not a normal report page, not read.`,
      );
    }
    const { text, warnings } = simplifiedText(input.text);
    const source =
      input.kind === 'html' ? htmlSource(text) : (gluedSource(text, options.previous, warnings) ?? textSource(text));
    return importSource(source, input.name, options, warnings);
  });
}

/** A bug must not crash a batch import: report it as a problem with this input. */
export function guarded(run: () => ImportResult): ImportResult {
  try {
    return run();
  } catch (error) {
    return failure(`导入失败（内部错误：${String(error)}）。`, `Import failed (internal error: ${String(error)}).`);
  }
}

/** Report tables are recognised by their labels wherever they are; else by the section they are under. */
function recogniseTables(
  source: SourceDocument,
  buckets: SectionBucket[],
  specs: EditionSpec[],
): Map<SourceTable, TableId> {
  const tableIds = new Map<SourceTable, TableId>();
  for (const block of source.blocks) {
    if (block.kind !== 'table') continue;
    const id = classifyTable(block, specs);
    if (id) tableIds.set(block, id);
  }
  // A row left outside its table's rulings (at the foot of a page, above the page number) comes right
  // after the table: one of that table's labels makes it part of it.
  source.blocks.forEach((block, index) => {
    const before = source.blocks[index - 1];
    const id = before?.kind === 'table' ? tableIds.get(before) : undefined;
    if (block.kind === 'table' && !tableIds.has(block) && id && tableScore(block, specs, id) >= 1)
      tableIds.set(block, id);
  });
  recogniseValueTables(source.blocks, tableIds, buckets, specs);
  for (const id of TABLE_IDS) {
    if ([...tableIds.values()].includes(id)) continue;
    const table = buckets
      .find((b) => b.spec.key === id)
      ?.blocks.find((b): b is SourceTable => b.kind === 'table' && !tableIds.has(b) && b.rows.length > 1);
    if (table) tableIds.set(table, id);
  }
  return tableIds;
}

function metadataOf(
  source: SourceDocument,
  front: Front,
  body: string[],
  lines: string[],
  signatures: string[],
  warnings: ImportWarning[],
): Metadata {
  const titles = [
    ...(front.titleLine ? [front.titleLine.text] : []),
    ...(source.meta.articletitle ? [source.meta.articletitle] : []),
    ...(source.title ? [source.title] : []),
  ];
  const preface = front.preface.map((p) => p.text);
  const metadata = readMetadata(
    { titles, preface, lines, signatures, body: [...preface, ...body], meta: source.meta },
    warnings,
  );
  return source.embeddedMetadata === undefined ? metadata : applyEmbedded(metadata, source.embeddedMetadata, warnings);
}

interface Completeness {
  found: string[];
  missing: string[];
  /** JSON Pointers of the sections and tables not in the input. */
  notFound: string[];
  failed: boolean;
}

function completeness(spec: EditionSpec, buckets: SectionBucket[], readings: Map<TableId, TableReading>): Completeness {
  const result: Completeness = { found: buckets.map((b) => b.spec.title), missing: [], notFound: [], failed: false };
  for (const section of spec.sections) {
    if (buckets.some((b) => b.spec.key === section.key)) continue;
    result.missing.push(section.title);
    result.notFound.push(`/sections/${section.key}`);
  }
  for (const table of spec.tables) {
    const reading = readings.get(table.id)!;
    if (reading.rowsFound.length === 0) {
      result.missing.push(`${table.sectionTitle}（表格）`);
      result.notFound.push(`/sections/${table.id}/table`);
      result.failed = true;
      continue;
    }
    result.found.push(`${table.sectionTitle}（表格，${reading.cellsRead}/${reading.cellsExpected}个数）`);
    if (reading.undecided.length > 0) {
      result.failed = true;
      result.missing.push(...reading.undecided.map((row) => `${table.sectionTitle}：${row}`));
    }
    if (!reading.truncated) continue;
    result.failed = true;
    result.missing.push(
      ...(reading.rowsMissing.length > 0
        ? reading.rowsMissing.map((row) => `${table.sectionTitle}：${row}`)
        : [`${table.sectionTitle}：表格末行不完整`]),
    );
  }
  return result;
}

function refusal(source: SourceDocument, state: Completeness, nothing: boolean, undecided: number): ImportFailure {
  const looks = lookalike(source);
  if (looks) return failure(looks.zh, looks.en, { found: state.found, missing: state.missing });
  if (undecided > 0)
    return failure(
      `文本中统计表的单元格连在一起（没有分隔），其中 ${undecided} 行的数字无法唯一地拆分到各单元格（见下），未导入：宁缺勿错。可用 --partial 导入能确定的部分，或提供原网页（HTML）、PDF 或 Word 文件。`,
      `The text's table cells run together (no separators) and the digits of ${undecided} row(s) cannot be split into their cells in exactly one way (listed below); not imported, since a wrong number is worse than none. Use --partial to import what is certain, or give the original web page (HTML), PDF or Word file.`,
      { found: state.found, missing: state.missing },
    );
  return nothing
    ? failure(
        '输入不是政府信息公开工作年度报告：未找到任何章节标题或统计表。',
        'The input is not a government information disclosure annual report: no section heading or statistical table was found.',
        { found: state.found, missing: state.missing },
      )
    : failure(
        `输入不是完整的年度报告：缺少统计表或统计表不完整（缺少 ${state.missing.length} 项，见下）。可用 --partial 导入已有的部分。`,
        `The input is not a complete annual report: a statistical table is missing or cut short (${state.missing.length} part(s) missing, listed below). Use --partial to import what is there.`,
        { found: state.found, missing: state.missing },
      );
}

function sectionWarnings(spec: EditionSpec, buckets: SectionBucket[], warnings: ImportWarning[]): void {
  for (const section of spec.sections) {
    if (buckets.some((b) => b.spec.key === section.key)) continue;
    warnings.push({
      code: 'section-missing',
      message: { zh: `未找到「${section.title}」一节。`, en: `The section 「${section.title}」 was not found.` },
      at: `/sections/${section.key}`,
    });
  }
}

/** Unplaced text in the order of the page (table cells carry their row's place plus the cell's labels). */
function sortUnplaced(source: SourceDocument, unplaced: Unplaced[], warnings: ImportWarning[]): void {
  const order = new Map<string, number>();
  source.blocks.forEach((block, index) => {
    if (!order.has(block.from)) order.set(block.from, index);
    if (block.kind === 'line') return;
    for (const row of block.rows) if (!order.has(row.from)) order.set(row.from, index);
    for (const line of block.asLines) if (!order.has(line.from)) order.set(line.from, index);
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
}

function readTables(spec: EditionSpec, source: SourceDocument, tableIds: Map<SourceTable, TableId>) {
  const readings = new Map<TableId, TableReading>();
  for (const id of TABLE_IDS) {
    const parts = source.blocks.filter((b): b is SourceTable => b.kind === 'table' && tableIds.get(b) === id);
    // A copy cut short ends inside its last table: only there may a row be short of cells.
    const cut = parts.length > 0 && parts[parts.length - 1] === source.blocks[source.blocks.length - 1];
    readings.set(id, readTable(spec.tables.find((t) => t.id === id) as TableSpec, parts, cut, spec.edition));
  }
  return readings;
}

/** The keys of the short lines of a page (a table's labels, one per line), for its edition. */
function labelLineKeys(blocks: Block[]): string[] {
  return blocks.flatMap((block) =>
    block.kind === 'line' && [...block.text].length <= 30 ? [labelKey(block.text).key] : [],
  );
}

/** The import of a page already read into blocks. */
export function importSource(
  published: SourceDocument,
  name: string,
  options: ImportOptions = {},
  warnings: ImportWarning[] = [],
): ImportResult {
  const specs = editionSpecs();
  const source = simplifiedSource(published, warnings);
  const unplaced: Unplaced[] = [];
  const { before, buckets } = segment(source.blocks, specs[0]!.sections, warnings);
  const bucketOf = (key: string) => buckets.find((b) => b.spec.key === key);
  const tableIds = recogniseTables(source, buckets, specs);
  const front = readFront(before, tableIds, unplaced);
  const text = new SectionText(tableIds, unplaced);
  const other = splitOtherMatters(text.of(bucketOf('otherMatters')), unplaced, front.metadataLines);
  const body = buckets.flatMap((bucket) => text.of(bucket).map((p) => p.text));
  const metadata = metadataOf(source, front, body, front.metadataLines, other.signatures, warnings);
  // Tables with labels and no numbers are not read as tables: their label lines still tell the edition.
  const byLabels =
    editionByLabels(tableLabelKeys([...tableIds.keys()]), specs) ??
    editionByLabels(labelLineKeys(source.blocks), specs);
  const { edition, editionFrom } = decideEdition(byLabels, metadata.reportYear, options, warnings);
  const spec = editionSpec(edition);
  const readings = readTables(spec, source, tableIds);
  for (const reading of readings.values()) warnings.push(...reading.warnings);

  const state = completeness(spec, buckets, readings);
  const nothing = buckets.length === 0 && tableIds.size === 0;
  const undecided = [...readings.values()].reduce((n, reading) => n + reading.undecided.length, 0);
  if (nothing || (state.failed && !options.partial)) return refusal(source, state, nothing, undecided);
  // --partial imports what a report has, not an old-structure report or a notice with none of its cells.
  const cellsRead = [...readings.values()].reduce((n, reading) => n + reading.cellsRead, 0);
  if (options.partial && cellsRead === 0 && lookalike(source)) return refusal(source, state, nothing, undecided);

  sectionWarnings(spec, buckets, warnings);
  const assembly = assembleSections({
    spec,
    bucketOf,
    textOf: (bucket) => text.of(bucket),
    readings,
    otherMatters: other.paragraphs,
    warnings,
  });
  for (const reading of readings.values()) unplaced.push(...reading.unplaced);
  // Nothing to keep in an empty text (and the schema wants none).
  for (let i = unplaced.length - 1; i >= 0; i--) if (unplaced[i]!.text.trim() === '') unplaced.splice(i, 1);
  sortUnplaced(source, unplaced, warnings);
  const origins: Record<string, string> = {};
  front.preface.forEach((p, i) => {
    origins[`/preface/paragraphs/${i}`] = p.from;
  });
  Object.assign(origins, assembly.origins);
  const provenance: Record<string, unknown> = { importedFrom: name || '(unnamed)' };
  if (unplaced.length > 0) provenance.unplaced = unplaced.map(({ text: t, from }) => ({ text: t, from }));
  if (Object.keys(origins).length > 0) provenance.origins = origins;
  if (options.partial && state.notFound.length > 0) provenance.notFound = state.notFound;

  const document = {
    edition,
    metadata,
    preface: { paragraphs: front.preface.map((p) => p.text) },
    sections: assembly.sections,
    provenance,
  } as unknown as Report;
  const all = [...readings.values()];
  const fidelity: Fidelity = {
    cellsRead: all.reduce((sum, r) => sum + r.cellsRead, 0),
    cellsExpected: all.reduce((sum, r) => sum + r.cellsExpected, 0),
    sectionsFound: buckets.map((b) => b.spec.title),
    paragraphsPlaced: front.preface.length + assembly.paragraphsPlaced,
    paragraphsUnplaced: unplaced.length,
    notReported: all.flatMap((r) => r.notReported),
    edition,
    editionFrom,
  };
  if (options.partial) fidelity.notFound = state.notFound;
  const everyReading = findingsInEveryReading(document, source, options.previous);
  warnings.push(...everyReading.warnings);
  const success: ImportSuccess = { ok: true, document, fidelity, warnings };
  if (everyReading.findings.length > 0) success.findings = everyReading.findings;
  return success;
}
