import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { importReport, type ImportResult, type ImportSuccess } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..', '..');
export const seedPath = join(repoRoot, 'examples', 'published', 'chizhou-rfb-2020.txt');

export function fixture(name: string): string {
  return readFileSync(join(here, 'fixtures', name), 'utf8');
}

export function example(name: string): Record<string, unknown> {
  return parse(readFileSync(join(repoRoot, 'examples', name), 'utf8')) as Record<string, unknown>;
}

function withSpam(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('政务公开', '足球比分网').replaceAll('中国', '365体育:');
  if (Array.isArray(value)) return value.map(withSpam);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withSpam(item)]));
  }
  return value;
}

/**
 * The seed example as its hacked page published it: examples/chizhou-rfb-2020.yaml is the report as
 * the agency wrote it, and the page had 足球比分网 for every 政务公开 and 365体育: for 中国 (neither
 * original occurs elsewhere in its text). Importing the page gives this document.
 */
export function publishedSeed(): Record<string, unknown> {
  return withSpam(example('chizhou-rfb-2020.yaml')) as Record<string, unknown>;
}

/** Asserts success and returns it (a failure's problem is shown in the assertion message). */
export function imported(result: ImportResult): ImportSuccess {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problem, null, 2)}`);
  return result;
}

export function importHtml(name: string, options?: Parameters<typeof importReport>[1]): ImportSuccess {
  return imported(importReport({ text: fixture(name), kind: 'html', name }, options));
}

/** The value at a pointer of a document. */
export function at(document: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], document);
}
