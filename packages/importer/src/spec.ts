/**
 * The official structure of the report as the importer needs it, read from the template's schema: the
 * sections with their headings, the three tables as trees of rows and columns with their labels. No
 * official label is typed here; they all come from the schema titles.
 */
import { propertiesOf, resolveRef, schemaFor, type Edition, type JsonSchema } from '@nianbao/template';
import { key, labelKey, type Numbering } from './text.js';

export type CellKind = 'count' | 'signed' | 'decimal' | 'money';

/** A column of a table row: a group (multi-level header) or a cell. */
export interface ColumnNode {
  key: string;
  title: string;
  labelKey: string;
  numbering?: Numbering;
  children?: ColumnNode[];
  kind?: CellKind;
  /** Keys from the row down to this column. */
  path: string[];
}

/** A row of a table (x-row: has columns) or a group of rows (has children). */
export interface RowNode {
  key: string;
  title: string;
  labelKey: string;
  numbering?: Numbering;
  children?: RowNode[];
  columns?: ColumnNode[];
  /** Keys from the table down to this row. */
  path: string[];
  /** Titles from the table down to this row. */
  titles: string[];
  parent?: RowNode;
}

export type TableId = 'proactiveDisclosure' | 'applications' | 'reviewAndLitigation';

export interface TableSpec {
  id: TableId;
  /** Official section heading, e.g. 二、主动公开政府信息情况. */
  sectionTitle: string;
  /** The table's own title. */
  title: string;
  /** The table as a row tree; table 四 is itself one row (root.columns). */
  root: RowNode;
  /** Labels that may appear in the table but are neither rows nor columns (corner, column header, 信息内容). */
  decorations: string[];
}

export interface SectionSpec {
  key: string;
  title: string;
  numbering?: Numbering;
  /** Heading key without its number. */
  labelKey: string;
  /** Sub-topics (一 and 五): key, title. */
  topics: { key: string; title: string; labelKey: string }[];
}

export interface EditionSpec {
  edition: Edition;
  schema: JsonSchema;
  sections: SectionSpec[];
  tables: TableSpec[];
  /** Table labels (keys) found only in this edition: used to tell the editions apart. */
  vocabulary: Set<string>;
}

function kindOf(schema: JsonSchema): CellKind | undefined {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties?.unit && properties.value) return 'money';
  const type = ([] as unknown[]).concat(schema.type ?? []);
  if (type.includes('integer')) return typeof schema.minimum === 'number' && schema.minimum < 0 ? 'signed' : 'count';
  if (type.includes('string')) return 'decimal';
  return undefined;
}

function columnsOf(root: JsonSchema, schema: JsonSchema, path: string[]): ColumnNode[] {
  return propertiesOf(root, schema).map((property) => {
    const title = property.title ?? property.key;
    const { numbering, key: lk } = labelKey(title);
    const node: ColumnNode = { key: property.key, title, labelKey: lk, path: [...path, property.key] };
    if (numbering) node.numbering = numbering;
    const kind = kindOf(property.schema);
    if (kind) node.kind = kind;
    else node.children = columnsOf(root, property.schema, node.path);
    return node;
  });
}

function rowNode(root: JsonSchema, keyName: string, title: string, schema: JsonSchema, parent?: RowNode): RowNode {
  const resolved = resolveRef(root, schema);
  const { numbering, key: lk } = labelKey(title);
  const node: RowNode = {
    key: keyName,
    title,
    labelKey: lk,
    path: parent ? [...parent.path, keyName] : [],
    titles: parent ? [...parent.titles, title] : [],
  };
  if (numbering) node.numbering = numbering;
  if (parent) node.parent = parent;
  if (resolved['x-row'] === true) node.columns = columnsOf(root, resolved, []);
  else node.children = propertiesOf(root, resolved).map((p) => rowNode(root, p.key, p.title ?? p.key, p.schema, node));
  return node;
}

