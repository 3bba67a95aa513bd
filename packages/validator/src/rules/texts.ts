/**
 * The texts the text checks read: every string below a check's pointers, with its pointer.
 */
import type { JsonSchema } from '@nianbao/template';
import { place, valueAt, type Scope } from './scope.js';
import { childSchema, holdsNoString } from './stringless.js';

/** A string of the document and its JSON Pointer. */
export interface TextEntry {
  text: string;
  pointer: string;
}

export const escapeKey = (key: string): string =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

/** Where the strings below a place start and end in the list of every string (they are consecutive). */
export interface Span {
  pointer: string;
  start: number;
  end: number;
}

/**
 * Every string of the report in document order, and the span of each place the walk entered that holds
 * one. The spans are a list, not a Map by pointer: an evaluation looks up a dozen pointers, and a Map
 * would hash every place's pointer (each made by concatenation, so copied flat first), which costs more
 * than the walk itself.
 */
export interface ReportTexts {
  entries: TextEntry[];
  spans: Span[];
}

/**
 * Walks the report once. A report that conforms to its schema is walked by its schema, past the tables
 * (numbers only).
 */
function allTexts(document: unknown, root: JsonSchema | undefined): ReportTexts {
  const entries: TextEntry[] = [];
  const spans: Span[] = [];
  const walk = (value: unknown, pointer: string, schema: JsonSchema | boolean | undefined): void => {
    const start = entries.length;
    if (typeof value === 'string') entries.push({ text: value, pointer });
    else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) visit(value[i], pointer, String(i), schema);
    else
      for (const key of Object.keys(value as object))
        visit((value as Record<string, unknown>)[key], pointer, key, schema);
    if (entries.length > start) spans.push({ pointer, start, end: entries.length });
  };
  const visit = (item: unknown, parent: string, key: string, schema: JsonSchema | boolean | undefined): void => {
    if (typeof item !== 'string' && (item === null || typeof item !== 'object')) return;
    const child = root && childSchema(root, schema, key);
    if (root && holdsNoString(root, child)) return;
    walk(item, `${parent}/${escapeKey(key)}`, child);
  };
  if (typeof document === 'string' || (document !== null && typeof document === 'object')) walk(document, '', root);
  return { entries, spans };
}

/** Every string of this year's report, collected once per evaluation. */
export function reportTexts(scope: Scope): ReportTexts {
  const { value, root, conforms } = scope.current;
  if (!scope.memo.all) scope.memo.all = allTexts(value, conforms ? root : undefined);
  return scope.memo.all;
}

/**
 * Every string below the pointers, each once (pointers may overlap: '/sections' and '/sections/overview'),
 * pointer by pointer in document order; undefined when none of the pointers exists.
 */
export function texts(pointers: readonly string[], scope: Scope): TextEntry[] | undefined {
  let list = scope.binding.lists.get(pointers);
  if (!list) {
    const refs = pointers.map((pointer) => place(pointer, scope));
    const absolute = refs.map((ref) => ref.pointer);
    // Only pointers that overlap ('/sections' and '/sections/overview') can reach a text twice.
    const overlapping = absolute.some((a, i) =>
      absolute.some((b, j) => i !== j && (a === '' || b === a || b.startsWith(`${a}/`))),
    );
    list = { refs, key: absolute.join('\u0000'), overlapping };
    scope.binding.lists.set(pointers, list);
  }
  if (scope.memo.texts.has(list.key)) return scope.memo.texts.get(list.key);
  let result: TextEntry[] | undefined;
  if (list.refs.some((ref) => valueAt(scope, ref) !== undefined)) {
    const { entries, spans } = reportTexts(scope);
    result = [];
    for (const { pointer } of list.refs) {
      const span = spans.find((candidate) => candidate.pointer === pointer);
      if (span) for (let i = span.start; i < span.end; i++) result.push(entries[i]!);
    }
    if (list.overlapping) result = [...new Set(result)];
  }
  scope.memo.texts.set(list.key, result);
  return result;
}

/** The first of the pointers that exists in the report: where a finding about all their texts points. */
export function firstPresent(pointers: readonly string[], scope: Scope): string {
  const refs = pointers.map((pointer) => place(pointer, scope));
  return (refs.find((ref) => valueAt(scope, ref) !== undefined) ?? refs[0])?.pointer ?? '';
}

/** Case-insensitive for Latin letters only (other scripts have no case that matters here). */
export const foldLatin = (text: string): string => text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
