/**
 * Edition migration: a report of the 2019 edition becomes one of the 2021 edition by the mapping
 * declared in schemas/migrations/2019-to-2021.json. The result is built by walking the target schema in
 * its official order (so a written file reads like a hand-made one); every field takes what its entry
 * says. Nothing is invented: a target table cell without a source is null (the schema's "not reported")
 * and listed in `notCarried`; a source value with no place in the new edition is listed in `dropped`.
 */
import {
  describePlace,
  escapeSegment,
  getAt,
  isEdition,
  propertiesOf,
  resolveRef,
  schemaFor,
  type Edition,
  type JsonSchema,
} from '@nianbao/template';
import { MAPPINGS } from './generated/mappings.js';
import { isCopy, isDropped, isNew, targetsOf, type Mapping, type TargetEntry } from './mapping.js';

export type Lang = 'zh' | 'en';

export interface MigrateOptions {
  /** The edition to migrate to. */
  to: '2021';
  /** Language of `label` and `reason` (default zh). */
  lang?: Lang;
  /**
   * Names the source report in the `provenance` added when cells are left not reported (the schema
   * allows null cells only in a document with provenance). Default: 2019年格式报告.
   */
  source?: string;
}

/** A target table cell left not reported (null): no field of the old edition holds its number. */
export interface NotCarried {
  /** JSON Pointer into the migrated document. */
  pointer: string;
  /** Official labels along the pointer, joined with ' › '. */
  label: string;
  reason: string;
}

/** A value of the source document that has no place in the new edition. */
export interface Dropped {
  /** JSON Pointer into the source document. */
  pointer: string;
  label: string;
  value: unknown;
  reason: string;
}

export interface MigrateResult {
  document: unknown;
  notCarried: NotCarried[];
  dropped: Dropped[];
}

export type MigrationErrorCode = 'not-a-report' | 'unknown-edition' | 'no-mapping';

/** Thrown when the input cannot be migrated at all (not a report, unknown edition). */
export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    readonly messages: { zh: string; en: string },
  ) {
    super(messages.en);
    this.name = 'MigrationError';
  }
}

const SEPARATOR = ' › ';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The official label of a place: the titles along its pointer. */
export function labelOf(schema: JsonSchema, pointer: string): string {
  const path = describePlace(schema, pointer).path;
  return path.length > 0 ? path.join(SEPARATOR) : pointer;
}

/** A schema node accepts null: it is a table cell (count or amount) that can be "not reported". */
function isCell(root: JsonSchema, site: JsonSchema): boolean {
  const type = resolveRef(root, site).type;
  return Array.isArray(type) && type.includes('null');
}

/** The mapping from `from` to `to`, or undefined when none is declared. */
export function mappingFor(from: string, to: string): Mapping | undefined {
  return MAPPINGS[`${from}-to-${to}`];
}

interface Walk {
  source: unknown;
  root: JsonSchema;
  targets: Map<string, TargetEntry>;
  lang: Lang;
  notCarried: NotCarried[];
}

