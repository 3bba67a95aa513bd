/**
 * Reading and changing a report document (plain JSON) at a path of keys. Changes are immutable with
 * structural sharing: only the objects on the path are copied, so the editor's undo history keeps
 * every version cheaply and React sees what changed.
 */
export type Path = readonly (string | number)[];
type Json = unknown;

export function getAt(document: Json, path: Path): Json {
  let current = document;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, Json>)[key as string];
  }
  return current;
}

/** A copy of `document` with `value` at `path` (objects created on the way); `undefined` deletes the key. */
export function setAt(document: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const base = document !== null && typeof document === 'object' ? document : typeof key === 'number' ? [] : {};
  const child = setAt((base as Record<string, Json>)[key as string], rest, value);
  if (Array.isArray(base)) {
    const copy = base.slice();
    if (child === undefined) copy.splice(Number(key), 1);
    else copy[Number(key)] = child;
    return copy;
  }
  const copy: Record<string, Json> = { ...(base as Record<string, Json>) };
  if (child === undefined) delete copy[key];
  else copy[key] = child;
  return copy;
}

/** JSON Pointer (RFC 6901) of a path. */
export function toPointer(path: Path): string {
  return path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The keys of a JSON Pointer. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}
