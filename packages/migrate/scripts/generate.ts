/**
 * Generates src/generated/mappings.ts from schemas/migrations/*.json, so the package serves the
 * mappings without file I/O (it runs in browsers too). `--check` fails when the committed file drifts.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const migrationsDir = resolve(packageDir, '../../schemas/migrations');
const outFile = join(packageDir, 'src/generated/mappings.ts');

const files = readdirSync(migrationsDir)
  .filter((file) => /^\d{4}-to-\d{4}\.json$/.test(file))
  .sort();
const entries = files.map((file) => {
  const mapping = JSON.parse(readFileSync(join(migrationsDir, file), 'utf8'));
  return `  ${JSON.stringify(file.replace(/\.json$/, ''))}: ${JSON.stringify(mapping, null, 2).replace(/\n/g, '\n  ')},`;
});
const text = `// GENERATED FILE — do not edit. Source: schemas/migrations/*.json
// Regenerate with \`npm run generate\`; CI fails (npm run check:generated) when this file drifts.
import type { Mapping } from '../mapping.js';

export const MAPPINGS: Record<string, Mapping> = {
${entries.join('\n')}
};
`;

if (process.argv.includes('--check')) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== text) {
    console.error(`${outFile} is out of date: run npm run generate -w @nianbao/migrate`);
    process.exit(1);
  }
} else {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
}