/** Every cell under `site` set to null (in official order), each listed as not carried. */
function notReported(walk: Walk, pointer: string, site: JsonSchema, reason: string): unknown {
  if (isCell(walk.root, site)) {
    walk.notCarried.push({ pointer, label: labelOf(walk.root, pointer), reason });
    return null;
  }
  const properties = propertiesOf(walk.root, site);
  if (properties.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const property of properties) {
    const value = notReported(walk, `${pointer}/${escapeSegment(property.key)}`, property.site, reason);
    if (value !== undefined) out[property.key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function apply(walk: Walk, entry: TargetEntry, pointer: string, site: JsonSchema): unknown {
  if (isCopy(entry)) {
    const value = getAt(walk.source, entry.from);
    return value === undefined ? undefined : structuredClone(value);
  }
  if (isNew(entry)) return notReported(walk, pointer, site, entry.reason[walk.lang]);
  if (entry.onlyIfPresent && entry.replaces !== undefined && getAt(walk.source, entry.replaces) === undefined)
    return undefined;
  return structuredClone(entry.value);
}

/** Builds the target value at `pointer` from its entry, or from its fields when it has none. */
function build(walk: Walk, pointer: string, site: JsonSchema): unknown {
  const entry = walk.targets.get(pointer);
  if (entry) return apply(walk, entry, pointer, site);
  const properties = propertiesOf(walk.root, site);
  if (properties.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const property of properties) {
    const value = build(walk, `${pointer}/${escapeSegment(property.key)}`, property.site);
    if (value !== undefined) out[property.key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Every leaf value under `pointer` of the source (an object is listed field by field). */
function leaves(value: unknown, pointer: string, out: { pointer: string; value: unknown }[]): void {
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, `${pointer}/${escapeSegment(key)}`, out);
  } else out.push({ pointer, value });
}

function droppedValues(mapping: Mapping, source: unknown, sourceRoot: JsonSchema, lang: Lang): Dropped[] {
  const dropped: Dropped[] = [];
  for (const entry of mapping.fields) {
    if (!isDropped(entry)) continue;
    const found: { pointer: string; value: unknown }[] = [];
    const value = getAt(source, entry.from);
    if (value !== undefined) leaves(value, entry.from, found);
    for (const leaf of found) {
      dropped.push({ ...leaf, label: labelOf(sourceRoot, leaf.pointer), reason: entry.reason[lang] });
    }
  }
  return dropped;
}

function editionOf(document: unknown): Edition {
  if (!isObject(document)) {
    throw new MigrationError('not-a-report', {
      zh: '输入不是报告：应为一个对象（映射）。',
      en: 'The input is not a report: it must be an object (a mapping).',
    });
  }
  const edition = document.edition;
  if (!isEdition(edition)) {
    throw new MigrationError('unknown-edition', {
      zh: `未知的格式版本（edition）${JSON.stringify(edition) ?? '（缺少）'}：应为 "2019" 或 "2021"。`,
      en: `Unknown edition ${JSON.stringify(edition) ?? '(missing)'}: it must be "2019" or "2021".`,
    });
  }
  return edition;
}

/**
 * Migrates a report to the edition `options.to`. A report already in that edition comes back as a
 * copy with nothing listed. Throws MigrationError for an input that is not a report of a known
 * edition; otherwise never throws (a report with errors migrates as it is: validate the result).
 */
export function migrateReport(document: unknown, options: MigrateOptions): MigrateResult {
  const from = editionOf(document);
  const lang = options.lang ?? 'zh';
  if (from === options.to) return { document: structuredClone(document), notCarried: [], dropped: [] };
  const mapping = mappingFor(from, options.to);
  if (!mapping || !isEdition(options.to)) {
    throw new MigrationError('no-mapping', {
      zh: `没有从${from}年格式到${options.to}年格式的迁移。`,
      en: `There is no migration from the ${from} edition to the ${options.to} edition.`,
    });
  }
  const root = schemaFor(options.to);
  const walk: Walk = { source: document, root, targets: targetsOf(mapping), lang, notCarried: [] };
  const migrated = (build(walk, '', root) ?? {}) as Record<string, unknown>;
  if (walk.notCarried.length > 0 && migrated.provenance === undefined) {
    // The schema's "not reported" (null) belongs to documents that say where they come from.
    const source = options.source ?? (lang === 'zh' ? '2019年格式报告' : 'a report in the 2019 edition');
    migrated.provenance = {
      importedFrom:
        lang === 'zh'
          ? `${source}（由 nianbao migrate 转为2021年格式）`
          : `${source} (migrated to the 2021 edition by nianbao migrate)`,
    };
  }
  const dropped = droppedValues(mapping, document, schemaFor(from), lang);
  return { document: migrated, notCarried: walk.notCarried, dropped };
}
