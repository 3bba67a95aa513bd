/**
 * The tidy CSV: one line per official table cell, each line carrying who and when (report id,
 * agency, codes, year, edition), so a portal can concatenate thousands of them without the JSON.
 */
import type { Report } from '@nianbao/template';
import type { DataCell, ReportView } from '@nianbao/view-model';
import { sharedColumnId } from './ids.js';

export const CSV_COLUMNS = [
  'report_id',
  'agency',
  'credit_code',
  'division_code',
  'report_year',
  'edition',
  'table',
  'row_id',
  'row_label',
  'column_id',
  'column_label',
  'value',
  'unit',
  'pointer',
] as const;

/** Joins multi-level row and column labels: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密. */
export const LABEL_SEPARATOR = ' › ';

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const UNIT_IN_HEADER = /（单位：([^）]+)）/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading ' . The value column holds numbers, written as they are: -2 is a number, not a formula.
 */
export function field(text: string, numeric = false): string {
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

/** The fields every line repeats: the report's identity. */
function identityFields(report: Report, id: string): string {
  const agency = report.metadata.agency;
  return [
    field(id),
    field(agency.name.trim()),
    field(agency.unifiedSocialCreditCode?.trim() ?? ''),
    field(agency.administrativeDivisionCode.trim()),
    String(report.metadata.reportYear),
    field(report.edition),
  ].join(',');
}

export function csvFrom(report: Report, view: ReportView, id: string): string {
  const lines = [CSV_COLUMNS.join(',')];
  const identity = identityFields(report, id);
  for (const table of view.tables) {
    for (const cell of table.cells) {
      const { layout } = cell;
      const value = cell.value === null ? '' : String(cell.value);
      lines.push(
        [
          identity,
          field(table.key),
          field(layout.rowId),
          field(layout.rowLabels.join(LABEL_SEPARATOR)),
          field(sharedColumnId(report.edition, table.key, layout.columnId)),
          field(layout.columnLabels.join(LABEL_SEPARATOR)),
          field(value, true),
          field(unitOf(cell)),
          field(layout.pointer),
        ].join(','),
      );
    }
  }
  // No BOM: a byte-order mark makes the header's first name "\uFEFFreport_id" for Frictionless
  // readers (frictionless-js refuses the file) and lands mid-file when a portal concatenates CSVs.
  // Clerks who want a spreadsheet use `nianbao export` (xlsx), or open the CSV as UTF-8.
  return `${lines.join('\r\n')}\r\n`;
}
