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
  /** Whether the text has an ASCII digit (asked once, by the first statedCount check). */
  digits?: boolean;
  /** The text without invisible format characters (asked once, by the first forbiddenText check). */
  visible?: string;
}

export const escapeKey = (key: string): string =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

/**
 * Every string of the report, in document order (a pointer is built only for a string). A report that
 * conforms to its schema is walked by its schema, past the tables (numbers only).
 */
function allTexts(document: unknown, root: JsonSchema | undefined): TextEntry[] {
  const found: TextEntry[] = [];
  const path: string[] = [];
  const walk = (value: unknown, schema: JsonSchema | boolean | undefined): void => {
    if (typeof value === 'string') found.push({ text: value, pointer: path.join('') });
    else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        if (typeof item !== 'string' && (item === null || typeof item !== 'object')) continue;
        const child = root && childSchema(root, schema, key);
        if (root && holdsNoString(root, child)) continue;
        path.push(`/${escapeKey(key)}`);
        walk(item, child);
        path.pop();
      }
    }
  };
  walk(document, root);
  return found;
}

/** Every string of this year's report, collected once per evaluation. */
export function reportTexts(scope: Scope): TextEntry[] {
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
    result = [];
    for (const { pointer } of list.refs) below(reportTexts(scope), pointer, result);
    if (list.overlapping) result = [...new Set(result)];
  }
  scope.memo.texts.set(list.key, result);
  return result;
}

/** The entries at or below a pointer: one run of the list, which is in document order. */
function below(all: readonly TextEntry[], pointer: string, into: TextEntry[]): void {
  const prefix = `${pointer}/`;
  let inside = false;
  for (const entry of all) {
    const here = pointer === '' || entry.pointer === pointer || entry.pointer.startsWith(prefix);
    if (here) into.push(entry);
    else if (inside) return;
    inside = here;
  }
}

/** The first of the pointers that exists in the report: where a finding about all their texts points. */
export function firstPresent(pointers: readonly string[], scope: Scope): string {
  const refs = pointers.map((pointer) => place(pointer, scope));
  return (refs.find((ref) => valueAt(scope, ref) !== undefined) ?? refs[0])?.pointer ?? '';
}

const INVISIBLE = /\p{Cf}/u;
const INVISIBLE_ALL = /\p{Cf}/gu;

/** The text without invisible format characters (zero-width space and joiners, U+FEFF, soft hyphen, bidi marks). */
export const visibleText = (entry: TextEntry): string =>
  (entry.visible ??= INVISIBLE.test(entry.text) ? entry.text.replace(INVISIBLE_ALL, '') : entry.text);

/** Case-insensitive for Latin letters only (other scripts have no case that matters here). */
export const foldLatin = (text: string): string => text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
