/** `nianbao compare` end to end through the built CLI: the examples and a modified copy. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@nianbao/fixtures/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SAMPLE = join(root, 'examples/sample-bureau-2021.yaml');

const run = (args: string[]) => runCli(bin, args, { cwd: tmp, timeout: 100_000 });

describe('nianbao compare', () => {
  it('writes the HTML, PDF and JSON comparison of the sample and a modified copy with an error', async () => {
    const copy = parse(readFileSync(SAMPLE, 'utf8'));
    copy.metadata.reportYear = 2024;
    copy.sections.proactiveDisclosure.table.article20Item5.administrativeLicensing.decisions = 0;
    copy.sections.reviewAndLitigation.table.administrativeReconsideration.total += 1; // C-SUM error
    const current = join(tmp, 'this.yaml');
    writeFileSync(current, stringify(copy));
    const out = join(tmp, 'cmp');
    const result = await run(['compare', SAMPLE, current, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('错误');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('降为0');
    expect(html).toMatch(/本年报告：.*有 \d+ 个错误/);
    const data = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(data.cells[0]).toMatchObject({ last: 1286, current: 0, flag: 'toZero' });
    expect(data.identicalShare).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', join(out, 'comparison.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('降为0');
  });

  it('compares across editions (the 2019 example with the 2021 sample)', async () => {
    const out = join(tmp, 'cross');
    const result = await run([
      'compare',
      join(root, 'examples/chizhou-rfb-2020.yaml'),
      SAMPLE,
      '--out',
      out,
      '--formats',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const data = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(data.edition).toBe('2021');
    expect(data.notCarried.length).toBeGreaterThan(0);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  it('refuses a file that is not a report with exit 2 and one line; writes nothing', async () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'hello: world\n');
    const out = join(tmp, 'never');
    const result = await run(['compare', bad, SAMPLE, '--out', out, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.yaml');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
