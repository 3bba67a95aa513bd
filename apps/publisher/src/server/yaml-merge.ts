/**
 * Saving into a hand-written YAML file without losing what makes it reviewable: the new document is
 * merged into the file's parsed YAML Document node by node, so comments, key order, quoting and the
 * scalars that did not change stay as they were; only changed values, added keys and removed keys
 * show in a diff.
 */
import { type Document, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';

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

/** Puts `value` into `doc` in place (see the module comment). */
export function mergeIntoDocument(doc: Document, value: unknown): void {
  doc.contents = mergeNode(doc, doc.contents, value) as Document['contents'];
}
