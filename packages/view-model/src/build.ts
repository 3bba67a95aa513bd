import { isEdition, type JsonSchema, type Report } from '@nianbao/template';
import { editionLayout, type PartLayout } from './layout.js';
import { chineseDate, displayText } from './text.js';
import type {
  BlockView,
  Cell,
  DataCell,
  DataCellLayout,
  ParagraphView,
  ReportView,
  Row,
  RowGroup,
  SectionView,
  TableLayout,
  TableView,
  ValueKind,
} from './types.js';

/** What a cell shows when the report does not state its value. */
export const NOT_REPORTED_MARK = '—';
/** How the mark is explained (legend, screen readers). */
export const NOT_REPORTED_LABEL = '未填报';

function read(document: unknown, segments: readonly string[]): unknown {
  let node = document;
  for (let i = 0; i < segments.length; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segments[i]!];
  }
  return node;
}

/** Formats one cell value for display (see `DataCell.display`). */
export function formatValue(
  kind: ValueKind,
  raw: unknown,
): { value: number | string | null; unit: string | null; display: string; notReported: boolean } {
  const { value, unit, display, notReported } = dataCell(undefined, kind, raw);
  return { value, unit, display, notReported };
}

/** A filled cell in one allocation (a report has some 200 of them). */
function dataCell<L>(layout: L, kind: ValueKind, raw: unknown): Omit<DataCell, 'layout'> & { layout: L } {
  if (kind === 'money') {
    const money = raw as { value?: unknown; unit?: unknown } | null | undefined;
    const value = money?.value;
    const unit = typeof money?.unit === 'string' ? money.unit : null;
    if (typeof value !== 'string')
      return { kind: 'data', layout, value: null, unit, display: NOT_REPORTED_MARK, notReported: true };
    return { kind: 'data', layout, value, unit, display: unit === null ? value : value + unit, notReported: false };
  }
  if (kind === 'amount') {
    if (typeof raw !== 'string')
      return { kind: 'data', layout, value: null, unit: null, display: NOT_REPORTED_MARK, notReported: true };
    return { kind: 'data', layout, value: raw, unit: null, display: raw, notReported: false };
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return { kind: 'data', layout, value: null, unit: null, display: NOT_REPORTED_MARK, notReported: true };
  }
  // 本年增/减 is published signed: +12, -2, 0.
  const display = kind === 'signedCount' && raw > 0 ? `+${String(raw)}` : String(raw);
  return { kind: 'data', layout, value: raw, unit: null, display, notReported: false };
}

/**
 * A table of one report. The filled rows (`groups`) are built on first use: the HTML renderer fills
 * precomputed markup from `cells` and never needs them.
 */
class FilledTable implements TableView {
  readonly key: TableView['key'];
  readonly shape: TableView['shape'];
  readonly pointer: string;
  readonly caption: string;
  readonly columnCount: number;
  readonly labelColumnCount: number;
  readonly head: readonly Row[];
  readonly cells: readonly DataCell[];
  readonly hasNotReported: boolean;
  readonly layout: TableLayout;
  #groups: RowGroup[] | undefined;

  constructor(layout: TableLayout, cells: readonly DataCell[], hasNotReported: boolean) {
    this.key = layout.key;
    this.shape = layout.shape;
    this.pointer = layout.pointer;
    this.caption = layout.caption;
    this.columnCount = layout.columnCount;
    this.labelColumnCount = layout.labelColumnCount;
    this.head = layout.head as readonly Row[];
    this.cells = cells;
    this.hasNotReported = hasNotReported;
    this.layout = layout;
  }