function decorationsOf(root: JsonSchema, schema: JsonSchema, out: string[] = []): string[] {
  const resolved = resolveRef(root, schema);
  for (const name of ['x-corner', 'x-columnHeader', 'x-rowHeader']) {
    if (typeof resolved[name] === 'string') out.push(resolved[name] as string);
  }
  if (resolved['x-row'] !== true) for (const p of propertiesOf(root, resolved)) decorationsOf(root, p.schema, out);
  return [...new Set(out)];
}

export function* rowsOf(node: RowNode): Generator<RowNode> {
  if (node.columns) yield node;
  for (const child of node.children ?? []) yield* rowsOf(child);
}

export function* leavesOf(columns: ColumnNode[]): Generator<ColumnNode> {
  for (const column of columns) {
    if (column.kind) yield column;
    else yield* leavesOf(column.children ?? []);
  }
}

export function* allRowNodes(node: RowNode): Generator<RowNode> {
  for (const child of node.children ?? []) {
    yield child;
    yield* allRowNodes(child);
  }
}

export function* allColumnNodes(columns: ColumnNode[]): Generator<ColumnNode> {
  for (const column of columns) {
    yield column;
    yield* allColumnNodes(column.children ?? []);
  }
}

function tableLabels(table: TableSpec): string[] {
  const labels: string[] = [];
  const seenColumns = new Set<ColumnNode[]>();
  for (const row of [table.root, ...allRowNodes(table.root)]) {
    if (row !== table.root) labels.push(row.labelKey);
    if (row.columns && !seenColumns.has(row.columns)) {
      seenColumns.add(row.columns);
      // Money amounts are one cell: their value/unit titles are not table labels.
      for (const column of allColumnNodes(row.columns)) labels.push(column.labelKey);
    }
  }
  return labels;
}

const cache = new Map<Edition, EditionSpec>();

export function editionSpec(edition: Edition): EditionSpec {
  const cached = cache.get(edition);
  if (cached) return cached;
  const schema = schemaFor(edition);
  const sectionsSchema = resolveRef(schema, (schema.$defs as Record<string, JsonSchema>).sections!);
  const sections: SectionSpec[] = [];
  const tables: TableSpec[] = [];
  for (const section of propertiesOf(schema, sectionsSchema)) {
    const title = section.title ?? section.key;
    const { numbering, key: lk } = labelKey(title);
    const topics = propertiesOf(schema, section.schema)
      .filter((p) => p.key !== 'introduction' && p.key !== 'paragraphs' && p.key !== 'table')
      .map((p) => ({ key: p.key, title: p.title ?? p.key, labelKey: key(p.title ?? p.key) }));
    const spec: SectionSpec = { key: section.key, title, labelKey: lk, topics };
    if (numbering) spec.numbering = numbering;
    sections.push(spec);
    const table = propertiesOf(schema, section.schema).find((p) => p.key === 'table');
    if (table) {
      const tableTitle = table.title ?? section.key;
      const root = rowNode(schema, 'table', tableTitle, table.site);
      tables.push({
        id: section.key as TableId,
        sectionTitle: title,
        title: tableTitle,
        root,
        decorations: decorationsOf(schema, table.site).map(key),
      });
    }
  }
  const spec: EditionSpec = { edition, schema, sections, tables, vocabulary: new Set() };
  cache.set(edition, spec);
  return spec;
}

/** Fills each edition's vocabulary: labels of its tables that the other edition does not use. */
export function editionSpecs(): EditionSpec[] {
  const specs = (['2019', '2021'] as Edition[]).map(editionSpec);
  const labelSets = specs.map((spec) => new Set(spec.tables.flatMap(tableLabels)));
  specs.forEach((spec, index) => {
    if (spec.vocabulary.size) return;
    for (const label of labelSets[index]!) {
      if (label && labelSets.every((set, other) => other === index || !set.has(label))) spec.vocabulary.add(label);
    }
  });
  return specs;
}
