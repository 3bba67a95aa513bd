import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Report } from '@nianbao/template';

const repo = new URL('../../../', import.meta.url);

/** The project's example reports, one per edition. */
export const examples: { name: string; report: Report }[] = [
  { name: 'chizhou-rfb-2020', file: 'examples/chizhou-rfb-2020.yaml' },
  { name: 'sample-bureau-2021', file: 'examples/sample-bureau-2021.yaml' },
]
  .map(({ name, file }) => ({ name, report: parse(readFileSync(new URL(file, repo), 'utf8')) as Report }));

/** Compares `actual` with the golden file; `UPDATE_GOLDEN=1` rewrites it (read it before committing). */
export function golden(file: string, actual: string): string {
  const url = new URL(`./golden/${file}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(url)) {
    if (process.env.CI) throw new Error(`golden file ${file} missing in CI`);
    writeFileSync(url, actual);
  }
  return readFileSync(url, 'utf8');
}

export const clone = <T>(value: T): T => structuredClone(value);
