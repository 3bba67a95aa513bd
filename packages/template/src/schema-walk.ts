/**
 * Reading the template's annotations: official labels (`title`), order (`x-order`) and table roles
 * (`x-row`: an object whose properties are the cells of one table row). Everything a validator message
 * or a renderer needs to name a place in a report comes from the schema through here.
 */
import type { JsonSchema } from './types.js';
import { parsePointer } from './pointer.js';

/** Follows local `$ref`s (`#/$defs/name`) until a schema without `$ref`. */
export function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
    const defs = root.$defs as Record<string, JsonSchema> | undefined;
    const target = match ? defs?.[match[1]!] : undefined;
    if (!target || hops > 32) throw new Error(`unresolvable $ref ${ref}`);
    current = target;
  }
  return current;
}

export interface PropertyInfo {
  key: string;
  /** The schema at the property site (carries the official title and order). */
  site: JsonSchema;
  /** The site with `$ref` resolved (carries type, properties, x-row). */
  schema: JsonSchema;
  title: string | undefined;
  order: number;
  required: boolean;
}

/** The properties of an object schema in official order. */
export function propertiesOf(root: JsonSchema, schema: JsonSchema): PropertyInfo[] {
  const resolved = resolveRef(root, schema);
  const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((resolved.required ?? []) as string[]);
  return Object.entries(properties)
    .map(([key, site], index) => ({
      key,
      site,
      schema: resolveRef(root, site),
      title: typeof site.title === 'string' ? site.title : undefined,
      order: typeof site['x-order'] === 'number' ? (site['x-order'] as number) : index,
      required: required.has(key),
    }))
    .sort((a, b) => a.order - b.order);
}

export interface PlaceDescription {
  /** Titles of every step from the root, e.g. ['正文', '三、收到和处理…', '收到和处理…', '三、本年度办理结果', …]. */
  path: string[];
  /** Official heading of the section the place is in, e.g. 三、收到和处理政府信息公开申请情况. */
  section?: string;
  /** For a table cell: labels of the row, outermost first (e.g. ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']). */
  row?: string[];
  /** For a table cell: labels of the column, outermost first (e.g. ['法人或其他组织', '商业企业']). */
  column?: string[];
  /** The schema of the place itself, when the pointer follows the schema. */
  schema?: JsonSchema;
}

/**
 * Names a place in a report by the official labels along a JSON Pointer. Steps past what the schema
 * knows (an extra key, an array index) are kept as they are.
 */
export function describePlace(root: JsonSchema, pointer: string): PlaceDescription {
  const segments = parsePointer(pointer);
  const path: string[] = [];
  let section: string | undefined;
  let tableDepth = -1;
  let rowDepth = -1;
  let schema: JsonSchema | undefined = root;
  const titles: string[] = [];
  for (let depth = 0; depth < segments.length; depth++) {
    const segment = segments[depth]!;
    let title: string | undefined;
    if (schema) {
      const resolved: JsonSchema = resolveRef(root, schema);
      const properties = resolved.properties as Record<string, JsonSchema> | undefined;
      const items = resolved.items as JsonSchema | undefined;
      let next: JsonSchema | undefined;
      if (properties && Object.hasOwn(properties, segment)) {
        next = properties[segment];
        title = typeof next!.title === 'string' ? (next!.title as string) : undefined;
      } else if (items && /^\d+$/.test(segment)) {
        next = items;
        title = `第${Number(segment) + 1}段`;
      }
      if (resolved === root && segment === 'sections') title = undefined;
      schema = next;
      if (schema && depth === 1 && segments[0] === 'sections') section = title;
      if (schema && segment === 'table') tableDepth = depth;
      if (schema && rowDepth < 0 && resolveRef(root, schema)['x-row'] === true) rowDepth = depth;
    }
    titles.push(title ?? segment);
    if (title !== undefined) path.push(title);
  }
  const description: PlaceDescription = { path };
  if (section !== undefined) description.section = section;
  if (schema) description.schema = resolveRef(root, schema);
  if (tableDepth >= 0 && rowDepth >= tableDepth) {
    // Table 四 is itself one row: its cells are named by their columns only.
    description.row = titles.slice(tableDepth + 1, rowDepth + 1);
    description.column = titles.slice(rowDepth + 1);
  }
  return description;
}
