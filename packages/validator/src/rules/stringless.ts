/**
 * Which parts of a report can hold no string, by its schema: the tables (hundreds of cells, all numbers)
 * need not be walked for text when the report conforms to its schema.
 */
import { resolveRef, type JsonSchema } from '@nianbao/template';

type Node = JsonSchema | boolean | undefined;
const memo = new WeakMap<object, boolean>();

const resolve = (root: JsonSchema, node: Node): Node =>
  typeof node === 'object' && node !== null ? resolveRef(root, node) : node;

const children = new WeakMap<object, Map<string, Node>>();

/** The schema of a property or item below a (resolved) node; undefined: anything may be there. */
export function childSchema(root: JsonSchema, node: Node, key: string): Node {
  if (typeof node !== 'object' || node === null) return node === false ? false : undefined;
  let known = children.get(node);
  if (!known) children.set(node, (known = new Map()));
  // Array items share one entry: the key of an item is its index.
  const name = node.items !== undefined && /^[0-9]+$/.test(key) ? '' : key;
  if (!known.has(name)) known.set(name, findChild(root, node, key));
  return known.get(name);
}

function findChild(root: JsonSchema, node: JsonSchema, key: string): Node {
  const properties = node.properties as Record<string, JsonSchema> | undefined;
  if (properties && Object.hasOwn(properties, key)) return resolve(root, properties[key]);
  if (node.items !== undefined) return resolve(root, node.items as JsonSchema);
  return node.additionalProperties === false ? false : resolve(root, node.additionalProperties as Node);
}

/** Whether no value that fits the node can be or contain a string. */
export function holdsNoString(root: JsonSchema, node: Node): boolean {
  if (node === false) return true;
  if (node === undefined || node === true || node === null) return false;
  let known = memo.get(node);
  if (known === undefined) {
    memo.set(node, false); // a schema that refers to itself: assume it may hold one
    known = decide(root, node);
    memo.set(node, known);
  }
  return known;
}

function decide(root: JsonSchema, node: JsonSchema): boolean {
  const types = node.type === undefined ? undefined : ([] as unknown[]).concat(node.type);
  if (types === undefined || types.includes('string')) return false;
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[keyword])) return false;
  const properties = Object.values((node.properties ?? {}) as Record<string, JsonSchema>);
  const children: Node[] = [...properties, node.items as Node];
  if (types.includes('object'))
    children.push(node.additionalProperties === false ? false : ((node.additionalProperties as Node) ?? true));
  return children.every((child) => child === undefined || holdsNoString(root, resolve(root, child)));
}
