/** Readable names of places in a report, from the official labels in the schema (describePlace). */
import { describePlace, parsePointer, toPointer, type JsonSchema } from '@nianbao/template';

export interface Place {
  pointer: string;
  section?: string;
  row?: string[];
  column?: string[];
  /** Official titles along the pointer (steps without a title left out). */
  path: string[];
  /** The title of the place itself, or its key when the schema has none. */
  label: string;
  /** Per pointer segment: its official title, or undefined when the step has none. */
  steps: (string | undefined)[];
  /** The resolved schema of the place, when the pointer follows the schema. */
  schema?: JsonSchema;
}

const SEPARATOR = ' › ';
const caches = new WeakMap<object, Map<string, Place>>();
const bare = new Map<string, Place>();

/** Describes a place; `root` undefined (a document of unknown edition) names places by their keys. */
export function placeOf(root: JsonSchema | undefined, pointer: string): Place {
  let cache = root ? caches.get(root) : bare;
  if (!cache) {
    cache = new Map();
    caches.set(root!, cache);
  }
  let place = cache.get(pointer);
  if (!place) {
    place = describe(root, pointer);
    // Documents can bring any number of unknown keys and paragraphs: keep the cache bounded.
    if (cache.size > 20_000) cache.clear();
    cache.set(pointer, place);
  }
  return place;
}

function describe(root: JsonSchema | undefined, pointer: string): Place {
  const segments = parsePointer(pointer);
  const key = segments[segments.length - 1] ?? '';
  if (!root) return { pointer, path: segments, label: key, steps: segments };
  const description = describePlace(root, pointer);
  // The place has a title of its own when its path is longer than its parent's.
  const parent = segments.length > 0 ? placeOf(root, toPointer(segments.slice(0, -1))) : undefined;
  const titled = description.path.length > (parent?.path.length ?? 0);
  const title = titled ? description.path[description.path.length - 1]! : undefined;
  const steps = segments.length > 0 ? [...parent!.steps, title] : [];
  const place: Place = { pointer, path: description.path, label: title ?? key, steps };
  if (description.section !== undefined) place.section = description.section;
  if (description.row !== undefined) place.row = description.row;
  if (description.column !== undefined) place.column = description.column;
  if (description.schema !== undefined) place.schema = description.schema;
  return place;
}

/** The finding fields (section / row / column) of a place. */
export function placeFields(place: Place): { section?: string; row?: string[]; column?: string[] } {
  const fields: { section?: string; row?: string[]; column?: string[] } = {};
  if (place.section !== undefined) fields.section = place.section;
  // Copies: findings belong to the caller, the cached place does not.
  if (place.row !== undefined) fields.row = [...place.row];
  if (place.column !== undefined) fields.column = [...place.column];
  return fields;
}

/**
 * The wordings of a place, each put together once: a place depends only on its schema and pointer, and
 * the findings of every document at the same place name it alike.
 */
interface PlaceTexts {
  location?: string;
  row?: string;
  column?: string;
  paragraph?: string;
}
const texts = new WeakMap<Place, PlaceTexts>();
function textsOf(place: Place): PlaceTexts {
  let found = texts.get(place);
  if (!found) texts.set(place, (found = {}));
  return found;
}

/** A table cell as 「row labels」「column labels」, any other place as 「title › title」. */
export function locationText(place: Place): string {
  const memo = textsOf(place);
  return (memo.location ??= wordLocation(place));
}

function wordLocation(place: Place): string {
  if (place.column !== undefined && place.row !== undefined) {
    const parts = [place.row, place.column].filter((labels) => labels.length > 0);
    return parts.map((labels) => `「${labels.join(SEPARATOR)}」`).join('');
  }
  const path = readableSteps(place);
  return `「${(path.length > 0 ? path : [place.label || '报告']).join(SEPARATOR)}」`;
}

/** Drops a title that only repeats the one before it (a table titled like its numbered section). */
function withoutEchoes(path: string[]): string[] {
  return path.filter((title, i) => i === 0 || !path[i - 1]!.endsWith(title));
}

export function rowText(place: Place): string {
  const memo = textsOf(place);
  return (memo.row ??= wordRow(place));
}

function wordRow(place: Place): string {
  if (place.row && place.row.length > 0) return place.row.join(SEPARATOR);
  return (place.path.length > 0 ? place.path : [place.label]).join(SEPARATOR);
}

export function columnText(place: Place): string {
  const memo = textsOf(place);
  return (memo.column ??= wordColumn(place));
}

function wordColumn(place: Place): string {
  if (place.column && place.column.length > 0) return place.column.join(SEPARATOR);
  return place.label;
}

/** The titles along a place, without the generic 正文 step of a narrative and without echoes. */
function readableSteps(place: Place): string[] {
  const segments = parsePointer(place.pointer);
  const titles = place.steps.filter(
    (title, depth): title is string => title !== undefined && !(segments[depth] === 'paragraphs' && title === '正文'),
  );
  return withoutEchoes(titles);
}

/** A paragraph as 「一、总体情况 › 主动公开 › 第2段」. */
export function paragraphText(place: Place): string {
  const memo = textsOf(place);
  return (memo.paragraph ??= wordParagraph(place));
}

function wordParagraph(place: Place): string {
  const titles = readableSteps(place);
  return `「${(titles.length > 0 ? titles : [place.label]).join(SEPARATOR)}」`;
}
