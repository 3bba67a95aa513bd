import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The seed example as it was published on the hacked page: examples/chizhou-rfb-2020.yaml is the
 * report as the agency wrote it, and the page had 足球比分网 in place of every 政务公开 and 365体育:
 * in place of 中国 (neither original word occurs elsewhere in the report text). Putting the spam
 * back line by line keeps every line number of the example, so findings point at the same lines.
 */
export function writeTamperedSeed(root: string, dir: string): string {
  const lines = readFileSync(join(root, 'examples/chizhou-rfb-2020.yaml'), 'utf8').split('\n');
  const tampered = lines.map((line) =>
    line.trimStart().startsWith('#') ? line : line.replaceAll('政务公开', '足球比分网').replaceAll('中国', '365体育:'),
  );
  const path = join(dir, 'chizhou-rfb-2020-tampered.yaml');
  writeFileSync(path, tampered.join('\n'));
  return path;
}
