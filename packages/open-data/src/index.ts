/**
 * Open-data outputs of a validated report: the canonical report JSON, a tidy CSV with one line per
 * official table cell, and a Frictionless Data Package (v1) descriptor for both.
 */
import { createHash } from 'node:crypto';
import { propertiesOf, resolveRef, schemaFor, type JsonSchema, type Report } from '@nianbao/template';
import { buildViewModel, editionLayout, type DataCell, type ReportView } from '@nianbao/view-model';

export interface OpenDataOptions {
  /** File name stem of the JSON and CSV resources in the data package (default `report` → `report.json`, `report.csv`). */
  baseName?: string;
  /** A licence to declare in the data package, e.g. `{ name: 'CC-BY-4.0', path: 'https://…' }`. Default: none declared. */
  license?: { name?: string; path?: string; title?: string };
  /**
   * The edition's schema patched by local extensions (@nianbao/extension): the cells they add are
   * CSV rows like the official ones, and the data package declares them (`nianbao:extensionCells`).
   */
  schema?: JsonSchema;
  /** The extensions applied (name and version), declared in the data package as `nianbao:extensions`. */
  extensions?: { name: string; version: string }[];
}

const schemaOption = (report: Report, options: OpenDataOptions) =>
  options.schema !== undefined && options.schema['x-edition'] === report.edition ? options.schema : undefined;

/** The cells of `view` that the official layout of its edition does not have: those extensions add. */
function extensionCells(view: ReportView): Record<string, string>[] {
  const official = new Set(
    editionLayout(view.edition).tables.flatMap((table) => table.cells.map((cell) => cell.pointer)),
  );
  return view.tables.flatMap((table) =>
    table.cells
      .filter((cell) => !official.has(cell.layout.pointer))
      .map((cell) => ({
        table: table.key,
        row_id: cell.layout.rowId,
        row_label: cell.layout.rowLabels.join(LABEL_SEPARATOR),
        column_id: cell.layout.columnId,
        column_label: cell.layout.columnLabels.join(LABEL_SEPARATOR),
        pointer: cell.layout.pointer,
      })),
  );
}

export interface OpenData {
  /** `reportId(report)`. */
  reportId: string;
  /** Canonical report JSON (UTF-8 text, 2-space indent, final newline). */
  json: string;
  /** Tidy CSV of every table cell (UTF-8 with BOM, CRLF, RFC 4180). */
  csv: string;
  /** Frictionless `datapackage.json` describing the two. */
  datapackage: string;
  /** The file names the data package refers to. */
  files: { json: string; csv: string };
}

/**
 * The stable id of a report: `${统一社会信用代码}-${year}`, or when the report gives none,
 * `${行政区划代码}-${机关名称}-${year}`. The same agency and year give the same id in every build,
 * so a portal can upsert on it.
 */
export function reportId(report: Report): string {
  const agency = report.metadata.agency;
  const credit = agency.unifiedSocialCreditCode?.trim();
  const who = credit ? credit : `${agency.administrativeDivisionCode.trim()}-${agency.name.trim()}`;
  return `${who}-${report.metadata.reportYear}`;
}

/** A name for the data package as the spec wants it (lower-case ASCII, `-._`): `nianbao-<code>[-<hash of name>]-<year>`. */
export function packageName(report: Report): string {
  const agency = report.metadata.agency;
  const credit = agency.unifiedSocialCreditCode?.trim();
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  // Without a credit code, agencies of one division are told apart by a hash of the name.
  const who = credit
    ? slug(credit)
    : `${slug(agency.administrativeDivisionCode) || 'x'}-${createHash('sha256').update(agency.name.trim()).digest('hex').slice(0, 10)}`;
  return `nianbao-${who}-${report.metadata.reportYear}`;
}

