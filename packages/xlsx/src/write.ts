/**
 * Writes a report (or an empty draft) as a workbook: one sheet per table in the official layout
 * (merged headers, official labels), input cells unlocked, tinted and limited by data validation,
 * totals as formulas, every label locked (sheet protection without a password: it stops slips, not
 * people), a metadata sheet and a narrative sheet. Exported values read back exactly (see read.ts).
 */
import { getAt, isEdition, type Edition } from '@nianbao/template';
import type { DataCellLayout, HeaderCell } from '@nianbao/view-model';
import ExcelJS from 'exceljs';
import { fieldsOf, META_SHEET, TEXT_SHEET, tableSheets, totalsOf, type Field, type TableSheet } from './model.js';

type Worksheet = ExcelJS.Worksheet;
type Cell = ExcelJS.Cell;

/** Excel's own limit on the characters of one cell. */
export const EXCEL_CELL_LIMIT = 32_767;
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Locks the labels; the clerk may still insert rows and columns and format them. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertColumns: true,
  insertRows: true,
  deleteRows: true,
  deleteColumns: true,
};

/** A report that cannot be written as a workbook (not a report; text beyond Excel's cell limit). */
export class XlsxError extends Error {
  constructor(
    readonly messages: { zh: string; en: string },
    readonly pointer?: string,
  ) {
    super(messages.en);
    this.name = 'XlsxError';
  }
}

const columnLetter = (column: number): string => {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};
export const address = (row: number, column: number) => `${columnLetter(column)}${row}`;

/** Decimal places of an amount string ("59237.2449" → 4), for a number format that shows them all. */
const decimalsOf = (amount: string) => amount.split('.')[1]?.length ?? 0;
/** Up to 15 significant digits survive a round trip through a double; longer amounts stay text. */
const fitsDouble = (amount: string) => amount.replace(/^0+|\./g, '').length <= 15;

function inputValidation(kind: DataCellLayout['valueKind']): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const };
  if (kind === 'count')
    return {
      ...common,
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      errorTitle: '件数',
      error: '请填写不小于0的整数（没有发生的填0）。A whole number ≥ 0.',
    };
  if (kind === 'signedCount')
    return { ...common, type: 'whole', operator: 'between', formulae: [-1e15, 1e15], error: '请填写整数，可为负数。' };
  if (kind === 'amount')
    return {
      ...common,
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      errorTitle: '金额',
      error: '请填写不小于0的金额，最多4位小数。An amount ≥ 0, at most 4 decimals.',
    };
  return undefined; // money (2019): an amount with its unit, as text such as 1200元
}

function writeValue(cell: Cell, kind: DataCellLayout['valueKind'], value: unknown): void {
  if (value === null || value === undefined) return;
  if (kind === 'money') {
    const money = value as { value?: unknown; unit?: unknown };
    if (money.value !== null && money.value !== undefined) cell.value = `${money.value}${money.unit ?? ''}`;
    return;
  }
  if (kind === 'amount' && typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) && fitsDouble(value)) {
    cell.value = Number(value);
    const decimals = decimalsOf(value);
    cell.numFmt = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
    return;
  }
  cell.value = value as ExcelJS.CellValue;
}

function headerStyle(cell: Cell, header: HeaderCell): void {
  cell.value = header.text;
  cell.font = { bold: header.role !== 'row' && header.role !== 'rowGroup' };
  const left = header.role === 'row' || header.role === 'rowGroup' || header.role === 'block';
  cell.alignment = { vertical: 'middle', horizontal: left ? 'left' : 'center', wrapText: true };
}

/** Lays out one table sheet; returns where each cell's value went (pointer → row and column). */
function layTable(sheet: Worksheet, table: TableSheet, report: unknown): Map<string, { row: number; column: number }> {
  const { layout } = table;
  const places = new Map<string, { row: number; column: number }>();
  sheet.mergeCells(1, 1, 1, layout.columnCount);
  const title = sheet.getCell(1, 1);
  title.value = `${table.name}　${layout.caption}`;
  title.font = { bold: true, size: 13 };
  title.alignment = { horizontal: 'center' };
  const rows = [...layout.head, ...layout.groups.flatMap((group) => group.rows)];
  rows.forEach((layoutRow, index) => {
    const row = index + 2;
    for (const item of layoutRow.cells) {
      const column = item.column + 1;
      if (item.colSpan > 1 || item.rowSpan > 1)
        sheet.mergeCells(row, column, row + item.rowSpan - 1, column + item.colSpan - 1);
      const cell = sheet.getCell(row, column);
      for (let r = row; r < row + item.rowSpan; r++)
        for (let c = column; c < column + item.colSpan; c++) sheet.getCell(r, c).border = BORDER;
      if (item.kind === 'header') {
        headerStyle(cell, item);
        continue;
      }
      places.set(item.pointer, { row, column });
      writeValue(cell, item.valueKind, getAt(report, item.pointer));
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
      const validation = inputValidation(item.valueKind);
      if (validation) cell.dataValidation = validation;
    }
  });
  writeTotals(sheet, table, report, places);
  sheet.columns.forEach((column, index) => {
    column.width = index < layout.labelColumnCount ? (index === layout.labelColumnCount - 1 ? 46 : 12) : 11;
  });
  if (layout.shape === 'blocks') sheet.getColumn(1).width = 30;
  return places;
}

