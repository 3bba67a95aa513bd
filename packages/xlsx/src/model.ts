/**
 * What a workbook holds, derived from the edition's schema and the shared table layout
 * (@nianbao/view-model): the sheets of the three tables, the fields of the metadata sheet and of the
 * narrative sheet, and which table cells are totals of which others. Nothing here is drawn by hand:
 * a label is a schema `title`, a total is a schema field named `total` (官方「总计」).
 */
import { escapeSegment, resolveRef, schemaFor, type Edition, type JsonSchema } from '@nianbao/template';
import { editionLayout, type DataCellLayout, type TableLayout } from '@nianbao/view-model';

export const META_SHEET = '报告信息';
export const TEXT_SHEET = '正文';
export const SEPARATOR = ' › ';

export type FieldKind = 'const' | 'enum' | 'text' | 'integer' | 'heading' | 'paragraphs' | 'unplaced';

/** A field outside the tables: one row of the metadata sheet, or rows of the narrative sheet. */
export interface Field {
  pointer: string;
  /** Official titles along the pointer, joined with ' › ' (the row label in column A). */
  label: string;
  kind: FieldKind;
  required: boolean;
  /** For `enum`: the allowed values and their official titles. */
  options?: { value: string; title: string }[];
  /** For `const`: the value. */
  value?: unknown;
}

export interface TableSheet {
  name: string;
  layout: TableLayout;
}

/** The three tables, each on a sheet named after its section: 表二, 表三, 表四. */
export function tableSheets(edition: Edition): TableSheet[] {
  const layout = editionLayout(edition);
  return layout.tables.map((table) => {
    const section = layout.sections.find((candidate) => table.pointer.startsWith(`${candidate.pointer}/`));
    return { name: `表${section?.number.replace(/、$/, '') ?? table.key}`, layout: table };
  });
}

function enumOptions(schema: JsonSchema): { value: string; title: string }[] | undefined {
  const oneOf = schema.oneOf as JsonSchema[] | undefined;
  if (!oneOf?.every((member) => typeof member.const === 'string')) return undefined;
  return oneOf.map((member) => ({ value: member.const as string, title: String(member.title ?? member.const) }));
}

function leafKind(schema: JsonSchema, inText: boolean): FieldKind | undefined {
  if ('const' in schema) return 'const';
  if (enumOptions(schema)) return 'enum';
  if (schema.type === 'integer') return 'integer';
  if (schema.type === 'string') return inText ? 'heading' : 'text';
  if (schema.type === 'array') {
    const items = schema.items as JsonSchema | undefined;
    return items?.$ref === '#/$defs/unplacedText' ? 'unplaced' : 'paragraphs';
  }
  return undefined;
}

/** Every field outside the three tables, in official order. */
export function fieldsOf(edition: Edition): Field[] {
  const root = schemaFor(edition);
  const fields: Field[] = [];
  const walk = (site: JsonSchema, pointer: string, titles: string[], required: boolean) => {
    const schema = resolveRef(root, site);
    const inText = /^\/(preface|sections)(\/|$)/.test(pointer);
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (properties && schema.type === 'object') {
      const requiredKeys = new Set((schema.required ?? []) as string[]);
      const entries = Object.entries(properties).sort(
        ([, a], [, b]) => Number(a['x-order'] ?? 0) - Number(b['x-order'] ?? 0),
      );
      for (const [key, child] of entries) {
        if (key === 'table' && pointer.startsWith('/sections/')) continue;
        // The document's `sections` holds the six sections: their headings say enough.
        const title = pointer === '' && key === 'sections' ? undefined : (child.title as string | undefined);
        const next = title === undefined ? titles : [...titles, title];
        walk(child, `${pointer}/${escapeSegment(key)}`, next, required && requiredKeys.has(key));
      }
      return;
    }
    const kind = leafKind(schema, inText);
    if (!kind) return;
    const field: Field = { pointer, label: titles.join(SEPARATOR), kind, required };
    if (kind === 'enum') field.options = enumOptions(schema)!;
    if (kind === 'const') field.value = schema.const;
    fields.push(field);
  };
  walk(root, '', [], true);
  return fields;
}

/** A total cell and the cells it adds up. */
export interface Total {
  cell: DataCellLayout;
  addends: DataCellLayout[];
}

/**
 * The totals of a table: a cell named `total` adds up the other cells of its row (表三's 总计 column,
 * 表四's 总计 of each block); a row named `total` (表三's （七）总计) adds up, column by column, the
 * rows beside it. The corner where both meet is a row total, as the rule B-ROW has it.
 */
export function totalsOf(table: TableLayout): Total[] {
  const totals: Total[] = [];
  const parentOf = (path: string) => path.split('/').slice(0, -1).join('/');
  for (const cell of table.cells) {
    if (cell.columnId.split('/').at(-1) === 'total') {
      const block = parentOf(cell.columnId);
      const addends = table.cells.filter(
        (other) =>
          other !== cell && other.rowId === cell.rowId && (block === '' || other.columnId.startsWith(`${block}/`)),
      );
      totals.push({ cell, addends });
    } else if (cell.rowId.split('/').at(-1) === 'total') {
      const group = parentOf(cell.rowId);
      const addends = table.cells.filter(
        (other) =>
          other !== cell &&
          other.columnId === cell.columnId &&
          other.rowId.startsWith(`${group}/`) &&
          other.rowId !== cell.rowId,
      );
      totals.push({ cell, addends });
    }
  }
  return totals;
}

/** Removes what varies between hand-typed copies of a label: spaces, line breaks. */
export const normalize = (text: string) => text.replace(/[\s\u3000]+/g, '');
