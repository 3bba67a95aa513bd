/**
 * New reports: a blank one of an edition and year, or one started from last year's report (metadata
 * copied, 上年结转 filled from last year's 结转下年度继续办理, narrative copied as a draft). Table cells
 * start not reported (null): the clerk sees which are still to fill, and 0 is always typed on purpose.
 */
import { editionLayout } from '@nianbao/view-model';
import type { Edition, JsonSchema } from '@nianbao/template';
import { getAt, setAt } from './doc.js';
import { isRequiredAt } from './schema-info.js';

export interface NotCarried {
  pointer: string;
  label: string;
  reason: string;
}

function emptyTables(document: unknown, edition: Edition, schema?: JsonSchema): unknown {
  let doc = document;
  for (const table of editionLayout(edition, schema).tables)
    for (const cell of table.cells)
      doc = setAt(doc, cell.segments, cell.valueKind === 'money' ? { value: null, unit: '万元' } : null);
  return doc;
}

function emptyNarrative(document: unknown, edition: Edition, schema?: JsonSchema): unknown {
  let doc = setAt(document, ['preface', 'paragraphs'], []);
  for (const section of editionLayout(edition, schema).sections)
    for (const part of section.parts) {
      // Required lists only: an optional 说明 or 概述 appears when the clerk adds a paragraph.
      if (part.kind === 'topic') doc = setAt(doc, part.paragraphsSegments, []);
      else if (part.kind === 'paragraphs' && isRequiredAt(edition, part.segments, schema))
        doc = setAt(doc, part.segments, []);
    }
  return doc;
}

/**
 * A blank report: the year's statistics period, every narrative part empty, every cell not reported
 * (the cells local extensions add too, when `schema` is the edition's schema they patched).
 */
export function blankReport(edition: Edition, year: number, schema?: JsonSchema): unknown {
  let doc: unknown = {
    edition,
    metadata: {
      agency: {},
      reportYear: year,
      statisticsPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    },
  };
  doc = emptyNarrative(doc, edition, schema);
  return emptyTables(doc, edition, schema);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Copies last year's narrative where this edition has the same part; the rest is listed. */
function carryNarrative(doc: unknown, last: unknown, edition: Edition, notCarried: NotCarried[]): unknown {
  let out = doc;
  const copyList = (segments: readonly string[]) => {
    const value = getAt(last, segments);
    if (Array.isArray(value) && value.length > 0) out = setAt(out, segments, value.slice());
  };
  copyList(['preface', 'paragraphs']);
  const known = new Set<string>();
  for (const section of editionLayout(edition).sections)
    for (const part of section.parts) {
      if (part.kind === 'table') continue;
      known.add(part.segments.join('/'));
      if (part.kind === 'paragraphs') copyList(part.segments);
      else {
        copyList(part.paragraphsSegments);
        const heading = getAt(last, part.headingSegments);
        if (typeof heading === 'string') out = setAt(out, part.headingSegments, heading);
      }
    }
  const sections = getAt(last, ['sections']);
  if (isObject(sections))
    for (const [key, section] of Object.entries(sections))
      if (isObject(section))
        for (const [partKey, part] of Object.entries(section)) {
          if (partKey === 'table' || known.has(`sections/${key}/${partKey}`) || part === undefined) continue;
          notCarried.push({
            pointer: `/sections/${key}/${partKey}`,
            label: `${key} › ${partKey}`,
            reason: '本年格式没有这一部分 / this edition has no such part',
          });
        }
  return out;
}

/**
 * This year's report from last year's: metadata (agency, contact, electronic version) copied with the
 * new year's dates, the narrative copied as a draft to rewrite, 上年结转 from 结转下年度继续办理, every
 * other cell not reported. `notCarried` lists what last year had and this edition cannot hold.
 */
export function reportFromLastYear(
  last: unknown,
  edition: Edition,
  year: number,
  schema?: JsonSchema,
): { document: unknown; notCarried: NotCarried[] } {
  const notCarried: NotCarried[] = [];
  let doc = blankReport(edition, year, schema);
  const metadata = getAt(last, ['metadata']);
  if (isObject(metadata)) {
    for (const key of ['agency', 'contact', 'electronicVersion'])
      if (metadata[key] !== undefined) doc = setAt(doc, ['metadata', key], structuredClone(metadata[key]));
  }
  doc = carryNarrative(doc, last, edition, notCarried);
  const table = editionLayout(edition).tables.find((candidate) => candidate.key === 'applications');
  for (const cell of table?.cells ?? []) {
    if (cell.rowId !== 'carriedOverFromLastYear') continue;
    const from = [...cell.segments.slice(0, -cell.columnId.split('/').length - 1), 'carriedOverToNextYear'];
    const value = getAt(last, [...from, ...cell.columnId.split('/')]);
    if (typeof value === 'number') doc = setAt(doc, cell.segments, value);
    else
      notCarried.push({
        pointer: cell.pointer,
        label: `上年结转 › ${cell.columnLabels.join(' › ')}`,
        reason: '上年报告没有这一格的结转数 / last year has no carried-over number for this cell',
      });
  }
  return { document: doc, notCarried };
}