/**
 * A total becomes a formula, with the document's value as its cached result. A total that does not
 * equal the sum of its cells in the document (a published report with an error) stays the number
 * the report gives: export must not change a report, and the validator names the difference.
 */
function writeTotals(
  sheet: Worksheet,
  table: TableSheet,
  report: unknown,
  places: Map<string, { row: number; column: number }>,
) {
  for (const total of totalsOf(table.layout)) {
    const place = places.get(total.cell.pointer)!;
    const cell = sheet.getCell(place.row, place.column);
    const stated = getAt(report, total.cell.pointer);
    const values = total.addends.map((addend) => getAt(report, addend.pointer));
    const sum = values.every((value) => typeof value === 'number')
      ? (values as number[]).reduce((a, b) => a + b, 0)
      : undefined;
    const refs = total.addends.map((addend) => {
      const at = places.get(addend.pointer)!;
      return address(at.row, at.column);
    });
    if (stated === null || stated === undefined || stated === sum) {
      cell.value = {
        formula: `SUM(${refs.join(',')})`,
        ...(sum !== undefined && stated === sum ? { result: sum } : {}),
      };
      cell.protection = { locked: true };
      cell.fill = TOTAL_FILL;
      cell.dataValidation = undefined as never;
    }
  }
}

function textOf(value: unknown, pointer: string): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.length > EXCEL_CELL_LIMIT) {
    throw new XlsxError(
      {
        zh: `${pointer} 的文字有 ${value.length} 个字符，超过 Excel 单元格的上限 ${EXCEL_CELL_LIMIT}。`,
        en: `The text at ${pointer} has ${value.length} characters, more than an Excel cell holds (${EXCEL_CELL_LIMIT}).`,
      },
      pointer,
    );
  }
  return typeof value === 'number' ? value : String(value);
}

function metaRow(sheet: Worksheet, field: Field, report: unknown): void {
  const value = getAt(report, field.pointer);
  const shown = field.kind === 'enum' ? (field.options!.find((o) => o.value === value)?.title ?? value) : value;
  const row = sheet.addRow([field.label, textOf(shown, field.pointer) ?? null, hint(field)]);
  const cell = row.getCell(2);
  row.getCell(1).font = { bold: field.required };
  if (field.kind === 'const') return;
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  cell.numFmt = '@'; // dates and codes stay text: Excel would turn 2024-12-31 into a date, 341700 into a number
  if (field.kind === 'enum')
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${field.options!.map((option) => option.title).join(',')}"`],
    };
  if (field.kind === 'integer') {
    cell.numFmt = '0';
    cell.dataValidation = { type: 'whole', operator: 'between', formulae: [2008, 2100], allowBlank: true };
  }
}

function hint(field: Field): string {
  const parts = [field.required ? '必填' : '选填'];
  if (field.kind === 'enum') parts.push(`从列表中选择：${field.options!.map((o) => o.title).join('、')}`);
  if (/Date|start$|end$/.test(field.pointer)) parts.push('日期写作 YYYY-MM-DD');
  return parts.join('；');
}

function layMetadata(sheet: Worksheet, edition: Edition, report: unknown): void {
  sheet.addRow(['栏目', '内容', '说明']).font = { bold: true };
  for (const field of fieldsOf(edition)) if (!isTextField(field)) metaRow(sheet, field, report);
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 48;
  sheet.getColumn(3).width = 40;
}

const isTextField = (field: Field) =>
  field.kind === 'heading' || field.kind === 'paragraphs' || field.kind === 'unplaced';

function layText(sheet: Worksheet, edition: Edition, report: unknown): void {
  sheet.addRow(['栏目', '内容（每段一行；增加一段：插入一行，栏目照抄）', '原位置']).font = { bold: true };
  for (const field of fieldsOf(edition).filter(isTextField)) {
    const value = getAt(report, field.pointer);
    const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
    const rows =
      field.kind === 'unplaced'
        ? (items as { text: string; from: string }[]).map((item, i) => [
            textOf(item.text, `${field.pointer}/${i}/text`),
            textOf(item.from, `${field.pointer}/${i}/from`),
          ])
        : items.map((item, i) => [textOf(item, `${field.pointer}/${i}`)]);
    if (rows.length === 0 && field.kind !== 'unplaced') rows.push([undefined]);
    for (const [text, from] of rows) {
      const row = sheet.addRow([field.label, text ?? null, from ?? null]);
      const cell = row.getCell(2);
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 100;
  sheet.getColumn(3).width = 16;
}

/** The workbook of a report (any edition), as the bytes of an .xlsx file. */
export async function writeWorkbook(report: unknown): Promise<Uint8Array> {
  const edition = (report as { edition?: unknown } | null)?.edition;
  if (!isEdition(edition))
    throw new XlsxError({ zh: '不是报告：缺少或未知的格式版本（edition）。', en: 'Not a report: no known edition.' });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nianbao';
  // Excel and LibreOffice recompute the totals when the file is opened.
  workbook.calcProperties.fullCalcOnLoad = true;
  const meta = workbook.addWorksheet(META_SHEET);
  layMetadata(meta, edition, report);
  for (const table of tableSheets(edition)) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    layTable(sheet, table, report);
    await sheet.protect('', PROTECTION);
  }
  const text = workbook.addWorksheet(TEXT_SHEET);
  layText(text, edition, report);
  await meta.protect('', PROTECTION);
  await text.protect('', PROTECTION);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