  get groups(): readonly RowGroup[] {
    const cells = this.cells;
    const fillRow = (row: TableLayout['head'][number]): Row => ({
      kind: row.kind,
      cells: row.cells.map((cell): Cell => (cell.kind === 'data' ? cells[cell.index]! : cell)),
    });
    return (this.#groups ??= this.layout.groups.map((group) => ({ key: group.key, rows: group.rows.map(fillRow) })));
  }

  toJSON(): object {
    const { key, shape, pointer, caption, columnCount, labelColumnCount, head, groups, cells, hasNotReported } = this;
    return { key, shape, pointer, caption, columnCount, labelColumnCount, head, groups, cells, hasNotReported };
  }
}

interface ReadPlan {
  tableSegments: readonly string[];
  rows: {
    segments: readonly string[];
    cells: { layout: DataCellLayout; key: string; deeper: readonly string[] | null }[];
  }[];
}

const plans = new WeakMap<TableLayout, ReadPlan>();

/** Cells grouped by row so that a report's row object is looked up once, not once per cell. */
function planOf(layout: TableLayout): ReadPlan {
  let plan = plans.get(layout);
  if (plan) return plan;
  const tableSegments = layout.pointer.slice(1).split('/');
  const rows = new Map<string, ReadPlan['rows'][number]>();
  for (const cell of layout.cells) {
    const rowSegments = cell.rowId === '.' ? [] : cell.rowId.split('/');
    let row = rows.get(cell.rowId);
    if (!row) {
      row = { segments: rowSegments, cells: [] };
      rows.set(cell.rowId, row);
    }
    const columnSegments = cell.columnId.split('/');
    row.cells.push({
      layout: cell,
      key: columnSegments[0]!,
      deeper: columnSegments.length > 1 ? columnSegments.slice(1) : null,
    });
  }
  plan = { tableSegments, rows: [...rows.values()] };
  plans.set(layout, plan);
  return plan;
}

function fillTable(layout: TableLayout, report: unknown): { view: TableView; notReported: boolean } {
  let notReported = false;
  const cells: DataCell[] = new Array(layout.cells.length);
  const plan = planOf(layout);
  const table = read(report, plan.tableSegments);
  for (const row of plan.rows) {
    const rowObject = read(table, row.segments) as Record<string, unknown> | null | undefined;
    for (const cell of row.cells) {
      let raw = rowObject == null || typeof rowObject !== 'object' ? undefined : rowObject[cell.key];
      if (cell.deeper) raw = read(raw, cell.deeper);
      const filled = dataCell(cell.layout, cell.layout.valueKind, raw);
      if (filled.notReported) notReported = true;
      cells[cell.layout.index] = filled;
    }
  }
  return { view: new FilledTable(layout, cells, notReported), notReported };
}

function paragraphsAt(report: unknown, segments: readonly string[], pointer: string): ParagraphView[] {
  const list = read(report, segments);
  if (!Array.isArray(list)) return [];
  return list.map((text, index) => ({ text: displayText(String(text)), pointer: `${pointer}/${index}` }));
}

export interface ViewModelOptions {
  /**
   * The report's edition schema patched by local extensions (@nianbao/extension): added rows and
   * columns are shown with their titles. Ignored when its `x-edition` is not the report's edition.
   */
  schema?: JsonSchema;
}

/**
 * Everything a renderer needs to show a validated report: title, preface, the six sections in
 * official order with their headings, numbered topics, and the three tables filled with display values.
 * Labels and layout come from the edition's schema (computed once per edition).
 */
export function buildViewModel(report: Report, options: ViewModelOptions = {}): ReportView {
  const edition = report.edition;
  if (!isEdition(edition)) throw new TypeError(`unknown edition ${String(edition)}`);
  const schema = options.schema !== undefined && options.schema['x-edition'] === edition ? options.schema : undefined;
  const layout = editionLayout(edition, schema);
  const metadata = report.metadata;
  const agencyName = displayText(metadata.agency.name);
  let hasNotReported = false;
  const tables: TableView[] = [];

  const block = (part: PartLayout): BlockView => {
    if (part.kind === 'table') {
      const filled = fillTable(part.table, report);
      if (filled.notReported) hasNotReported = true;
      tables.push(filled.view);
      return { kind: 'table', table: filled.view };
    }
    if (part.kind === 'paragraphs') {
      return {
        kind: 'paragraphs',
        pointer: part.pointer,
        paragraphs: paragraphsAt(report, part.segments, part.pointer),
      };
    }
    const own = read(report, part.headingSegments);
    const heading = typeof own === 'string' && own.trim() !== '' ? displayText(own) : part.officialHeading;
    return {
      kind: 'topic',
      key: part.key,
      pointer: part.pointer,
      number: part.number,
      heading,
      officialHeading: part.officialHeading,
      numberedHeading: part.number + heading,
      paragraphs: paragraphsAt(report, part.paragraphsSegments, `${part.pointer}/paragraphs`),
    };
  };

  const sections: SectionView[] = layout.sections.map((section) => ({
    key: section.key,
    pointer: section.pointer,
    heading: section.heading,
    number: section.number,
    title: section.title,
    // A section's optional paragraphs that are absent simply yield no block.
    blocks: section.parts.map(block).filter((b) => b.kind !== 'paragraphs' || b.paragraphs.length > 0),
  }));

  const documentDate = metadata.publicationDate ?? metadata.statisticsPeriod.end;
  return {
    edition,
    editionIssuedWith: layout.issuedWith,
    title: `${agencyName}${metadata.reportYear}年${layout.documentName}`,
    agencyName,
    reportYear: metadata.reportYear,
    statisticsPeriod: { start: metadata.statisticsPeriod.start, end: metadata.statisticsPeriod.end },
    publicationDate: metadata.publicationDate,
    publicationDateText: metadata.publicationDate === undefined ? undefined : chineseDate(metadata.publicationDate),
    documentDate,
    documentDateText: chineseDate(documentDate),
    preface: paragraphsAt(report, ['preface', 'paragraphs'], '/preface/paragraphs'),
    sections,
    tables,
    hasNotReported,
    importedFrom: report.provenance?.importedFrom,
    metadata: report.metadata,
  };
}
