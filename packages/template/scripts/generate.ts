/**
 * Generates src/generated/* from the schemas and rule files in the repository's schemas/ folder:
 * - schemas.ts: the schemas and rule sets as modules, so the package serves them without file I/O;
 * - report-<edition>.ts: TypeScript types (json-schema-to-typescript).
 * `--check` regenerates in memory and fails when a committed file differs (CI: npm run check:generated).
 */
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schemasDir = resolve(packageDir, '../../schemas');
const outDir = join(packageDir, 'src/generated');
const check = process.argv.includes('--check');
const banner = (source: string) =>
  `// GENERATED FILE — do not edit. Source: ${source}\n// Regenerate with \`npm run generate\`; CI fails (npm run check:generated) when this file drifts.\n`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const readJson = (file: string): Json => JSON.parse(readFileSync(join(schemasDir, file), 'utf8')) as Json;

/**
 * json-schema-to-typescript turns every `$ref` that carries siblings (our official `title`, `x-order`)
 * into a fresh numbered type. Types are named after `$defs`, so keep bare `$ref`s for the type pass;
 * the labels stay in the schema, where the validator and renderers read them.
 */
function forTypes(node: Json, edition: string, isRoot = false): Json {
  if (Array.isArray(node)) return node.map((item) => forTypes(item, edition));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') return { $ref: node.$ref };
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'title' || key === '$id') continue;
    if (key === 'properties' || key === '$defs') {
      out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, forTypes(v as Json, edition)]));
    } else out[key] = forTypes(value, edition);
  }
  if (isRoot) out.title = `Report${edition}`;
  return out;
}

const editions = readdirSync(schemasDir)
  .map((file) => /^report-(\d{4})\.schema\.json$/.exec(file)?.[1])
  .filter((edition): edition is string => edition !== undefined)
  .sort();

const files = new Map<string, string>();
for (const edition of editions) {
  const schema = readJson(`report-${edition}.schema.json`);
  const types = await compile(forTypes(schema, edition, true) as never, `Report${edition}`, {
    bannerComment: banner(`schemas/report-${edition}.schema.json`),
    additionalProperties: false,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    strictIndexSignatures: true,
    format: true,
  });
  // The generator appends "referenced by `Report2019`'s JSON-Schema" notes that add nothing here.
  files.set(
    `report-${edition}.ts`,
    types.replace(/\n \*\n \* This interface was referenced by [^\n]*\n \* via the `definition` "[^"]*"\./g, ''),
  );
}

let module = banner('schemas/*.json');
module += `/* eslint-disable */\nimport type { JsonSchema, RuleSet } from '../types.js';\n\n`;
module += `export const EDITIONS = ${JSON.stringify(editions)} as const;\n\n`;
for (const edition of editions) {
  module += `export const report${edition}Schema: JsonSchema = ${JSON.stringify(readJson(`report-${edition}.schema.json`), null, 2)};\n\n`;
  const rulesFile = `rules-${edition}.json`;
  if (existsSync(join(schemasDir, rulesFile))) {
    module += `export const rules${edition}: RuleSet = ${JSON.stringify(readJson(rulesFile), null, 2)} as RuleSet;\n\n`;
  }
}
if (existsSync(join(schemasDir, 'rules.schema.json'))) {
  module += `export const rulesSchema: JsonSchema = ${JSON.stringify(readJson('rules.schema.json'), null, 2)};\n`;
}
files.set('schemas.ts', module);

let drifted = 0;
mkdirSync(outDir, { recursive: true });
for (const [name, content] of files) {
  const target = join(outDir, name);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (current === content) continue;
  if (check) {
    drifted++;
    console.error(`drift: packages/template/src/generated/${name} does not match schemas/ (run npm run generate)`);
  } else {
    writeFileSync(target, content);
    console.log(`wrote packages/template/src/generated/${name}`);
  }
}
if (check && drifted > 0) process.exit(1);
if (check) console.log(`generated files match schemas/ (${files.size} files)`);
