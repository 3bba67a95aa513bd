/**
 * Reads a workbook back into a report by its labels, not by fixed positions: a table row is found by
 * its row labels, a column by the header texts above it, a metadata or narrative row by the label in
 * column A. So a row moved or a column added by hand is still found; a row whose labels are not the
 * edition's is reported with its sheet and cell. Returns, with the document, where each value was
 * read (pointer → 表三!D12), so that findings on the document can name the cell.
 */
import { escapeSegment, isEdition, schemaFor, type Edition } from '@nianbao/template';
import ExcelJS from 'exceljs';
import { fieldsOf, META_SHEET, normalize, TEXT_SHEET, tableSheets, type Field } from './model.js';
import { readTable, type Grid, type Problem } from './read-table.js';

export type { Problem } from './read-table.js';

export type ReadResult =
  | {
      ok: true;
      document: Record<string, unknown>;
      /** Where each value came from: JSON Pointer → `sheet!cell` (e.g. `表三!D12`). */
      cells: Record<string, string>;
      /** Rows not understood, tables or rows not found; each with its sheet and cell when known. */
      problems: Problem[];
    }
  | { ok: false; problem: Problem };

/** The sheet as text and values, merged areas giving their value to every cell they cover. */
function gridOf(sheet: ExcelJS.Worksheet): Grid {
  const rows: Grid['rows'] = [];
  const sums: { row: number; column: number; formula: string }[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Grid['rows'][number] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column] = { value: plain(cell.value), numFmt: cell.numFmt };
      const value = cell.value as { formula?: string; result?: unknown } | null;
      if (value && typeof value === 'object' && typeof value.formula === 'string' && value.result === undefined)
        sums.push({ row: rowNumber, column, formula: value.formula });
    });
    rows[rowNumber] = cells;
  });
  const grid = { name: sheet.name, rows };
  for (const sum of sums) grid.rows[sum.row]![sum.column]!.value = evaluateSum(grid, sum.formula);
  return grid;
}

const refOf = (ref: string) => {
  const [, letters, digits] = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref) ?? [];
  if (!letters || !digits) return undefined;
  const column = [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(digits), column };
};

/**
 * A total whose file holds no computed value (written by a program; exceljs also drops a cached 0):
 * SUM over cells and ranges is worked out here. Every cell blank: not filled in (null).
 */
function evaluateSum(grid: Grid, formula: string): number | null {
  const match = /^SUM\(([^()]*)\)$/i.exec(formula.trim());
  if (!match) return null;
  let total = 0;
  let any = false;
  for (const part of match[1]!.split(',')) {
    const [from, to = from] = part.trim().split(':').map(refOf);
    if (!from || !to) return null;
    for (let row = from.row; row <= to.row; row++)
      for (let column = from.column; column <= to.column; column++) {
        const value = grid.rows[row]?.[column]?.value;
        if (typeof value === 'number') {
          total += value;
          any = true;
        }
      }
  }
  return any ? total : null;
}

/** A cell's value as a string, a number or null (rich text joined, a formula's cached result). */
export function plain(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'number' || typeof result === 'string' ? result : null;
  }
  if ('text' in value) return String(value.text);
  return null;
}

const problem = (ref: string | undefined, zh: string, en: string): Problem => ({
  ...(ref === undefined ? {} : { ref }),
  message: { zh, en },
});

function setAt(document: Record<string, unknown>, pointer: string, value: unknown): void {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = document;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) node[segment] = value;
    else node = (node[segment] ??= {}) as Record<string, unknown>;
  });
}

function editionOf(meta: Grid | undefined): Edition | undefined {
  for (const cells of meta?.rows ?? []) {
    if (cells && normalize(String(cells[1]?.value ?? '')) === '格式版本') {
      const value = String(cells[2]?.value ?? '');
      return isEdition(value) ? value : undefined;
    }
  }
  return undefined;
}

function metaValue(field: Field, raw: string | number | null): unknown {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  if (field.kind === 'enum') {
    const text = normalize(String(raw));
    return field.options!.find((option) => normalize(option.title) === text || option.value === text)?.value ?? raw;
  }
  if (field.kind === 'integer') return typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (field.kind === 'const') return field.value;
  return typeof raw === 'number' ? String(raw) : raw;
}

