import type { Edition, Report } from '@nianbao/template';

/** What a table cell holds, read from its `$ref` in the schema. */
export type ValueKind =
  /** `#/$defs/count`: an integer ≥ 0. */
  | 'count'
  /** `#/$defs/signedCount`: 2019's 本年增/减, shown with its sign (+12, -2, 0). */
  | 'signedCount'
  /** `#/$defs/decimalAmount`: a decimal string; the unit, if any, is in the column header. */
  | 'amount'
  /** `#/$defs/moneyAmount`: `{ value, unit }` (2019's 采购总金额, whose header has no unit). */
  | 'money';

export type TableKey = 'proactiveDisclosure' | 'applications' | 'reviewAndLitigation';

/** How a table is laid out, read from the schema annotations. */
export type TableShape =
  /** Table 二: blocks (第二十条第（一）项 …), each with a title row, a 信息内容 header row and its rows. */
  | 'blocks'
  /** Table 三: a corner cell, a column-header group over the columns, nested row labels. */
  | 'grid'
  /** Table 四: one row of cells under multi-level column headers. */
  | 'single-row';

/** A `<th>`. Shared by every report of an edition: never mutate. */
export interface HeaderCell {
  readonly kind: 'header';
  /** Unique within a report and a valid HTML id (ASCII); renderers may prefix it. */
  readonly id: string;
  /** The official label (a schema `title` or annotation). */
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly scope: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /**
   * What the cell is: `corner` (table 三's 勾稽关系 note, header of the row-label columns),
   * `columnGroup` / `column` (column headers), `block` (table 二's 第二十条第（…）项 title row),
   * `rowHeaderTitle` (table 二's 信息内容), `rowGroup` / `row` (row labels).
   */
  readonly role: 'corner' | 'columnGroup' | 'column' | 'block' | 'rowHeaderTitle' | 'rowGroup' | 'row';
  /** Ids of the header cells that in turn describe this one (for the `headers` attribute). */
  readonly headers: readonly string[];
  /** The grid column the cell starts at (0-based). */
  readonly column: number;
}

/** The fixed part of a `<td>`: where its value lives and which headers describe it. */
export interface DataCellLayout {
  readonly kind: 'data';
  /** Position in `TableView.cells` (document order of the table). */
  readonly index: number;
  /** JSON Pointer of the value in the report. For a `money` cell, the pointer of the `{value, unit}` object. */
  readonly pointer: string;
  /** The pointer split into its segments (for fast reads). */
  readonly segments: readonly string[];
  /** Path of the row object below the table, `/`-separated (`results/notDisclosed/stateSecret`); `.` for table 四, whose only row is the table itself. */
  readonly rowId: string;
  /** Path of the cell within its row, `/`-separated (`legalPersonOrOtherOrganization/commercialEnterprise`). */
  readonly columnId: string;
  /** Official row labels, outermost first (empty for table 四). */
  readonly rowLabels: readonly string[];
  /** Official column labels, outermost first. */
  readonly columnLabels: readonly string[];
  readonly valueKind: ValueKind;
  readonly colSpan: number;
  readonly rowSpan: number;
  /** Ids of every header cell that describes this cell, outermost first: columns, then rows. */
  readonly headers: readonly string[];
  readonly column: number;
}

export type LayoutCell = HeaderCell | DataCellLayout;

export interface RowLayout {
  /** `block`: a table-二 block title row; `header`: a row of column headers; `data`: a row with values. */
  readonly kind: 'block' | 'header' | 'data';
  readonly cells: readonly LayoutCell[];
}

/** One `<tbody>`: table 二 has one per block, the other tables one. */
export interface RowGroupLayout {
  readonly key: string;
  readonly rows: readonly RowLayout[];
}

/** The per-edition layout of a table, computed once from the schema. */
export interface TableLayout {
  readonly key: TableKey;
  readonly shape: TableShape;
  /** Pointer of the table object in a report. */
  readonly pointer: string;
  /** The table's official name (its schema `title`), for `<caption>`. */
  readonly caption: string;
  /** Number of grid columns. */
  readonly columnCount: number;
  /** How many of the leading grid columns hold row labels (0 for table 四). */
  readonly labelColumnCount: number;
  /** Header rows (`<thead>`): repeated when a printed table continues on the next page. */
  readonly head: readonly RowLayout[];
  readonly groups: readonly RowGroupLayout[];
  /** Every data cell in document order. */
  readonly cells: readonly DataCellLayout[];
}

