/**
 * The per-edition layout of a report: sections, topics and the three tables with their header grids,
 * derived once from the schema annotations (titles, x-order, x-row, x-rowHeader, x-corner,
 * x-columnHeader). Reports of the same edition share it; only values are filled per report.
 */
import {
  parsePointer,
  propertiesOf,
  schemaFor,
  editionInfo,
  type Edition,
  type JsonSchema,
  type PropertyInfo,
} from '@nianbao/template';
import { titleOf } from './table-columns.js';
import { tableLayout } from './table-layout.js';
import { topicNumber } from './text.js';
import type { SectionKey, TableKey, TableLayout } from './types.js';

export type PartLayout =
  | { readonly kind: 'paragraphs'; readonly pointer: string; readonly segments: readonly string[] }
  | {
      readonly kind: 'topic';
      readonly key: string;
      readonly pointer: string;
      readonly segments: readonly string[];
      readonly headingSegments: readonly string[];
      readonly paragraphsSegments: readonly string[];
      readonly number: string;
      readonly officialHeading: string;
    }
  | { readonly kind: 'table'; readonly table: TableLayout };

export interface SectionLayout {
  readonly key: SectionKey;
  readonly pointer: string;
  readonly heading: string;
  readonly number: string;
  readonly title: string;
  readonly parts: readonly PartLayout[];
}

export interface EditionLayout {
  readonly edition: Edition;
  readonly issuedWith: string;
  /** 政府信息公开工作年度报告: the schema title without its edition note. */
  readonly documentName: string;
  readonly sections: readonly SectionLayout[];
  readonly tables: readonly TableLayout[];
}

function sectionLayout(root: JsonSchema, section: PropertyInfo, tables: TableLayout[]): SectionLayout {
  const heading = titleOf(section);
  const split = heading.indexOf('、');
  const pointer = `/sections/${section.key}`;
  const parts: PartLayout[] = [];
  let topics = 0;
  for (const property of propertiesOf(root, section.site)) {
    const partPointer = `${pointer}/${property.key}`;
    if (property.site.$ref === '#/$defs/paragraphs') {
      parts.push({ kind: 'paragraphs', pointer: partPointer, segments: parsePointer(partPointer) });
    } else if (property.site.$ref === '#/$defs/topic') {
      topics += 1;
      parts.push({
        kind: 'topic',
        key: property.key,
        pointer: partPointer,
        segments: parsePointer(partPointer),
        headingSegments: parsePointer(`${partPointer}/heading`),
        paragraphsSegments: parsePointer(`${partPointer}/paragraphs`),
        number: topicNumber(topics),
        officialHeading: titleOf(property),
      });
    } else if (property.key === 'table') {
      const table = tableLayout({
        root,
        key: section.key as TableKey,
        pointer: partPointer,
        site: property.site,
        caption: titleOf(property),
      });
      tables.push(table);
      parts.push({ kind: 'table', table });
    } else {
      throw new Error(`section ${section.key}: unexpected property ${property.key}`);
    }
  }
  return {
    key: section.key as SectionKey,
    pointer,
    heading,
    number: split > 0 ? heading.slice(0, split) : '',
    title: split > 0 ? heading.slice(split + 1) : heading,
    parts,
  };
}

function buildEditionLayout(edition: Edition, root: JsonSchema = schemaFor(edition)): EditionLayout {
  const sectionsSite = (root.properties as Record<string, JsonSchema>).sections!;
  const tables: TableLayout[] = [];
  const sections = propertiesOf(root, sectionsSite).map((section) => sectionLayout(root, section, tables));
  const title = String(root.title ?? '');
  const cut = title.indexOf('（');
  return deepFreeze({
    edition,
    issuedWith: editionInfo(edition).issuedWith,
    documentName: cut > 0 ? title.slice(0, cut) : title,
    sections,
    tables,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

const cache = new Map<Edition, EditionLayout>();

const customCache = new WeakMap<JsonSchema, EditionLayout>();

/**
 * The layout of an edition (computed on first use, then shared). With `schema` (the edition's schema
 * patched by local extensions, @nianbao/extension), the layout of that schema: the rows and columns it
 * adds are laid out with their titles like the official ones; cached per schema object.
 */
export function editionLayout(edition: Edition, schema?: JsonSchema): EditionLayout {
  if (schema !== undefined && schema !== schemaFor(edition)) {
    let custom = customCache.get(schema);
    if (!custom) {
      custom = buildEditionLayout(edition, schema);
      customCache.set(schema, custom);
    }
    return custom;
  }
  let layout = cache.get(edition);
  if (!layout) {
    layout = buildEditionLayout(edition);
    cache.set(edition, layout);
  }
  return layout;
}