/** The metadata sheet, and the narrative sheet: rows found by the label in column A. */
function readLabelled(
  grid: Grid,
  fields: Field[],
  document: Record<string, unknown>,
  cells: Record<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  const byLabel = new Map(fields.map((field) => [normalize(field.label), field]));
  const byPointer = new Map(fields.map((field) => [field.pointer, field]));
  const lists = new Map<string, unknown[]>();
  grid.rows.forEach((row, rowNumber) => {
    if (!row || rowNumber === 1) return;
    const label = normalize(String(row[1]?.value ?? ''));
    const raw = row[2]?.value ?? null;
    const ref = `${grid.name}!B${rowNumber}`;
    if (label === '') {
      if (raw !== null && String(raw).trim() !== '')
        problems.push(
          problem(
            `${grid.name}!A${rowNumber}`,
            '这一行有内容但没有栏目名称，未读取。',
            'This row has content but no label in column A; not read.',
          ),
        );
      return;
    }
    const field = byLabel.get(label);
    if (!field) {
      problems.push(
        problem(
          `${grid.name}!A${rowNumber}`,
          `未知栏目「${row[1]?.value}」，未读取。`,
          `Unknown label "${row[1]?.value}"; not read.`,
        ),
      );
      return;
    }
    if (field.kind === 'paragraphs' || field.kind === 'unplaced') {
      const list = lists.get(field.pointer) ?? [];
      lists.set(field.pointer, list);
      if (raw === null || String(raw).trim() === '') return;
      const index = list.length;
      if (field.kind === 'unplaced') list.push({ text: String(raw), from: String(row[3]?.value ?? '') });
      else list.push(String(raw));
      cells[`${field.pointer}/${index}`] = ref;
      cells[field.pointer] ??= ref;
      return;
    }
    cells[field.pointer] = ref;
    const value = metaValue(field, raw);
    if (value !== undefined) setAt(document, field.pointer, value);
  });
  // An optional list left empty is left out (as in a hand-written source file).
  for (const [pointer, list] of lists) {
    if (list.length > 0 || byPointer.get(pointer)?.required) setAt(document, pointer, list);
  }
  return problems;
}

/** Reads the bytes of an .xlsx workbook written by nianbao (or edited from one). */
export async function readWorkbook(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: problem(undefined, `无法读取 Excel 文件（${reason}）。`, `Cannot read the Excel file (${reason}).`),
    };
  }
  // A sheet renamed by hand (表三 → 表三（申请情况）) is still found by the start of its name.
  const sheet = (name: string) =>
    workbook.worksheets.find((candidate) => normalize(candidate.name) === name) ??
    workbook.worksheets.find((candidate) => normalize(candidate.name).startsWith(name));
  const metaSheet = sheet(META_SHEET);
  const meta = metaSheet ? gridOf(metaSheet) : undefined;
  const edition = editionOf(meta);
  if (!meta || !edition) {
    return {
      ok: false,
      problem: problem(
        meta ? `${META_SHEET}!A1` : undefined,
        `不是 nianbao 年报工作簿：缺少“${META_SHEET}”工作表或其中的“格式版本”（2019 或 2021）。请用 nianbao new 生成的工作簿填写。`,
        `Not a nianbao report workbook: no sheet "${META_SHEET}" with its 格式版本 row (2019 or 2021). Fill in a workbook made by nianbao new.`,
      ),
    };
  }
  const document: Record<string, unknown> = {};
  const cells: Record<string, string> = {};
  const fields = fieldsOf(edition);
  const isText = (field: Field) => ['heading', 'paragraphs', 'unplaced'].includes(field.kind);
  const problems = readLabelled(
    meta,
    fields.filter((field) => !isText(field)),
    document,
    cells,
  );
  const text = sheet(TEXT_SHEET);
  if (text) problems.push(...readLabelled(gridOf(text), fields.filter(isText), document, cells));
  else problems.push(problem(undefined, `缺少“${TEXT_SHEET}”工作表。`, `The sheet "${TEXT_SHEET}" is missing.`));
  for (const table of tableSheets(edition)) {
    const found = sheet(table.name);
    if (!found) {
      problems.push(problem(undefined, `缺少“${table.name}”工作表。`, `The sheet "${table.name}" is missing.`));
      continue;
    }
    const read = readTable(gridOf(found), table.layout);
    problems.push(...read.problems);
    for (const [pointer, value] of read.values) setAt(document, pointer, value);
    Object.assign(cells, read.cells);
  }
  return { ok: true, document: ordered(document, edition), cells, problems };
}

/** The document's keys in the schema's order (the sheets may list them in any order). */
function ordered(document: Record<string, unknown>, edition: Edition): Record<string, unknown> {
  const root = schemaFor(edition);
  const sort = (value: unknown, schema: Record<string, unknown> | undefined): unknown => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const resolved = schema?.$ref
      ? (root.$defs as Record<string, Record<string, unknown>>)[String(schema.$ref).split('/').pop()!]
      : schema;
    const properties = (resolved?.properties ?? {}) as Record<string, Record<string, unknown>>;
    const keys = Object.keys(value).sort(
      (a, b) => Number(properties[a]?.['x-order'] ?? 999) - Number(properties[b]?.['x-order'] ?? 999),
    );
    return Object.fromEntries(keys.map((key) => [key, sort((value as Record<string, unknown>)[key], properties[key])]));
  };
  return sort(document, root) as Record<string, unknown>;
}

export const pointerOf = (segments: string[]) => segments.map((s) => `/${escapeSegment(s)}`).join('');
