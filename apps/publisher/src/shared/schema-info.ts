/** Questions about a place in a report answered from the edition's JSON Schema. */
import { propertiesOf, resolveRef, schemaFor, type Edition, type JsonSchema } from '@nianbao/template';

/** The schema at a path (in `root`: the edition's schema, or it patched by local extensions) of property keys (array items followed), or undefined off the schema. */
export function schemaAt(
  edition: Edition,
  segments: readonly (string | number)[],
  root: JsonSchema = schemaFor(edition),
): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of segments) {
    if (!node) return undefined;
    const resolved: JsonSchema = resolveRef(root, node);
    if (typeof key === 'number' || /^\d+$/.test(String(key))) {
      node = resolved.items as JsonSchema | undefined;
      if (node) continue;
    }
    node = propertiesOf(root, resolved).find((property) => property.key === String(key))?.site;
  }
  return node;
}

/** Whether the last key of `segments` is required by its parent object. */
export function isRequiredAt(
  edition: Edition,
  segments: readonly string[],
  root: JsonSchema = schemaFor(edition),
): boolean {
  const parent = schemaAt(edition, segments.slice(0, -1), root);
  if (!parent) return false;
  const required = resolveRef(root, parent).required as string[] | undefined;
  return required?.includes(segments[segments.length - 1]!) ?? false;
}
