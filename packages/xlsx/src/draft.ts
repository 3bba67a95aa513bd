/**
 * An empty report to fill in: every table cell not filled in (null), the narrative empty, the
 * statistics period the calendar year. With last year's report, what does not change from year to
 * year comes along (the agency, its contact, where the report is published) and 二、上年结转 is
 * last year's 四、结转下年度继续办理, column by column (the same in both editions).
 */
import {
  escapeSegment,
  getAt,
  isEdition,
  propertiesOf,
  schemaFor,
  type Edition,
  type JsonSchema,
} from '@nianbao/template';
import { XlsxError } from './write.js';

const CARRIED = '/sections/applications/table/carriedOverFromLastYear';
const TO_NEXT_YEAR = '/sections/applications/table/carriedOverToNextYear';

/** The skeleton of a schema node: objects with their required fields, cells null, lists empty. */
function skeleton(root: JsonSchema, site: JsonSchema): unknown {
  const properties = propertiesOf(root, site);
  if (properties.length > 0) {
    const out: Record<string, unknown> = {};
    for (const property of properties) {
      if (!property.required) continue;
      out[property.key] = skeleton(root, property.site);
    }
    return out;
  }
  const schema = resolve(root, site);
  if (schema.type === 'array') return [];
  if (Array.isArray(schema.type) && schema.type.includes('null')) return null;
  if ('const' in schema) return schema.const;
  if (schema.type === 'integer') return null;
  return '';
}

function resolve(root: JsonSchema, site: JsonSchema): JsonSchema {
  let current = site;
  while (typeof current.$ref === 'string')
    current = (root.$defs as Record<string, JsonSchema>)[current.$ref.split('/').pop()!]!;
  return current;
}

function setAt(document: unknown, pointer: string, value: unknown): void {
  const segments = pointer.split('/').slice(1);
  const parent = getAt(document, `/${segments.slice(0, -1).map(escapeSegment).join('/')}`.replace(/\/$/, '')) as Record<
    string,
    unknown
  >;
  parent[segments.at(-1)!] = value;
}

/** Every leaf pointer under `pointer` of a value (the cells of a table row). */
function leaves(value: unknown, pointer: string, out: string[] = []): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, `${pointer}/${escapeSegment(key)}`, out);
  } else out.push(pointer);
  return out;
}

export interface DraftOptions {
  edition: Edition;
  year: number;
  /** Last year's report (either edition): carries the agency, contact and 上年结转. */
  previous?: unknown;
}

export function draftReport(options: DraftOptions): Record<string, unknown> {
  const { edition, year, previous } = options;
  if (!isEdition(edition))
    throw new XlsxError({ zh: `未知的格式版本 ${edition}。`, en: `Unknown edition ${edition}.` });
  const root = schemaFor(edition);
  const draft = skeleton(root, root) as Record<string, unknown>;
  const metadata = draft.metadata as Record<string, unknown>;
  metadata.reportYear = year;
  metadata.statisticsPeriod = { start: `${year}-01-01`, end: `${year}-12-31` };
  if (previous !== undefined) {
    for (const key of ['agency', 'contact', 'electronicVersion']) {
      const value = getAt(previous, `/metadata/${key}`);
      if (value !== undefined) metadata[key] = structuredClone(value);
    }
    for (const pointer of leaves(getAt(draft, CARRIED), CARRIED)) {
      const value = getAt(previous, TO_NEXT_YEAR + pointer.slice(CARRIED.length));
      if (typeof value === 'number') setAt(draft, pointer, value);
    }
  }
  return draft;
}
