/** The Frictionless Data Package (v1) descriptor of a report's JSON and CSV. */
import { type Report, schemaFor } from '@nianbao/template';
import { editionLayout, type ReportView } from '@nianbao/view-model';
import { LABEL_SEPARATOR } from './csv.js';
import { packageName, reportId, SHARED_COLUMNS } from './ids.js';

export interface DataPackageOptions {
  /** A licence to declare in the data package, e.g. `{ name: 'CC-BY-4.0', path: 'https://…' }`. Default: none declared. */
  license?: { name?: string; path?: string; title?: string };
  /** The extensions applied (name and version), declared in the data package as `nianbao:extensions`. */
  extensions?: { name: string; version: string }[];
}

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

const text = (name: string, title: string, description: string, required = true) => ({
  name,
  type: 'string',
  title,
  description,
  ...(required ? { constraints: { required: true } } : {}),
});

function identityFields(view: ReportView) {
  return [
    text(
      'report_id',
      '报告标识',
      '行政区划代码-机关名称-报告年度: one id per agency and year, unchanged when a credit code is added',
    ),
    text('agency', '机关名称', 'The agency as named in the report'),
    text('credit_code', '统一社会信用代码', 'Empty when the report does not state it', false),
    text('division_code', '行政区划代码', 'Six-digit code of the administrative division (GB/T 2260)'),
    {
      name: 'report_year',
      type: 'year',
      title: '报告年度',
      description: 'The year the report covers (not the year it was published)',
      constraints: { required: true },
    },
    {
      name: 'edition',
      type: 'string',
      title: '格式版本',
      description: '2019 = 国办公开办函〔2019〕60号; 2021 = 国办公开办函〔2021〕30号',
      constraints: { required: true, enum: ['2019', '2021'] },
    },
    {
      ...text(
        'table',
        '表',
        'proactiveDisclosure = 二、主动公开政府信息情况; applications = 三、收到和处理政府信息公开申请情况; reviewAndLitigation = 四、政府信息公开行政复议、行政诉讼情况',
      ),
      constraints: { required: true, enum: view.tables.map((t) => t.key) },
    },
  ];
}

function cellFields() {
  return [
    text('row_id', '行标识', 'Path of the row object below the table; "." for table 四 (one row)'),
    text('row_label', '行名称', `Official row labels, outermost first, joined by "${LABEL_SEPARATOR}"`, false),
    text(
      'column_id',
      '列标识',
      'Path of the cell in its row; the same id in both editions where the meaning is the same (see nianbao:sharedColumns)',
    ),
    text(
      'column_label',
      '列名称',
      `Official column labels of this edition, outermost first, joined by "${LABEL_SEPARATOR}"`,
    ),
    {
      name: 'value',
      type: 'number',
      title: '数值',
      description:
        'Counts (integers; 本年增/减 may be negative) or amounts (decimals as published). Empty: not reported.',
    },
    text('unit', '单位', 'Unit of an amount (元 / 万元); empty for counts', false),
    text('pointer', 'JSON 位置', 'JSON Pointer of the value in the report JSON of this package'),
  ];
}

function cellsResource(view: ReportView, csv: string) {
  return {
    name: 'cells',
    path: csv,
    profile: 'tabular-data-resource',
    title: '统计表单元格',
    description:
      'One row per official cell of tables 二, 三 and 四, each carrying the report id, agency, codes, year and edition, so the CSVs of many reports concatenate into one table. pointer is the JSON Pointer of the value in the report JSON. Empty value: not reported in the published report. UTF-8 without a byte-order mark.',
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
      fields: [...identityFields(view), ...cellFields()],
      primaryKey: ['report_id', 'table', 'row_id', 'column_id'],
      missingValues: [''],
    },
  };
}

export function datapackageFrom(
  report: Report,
  view: ReportView,
  files: { json: string; csv: string },
  options: DataPackageOptions,
): string {
  const root = schemaFor(report.edition);
  const agency = report.metadata.agency;
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
  if (options.extensions && options.extensions.length > 0) descriptor['nianbao:extensions'] = options.extensions;
  descriptor['nianbao:edition'] = report.edition;
  descriptor['nianbao:agency'] = {
    name: agency.name.trim(),
    creditCode: agency.unifiedSocialCreditCode?.trim() ?? null,
    divisionCode: agency.administrativeDivisionCode.trim(),
  };
  descriptor['nianbao:reportYear'] = report.metadata.reportYear;
  // Declared even when this report's edition has none of them, so a portal reads one mapping.
  descriptor['nianbao:sharedColumns'] = SHARED_COLUMNS;
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
    cellsResource(view, files.csv),
  ];
  const added = extensionCells(view);
  // Cells a local extension adds are rows of the same CSV; the descriptor lists them so that a reader
  // knows which ones are not in the national format.
  if (added.length > 0) (descriptor.resources as Record<string, unknown>[])[1]!['nianbao:extensionCells'] = added;
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}