function ordered(root: JsonSchema, site: JsonSchema | undefined, value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = site ? (resolveRef(root, site).items as JsonSchema | undefined) : undefined;
    return value.map((item) => ordered(root, items, item));
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const known = site ? propertiesOf(root, site) : [];
  for (const property of known) {
    if (Object.hasOwn(source, property.key)) out[property.key] = ordered(root, property.site, source[property.key]);
  }
  // A validated report has no other keys; were there any, they are kept (sorted) rather than lost.
  const rest = Object.keys(source)
    .filter((key) => !known.some((property) => property.key === key))
    .sort();
  for (const key of rest) out[key] = ordered(root, undefined, source[key]);
  return out;
}

/** The report with `$schema` set to its edition's schema `$id` and every object's keys in official (schema) order. */
export function canonicalReport(report: Report, schema?: JsonSchema): Report {
  const root = schema !== undefined && schema['x-edition'] === report.edition ? schema : schemaFor(report.edition);
  return ordered(root, root, { ...report, $schema: root.$id as string }) as Report;
}

/** Canonical report JSON: validates against `schemas/report-<edition>.schema.json`. */
export function canonicalJson(report: Report, schema?: JsonSchema): string {
  return `${JSON.stringify(canonicalReport(report, schema), null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'report_id',
  'table',
  'row_id',
  'row_label',
  'column_id',
  'column_label',
  'value',
  'unit',
] as const;
/** Joins multi-level row and column labels: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密. */
export const LABEL_SEPARATOR = ' › ';

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const UNIT_IN_HEADER = /（单位：([^）]+)）/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading ' . The value column holds numbers, written as they are: -2 is a number, not a formula.
 */
function field(text: string, numeric = false): string {
  let out = text;
  if (!(numeric && NUMBER.test(out)) && /^[=+\-@\t\r]/.test(out)) out = `'${out}`;
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

function unitOf(cell: DataCell): string {
  if (cell.unit) return cell.unit;
  if (cell.layout.valueKind === 'amount') {
    const match = UNIT_IN_HEADER.exec(cell.layout.columnLabels[cell.layout.columnLabels.length - 1] ?? '');
    if (match) return match[1]!;
  }
  return '';
}

function csvFrom(view: ReportView, id: string): string {
  const lines = [CSV_COLUMNS.join(',')];
  const reportField = field(id);
  for (const table of view.tables) {
    for (const cell of table.cells) {
      const { layout } = cell;
      const value = cell.value === null ? '' : String(cell.value);
      lines.push(
        [
          reportField,
          field(table.key),
          field(layout.rowId),
          field(layout.rowLabels.join(LABEL_SEPARATOR)),
          field(layout.columnId),
          field(layout.columnLabels.join(LABEL_SEPARATOR)),
          field(value, true),
          field(unitOf(cell)),
        ].join(','),
      );
    }
  }
  // BOM: the CSV's first readers are clerks opening it in Excel or WPS, which need it to see UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The tidy CSV: one line per official table cell (see README for the columns). */
export function tidyCsv(report: Report, options: OpenDataOptions = {}): string {
  return csvFrom(buildViewModel(report, { schema: schemaOption(report, options) }), reportId(report));
}

function datapackageFrom(report: Report, view: ReportView, files: OpenData['files'], options: OpenDataOptions): string {
  const root = schemaFor(report.edition);
  const descriptor: Record<string, unknown> = {
    profile: 'data-package',
    name: packageName(report),
    id: reportId(report),
    title: view.title,
    description: `${view.title}（${view.editionIssuedWith}格式）：报告全文（JSON）及三张统计表的全部单元格（CSV，每格一行）。`,
    keywords: ['政府信息公开工作年度报告', view.agencyName, String(view.reportYear)],
  };
  if (options.license) descriptor.licenses = [options.license];
  if (report.provenance) descriptor.sources = [{ title: '导入来源', path: report.provenance.importedFrom }];
  descriptor['nianbao:edition'] = report.edition;
  if (options.extensions && options.extensions.length > 0) descriptor['nianbao:extensions'] = options.extensions;
  descriptor.resources = [
    {
      name: 'report',
      path: files.json,
      profile: 'data-resource',
      title: '报告全文',
      description: `The report as a nianbao source document; validates against the JSON Schema ${String(root.$id)} (in the nianbao repository's schemas/ folder).`,
      format: 'json',
      mediatype: 'application/json',
      encoding: 'utf-8',
      'nianbao:schema': root.$id,
    },
    {
      name: 'cells',
      path: files.csv,
      profile: 'tabular-data-resource',
      title: '统计表单元格',
      description:
        'One row per official cell of tables 二, 三 and 四. row_id and column_id are the JSON paths of the cell below the table: the value is at /sections/{table}/table/{row_id}/{column_id} of the report (row_id "." for table 四, whose only row is the table). Empty value: not reported in the published report.',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: {
        delimiter: ',',
        lineTerminator: '\r\n',
        quoteChar: '"',
        doubleQuote: true,
        header: true,
        skipInitialSpace: false,
      },
      schema: {
        fields: [
          {
            name: 'report_id',
            type: 'string',
            title: '报告标识',
            description: '统一社会信用代码-年度, or 行政区划代码-机关名称-年度',
            constraints: { required: true },
          },
          {
            name: 'table',
            type: 'string',
            title: '表',
            description:
              'proactiveDisclosure = 二、主动公开政府信息情况; applications = 三、收到和处理政府信息公开申请情况; reviewAndLitigation = 四、政府信息公开行政复议、行政诉讼情况',
            constraints: { required: true, enum: view.tables.map((t) => t.key) },
          },
          { name: 'row_id', type: 'string', title: '行标识', constraints: { required: true } },
          {
            name: 'row_label',
            type: 'string',
            title: '行名称',
            description: `Official row labels, outermost first, joined by "${LABEL_SEPARATOR}"`,
          },
          { name: 'column_id', type: 'string', title: '列标识', constraints: { required: true } },
          {
            name: 'column_label',
            type: 'string',
            title: '列名称',
            description: `Official column labels, outermost first, joined by "${LABEL_SEPARATOR}"`,
            constraints: { required: true },
          },
          {
            name: 'value',
            type: 'number',
            title: '数值',
            description:
              'Counts (integers; 本年增/减 may be negative) or amounts (decimals as published). Empty: not reported.',
          },
          {
            name: 'unit',
            type: 'string',
            title: '单位',
            description: 'Unit of an amount (元 / 万元); empty for counts',
          },
        ],
        primaryKey: ['report_id', 'table', 'row_id', 'column_id'],
        missingValues: [''],
      },
    },
  ];
  const added = extensionCells(view);
  // Cells a local extension adds are rows of the same CSV; the descriptor lists them so that a reader
  // knows which ones are not in the national format.
  if (added.length > 0) (descriptor.resources as Record<string, unknown>[])[1]!['nianbao:extensionCells'] = added;
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

/** A Frictionless Data Package (v1) descriptor for the report's JSON and CSV. */
export function dataPackage(report: Report, options: OpenDataOptions = {}): string {
  const base = options.baseName ?? 'report';
  const view = buildViewModel(report, { schema: schemaOption(report, options) });
  return datapackageFrom(report, view, { json: `${base}.json`, csv: `${base}.csv` }, options);
}

/** All three outputs of a validated report. Deterministic: the same report gives the same bytes. */
export function toOpenData(report: Report, options: OpenDataOptions = {}): OpenData {
  const schema = schemaOption(report, options);
  const view = buildViewModel(report, { schema });
  const id = reportId(report);
  const base = options.baseName ?? 'report';
  const files = { json: `${base}.json`, csv: `${base}.csv` };
  return {
    reportId: id,
    json: canonicalJson(report, schema),
    csv: csvFrom(view, id),
    datapackage: datapackageFrom(report, view, files, options),
    files,
  };
}
