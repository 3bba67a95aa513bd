/**
 * Saving into a hand-written YAML file without losing what makes it reviewable: the new document is
 * merged into the file's parsed YAML Document node by node, so comments, key order, quoting and the
 * scalars that did not change stay as they were; only changed values, added keys and removed keys
 * show in a diff.
 */
import { type Document, isCollection, isMap, isScalar, isSeq, type Node, type Pair, visit } from 'yaml';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isScalarValue = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

const keyOf = (pair: Pair): unknown => (isScalar(pair.key) ? pair.key.value : pair.key);

function mergeNode(doc: Document, node: unknown, value: unknown): unknown {
  if (isPlainObject(value) && isMap(node)) {
    const keys = new Set(Object.keys(value));
    node.items = node.items.filter((pair) => keys.has(String(keyOf(pair))));
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const pair = node.items.find((candidate) => String(keyOf(candidate)) === key);
      if (pair) pair.value = mergeNode(doc, pair.value, item) as Node;
      else node.items.push(doc.createPair(key, item) as Pair);
    }
    return node;
  }
  if (Array.isArray(value) && isSeq(node)) {
    node.items.length = Math.min(node.items.length, value.length);
    value.forEach((item, index) => {
      node.items[index] = index < node.items.length ? mergeNode(doc, node.items[index], item) : doc.createNode(item);
    });
    return node;
  }
  if (isScalarValue(value) && isScalar(node)) {
    // The same node keeps its comment; its style is re-checked when stringified (a string that reads
    // as a number gets quoted).
    if (node.value !== value) node.value = value;
    return node;
  }
  const created = doc.createNode(value);
  if (node && typeof node === 'object' && 'comment' in node && typeof node.comment === 'string')
    created.comment = node.comment;
  return created;
}

/**
 * `key:  # comment` above a mapping: the parser hangs the comment on the mapping, which would print it
 * on a line of its own; it goes back onto the key's line, where the source had it.
 */
function keepKeyLineComments(doc: Document, source: string): void {
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isCollection(value) || !value.commentBefore || !isScalar(pair.key) || !pair.key.range) return;
      const end = pair.key.range[1];
      const lineEnd = source.indexOf('\n', end);
      if (!source.slice(end, lineEnd < 0 ? undefined : lineEnd).includes('#')) return;
      pair.key.comment = value.commentBefore;
      value.commentBefore = undefined;
    },
  });
}

/** Puts `value` into `doc` in place (see the module comment); `source` is the text `doc` was parsed from. */
export function mergeIntoDocument(doc: Document, value: unknown, source?: string): void {
  if (source !== undefined) keepKeyLineComments(doc, source);
  doc.contents = mergeNode(doc, doc.contents, value) as Document['contents'];
}

const spacing = (line: string) => line.replace(/\s+#/, ' #').trimEnd();

/**
 * The stringifier writes one space before a trailing comment; a line that differs from one of the
 * source only in that spacing is given back as the source wrote it, so a diff shows only what changed.
 */
export function keepLineSpacing(source: string, text: string): string {
  const originals = new Map<string, string[]>();
  for (const line of source.split('\n')) {
    const key = spacing(line);
    const list = originals.get(key);
    if (list) list.push(line);
    else originals.set(key, [line]);
  }
  const sourceLines = source.split('\n');
  const keyOf = (line: string) => /^\s*[^\s#:][^:#]*:/.exec(line)?.[0];
  return text
    .split('\n')
    .map((line, index) => {
      const same = originals.get(spacing(line))?.shift();
      if (same !== undefined) return same;
      // A changed value on a line the source had: its comment keeps the source's spacing.
      const old = sourceLines[index];
      const gap = old !== undefined && keyOf(old) === keyOf(line) ? /\s+#/.exec(old)?.[0] : undefined;
      return gap ? line.replace(/\s+#/, gap) : line;
    })
    .join('\n');
}