/** A `<td>` of one report. */
export interface DataCell {
  readonly kind: 'data';
  readonly layout: DataCellLayout;
  /** The value as in the document: a number (counts), a decimal string (amounts), or null (not reported). */
  readonly value: number | string | null;
  /** The unit of a `money` cell (元 / 万元), else null. */
  readonly unit: string | null;
  /** The value as displayed: `41`, `+12`, `-2`, `59237.2449`, `0万元`, or `—` when not reported. */
  readonly display: string;
  /** The report does not state this value (imported from a page that left the cell blank). */
  readonly notReported: boolean;
}

export type Cell = HeaderCell | DataCell;

export interface Row {
  readonly kind: RowLayout['kind'];
  readonly cells: readonly Cell[];
}

export interface RowGroup {
  readonly key: string;
  readonly rows: readonly Row[];
}

export interface TableView {
  readonly key: TableKey;
  readonly shape: TableShape;
  readonly pointer: string;
  readonly caption: string;
  readonly columnCount: number;
  readonly labelColumnCount: number;
  readonly head: readonly Row[];
  readonly groups: readonly RowGroup[];
  readonly cells: readonly DataCell[];
  /** Some cell of this table is not reported. */
  readonly hasNotReported: boolean;
  /** The layout this view was filled from (shared by every report of the edition). */
  readonly layout: TableLayout;
}

export interface ParagraphView {
  /** Display text (unsafe control characters removed; see `displayText`). */
  readonly text: string;
  readonly pointer: string;
}

export interface TopicView {
  readonly kind: 'topic';
  /** Property key in the schema (`proactiveDisclosure`, `problems`, …). */
  readonly key: string;
  readonly pointer: string;
  /** （一）, （二）… */
  readonly number: string;
  /** The agency's own heading when it has one, else the official topic name. */
  readonly heading: string;
  /** The official topic name (schema title). */
  readonly officialHeading: string;
  /** `number + heading`, e.g. （一）主动公开情况. */
  readonly numberedHeading: string;
  readonly paragraphs: readonly ParagraphView[];
}

export type BlockView =
  | { readonly kind: 'paragraphs'; readonly pointer: string; readonly paragraphs: readonly ParagraphView[] }
  | TopicView
  | { readonly kind: 'table'; readonly table: TableView };

export type SectionKey =
  | 'overview'
  | 'proactiveDisclosure'
  | 'applications'
  | 'reviewAndLitigation'
  | 'problemsAndImprovements'
  | 'otherMatters';

export interface SectionView {
  readonly key: SectionKey;
  readonly pointer: string;
  /** The official heading with its number: 一、总体情况. */
  readonly heading: string;
  /** 一, 二, … */
  readonly number: string;
  /** The heading without its number: 总体情况. */
  readonly title: string;
  readonly blocks: readonly BlockView[];
}

export interface ReportView {
  readonly edition: Edition;
  /** The official document that issued the format (国办公开办函〔2021〕30号). */
  readonly editionIssuedWith: string;
  /** `${agency}${year}年政府信息公开工作年度报告`. */
  readonly title: string;
  readonly agencyName: string;
  readonly reportYear: number;
  readonly statisticsPeriod: { readonly start: string; readonly end: string };
  /** YYYY-MM-DD, when the report states it. */
  readonly publicationDate: string | undefined;
  /** publicationDate as 2021年1月29日 (the date of the 落款), when the report states it. */
  readonly publicationDateText: string | undefined;
  /** The date an output is stamped with: publicationDate, else the end of the statistics period. */
  readonly documentDate: string;
  /** documentDate as 2021年1月29日 (the 落款 of the report). */
  readonly documentDateText: string;
  readonly preface: readonly ParagraphView[];
  readonly sections: readonly SectionView[];
  readonly tables: readonly TableView[];
  /** Some table cell is not reported (null): renderers show a legend. */
  readonly hasNotReported: boolean;
  /** The page the report was imported from (provenance), if any. */
  readonly importedFrom: string | undefined;
  /** The report's metadata as in the source, for outputs that carry it whole (e.g. HTML's embedded JSON). */
  readonly metadata: Report['metadata'];
}
