/**
 * The mapping against both schemas: every field of the 2021 schema is the target of exactly one entry,
 * every field of the 2019 schema is carried or declared dropped, a copied subtree has the same fields
 * of the same types on both sides, and the file fits schemas/migration.schema.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { escapeSegment, propertiesOf, resolveRef, schemaFor, type JsonSchema } from '@nianbao/template';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { mappingFor, type MappingEntry } from '../src/index.js';

const read = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'));
const mappingFile = read('../../../schemas/migrations/2019-to-2021.json');
const mapping = mappingFor('2019', '2021')!;

/** Every leaf field (no properties of its own) of a schema, with its resolved schema. */
function leavesOf(root: JsonSchema, site: JsonSchema = root, pointer = ''): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const properties = propertiesOf(root, site);
  if (properties.length === 0) out.set(pointer, resolveRef(root, site));
  for (const property of properties) {
    for (const [leaf, schema] of leavesOf(root, property.site, `${pointer}/${escapeSegment(property.key)}`))
      out.set(leaf, schema);
  }
  return out;
}

const under = (pointer: string, prefix: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);
/** What a value must look like, without the labels (which differ between editions, e.g. 规范性文件). */
const shape = (schema: JsonSchema) =>
  JSON.stringify(schema, (key, value) => (['title', 'description', 'x-order'].includes(key) ? undefined : value));

const leaves2019 = leavesOf(schemaFor('2019'));
const leaves2021 = leavesOf(schemaFor('2021'));
const targets = mapping.fields.filter((entry): entry is Exclude<MappingEntry, { dropped: true }> => 'to' in entry);

describe('schemas/migrations/2019-to-2021.json', () => {
  it('fits schemas/migration.schema.json, and the package serves the same file', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(read('../../../schemas/migration.schema.json'));
    expect(validate(mappingFile), JSON.stringify(validate.errors)).toBe(true);
    expect(mapping).toEqual(mappingFile);
  });

  it('gives every field of the 2021 schema exactly one source or declares it new', () => {
    expect(leaves2021.size).toBeGreaterThan(200);
    for (const leaf of leaves2021.keys()) {
      const covering = targets.filter((entry) => under(leaf, entry.to));
      expect(
        covering.map((entry) => entry.to),
        leaf,
      ).toHaveLength(1);
    }
  });

  it('names only fields that exist in their schema', () => {
    const has = (leaves: Map<string, JsonSchema>, pointer: string) =>
      [...leaves.keys()].some((leaf) => under(leaf, pointer));
    for (const entry of mapping.fields) {
      if ('to' in entry) expect(has(leaves2021, entry.to), entry.to).toBe(true);
      if ('from' in entry) expect(has(leaves2019, entry.from), entry.from).toBe(true);
      if ('replaces' in entry && entry.replaces) expect(has(leaves2019, entry.replaces)).toBe(true);
    }
  });

  it('carries or drops every field of the 2019 schema, and never both', () => {
    // A fixed value (the edition, the $schema hint) stands in for the field it replaces.
    const sources = mapping.fields.flatMap((entry) =>
      'from' in entry ? [entry] : 'replaces' in entry && entry.replaces ? [{ from: entry.replaces }] : [],
    ) as { from: string; dropped?: true }[];
    for (const leaf of leaves2019.keys()) {
      const covering = sources.filter((entry) => under(leaf, entry.from));
      expect(covering.length, leaf).toBeGreaterThan(0);
      // otherHandling is both: dropped as one 2019 row, its 2021 rows are new (declared separately).
      expect(new Set(covering.map((entry) => Boolean(entry.dropped))).size, leaf).toBe(1);
    }
  });

  it('copies only subtrees whose fields and types are the same in both editions', () => {
    for (const entry of targets) {
      if (!('from' in entry)) continue;
      const relative = (leaves: Map<string, JsonSchema>, prefix: string) =>
        new Map(
          [...leaves]
            .filter(([leaf]) => under(leaf, prefix))
            .map(([leaf, schema]) => [leaf.slice(prefix.length), shape(schema)]),
        );
      expect(relative(leaves2019, entry.from), `${entry.from} → ${entry.to}`).toEqual(relative(leaves2021, entry.to));
    }
  });

  it('declares a reason in both languages for every new and dropped field', () => {
    for (const entry of mapping.fields) {
      if ('reason' in entry) {
        expect(entry.reason.zh.length).toBeGreaterThan(5);
        expect(entry.reason.en.length).toBeGreaterThan(5);
      }
    }
  });
});
