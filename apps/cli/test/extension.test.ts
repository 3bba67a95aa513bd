/**
 * `--extension <folder>` on validate and build, end to end through the built CLI: the example
 * extension (examples/extensions/other-documents) adds a row to table 二 and a rule; the row is
 * validated, shown in the page and the PDF, and declared in the open data. A bad extension is refused
 * with exit 2 and one line naming its file and place.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@nianbao/fixtures/testing';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const EXTENSION = join(root, 'examples/extensions/other-documents');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-ext-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[]) => runCli(bin, args, { cwd: tmp, timeout: 100_000 });

/** The sample report with the extension's row (its 现行有效件数 given). */
function report(name: string, inForce: number): string {
  const text = readFileSync(join(root, 'examples/sample-bureau-2021.yaml'), 'utf8').replace(
    '          inForce: 41  # 现行有效件数\n',
    `          inForce: 41  # 现行有效件数\n        otherDocuments:\n          issued: 5\n          repealed: 0\n          inForce: ${inForce}\n`,
  );
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

describe('nianbao validate --extension', () => {
  it('is listed by validate --help', async () => {
    const { stdout } = await run(['validate', '--help', '--lang', 'en']);
    expect(stdout).toContain('--extension <folder>');
  });

  it('accepts the added row, runs the added rule, and without the extension the row is unknown', async () => {
    const good = report('good.yaml', 8);
    expect(await run(['validate', good, '--extension', EXTENSION])).toMatchObject({ code: 0 });
    const without = await run(['validate', good]);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('otherDocuments');
    const bad = await run(['validate', report('bad.yaml', 2), '--extension', EXTENSION, '--format', 'json']);
    expect(bad.code).toBe(1);
    const findings = JSON.parse(bad.stdout) as { ruleId: string; location: { line: number } }[];
    expect(findings.map((f) => f.ruleId)).toEqual(['EXT-OTHER-INFORCE']);
    expect(findings[0]!.location.line).toBeGreaterThan(60);
  });

  it('refuses an extension that removes an official field: exit 2, the patch file and its line', async () => {
    const folder = join(tmp, 'removes');
    cpSync(EXTENSION, folder, { recursive: true });
    writeFileSync(
      join(folder, 'schema-patch.json'),
      '{\n  "$defs": {\n    "documentCounts": {\n      "properties": { "inForce": null }\n    }\n  }\n}\n',
    );
    const result = await run(['validate', report('any.yaml', 8), '--extension', folder, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(folder, 'schema-patch.json')}:4:`);
    expect(result.stderr).toContain('cannot remove the official field "inForce"');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an extension that retypes an official field', async () => {
    const folder = join(tmp, 'retypes');
    cpSync(EXTENSION, folder, { recursive: true });
    writeFileSync(join(folder, 'schema-patch.json'), JSON.stringify({ $defs: { count: { type: 'number' } } }));
    const result = await run([
      'build',
      report('any2.yaml', 8),
      '--out',
      join(tmp, 'never'),
      '--extension',
      folder,
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('retype');
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});

describe('nianbao build --extension', () => {
  it('shows the row in the page and the PDF and declares it in the open data', async () => {
    const out = join(tmp, 'out');
    const result = await run(['build', report('built.yaml', 8), '--out', out, '--extension', EXTENSION]);
    expect(result.code, result.stderr).toBe(0);
    const folder = join(out, 'built');
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toContain('其他主动公开文件');
    const csv = readFileSync(join(folder, 'report.csv'), 'utf8').split('\r\n');
    expect(csv.filter((line) => line.includes('article20Item1/otherDocuments'))).toHaveLength(3);
    const descriptor = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8'));
    expect(descriptor['nianbao:extensions']).toEqual([{ name: 'other-documents', version: '1.0.0' }]);
    expect(descriptor.resources[1]['nianbao:extensionCells']).toHaveLength(3);
    const text = execFileSync('pdftotext', ['-layout', join(folder, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(/其他主动公开文件\s+5\s+0\s+8/);
  });

  it('applies the extension in every worker of a batch build', async () => {
    const folder = join(tmp, 'batch');
    mkdirSync(folder);
    for (const name of ['a', 'b']) writeFileSync(join(folder, `${name}.yaml`), readFileSync(report(`${name}.yaml`, 8)));
    const out = join(tmp, 'batch-out');
    const result = await run([
      'build',
      folder,
      '--out',
      out,
      '--jobs',
      '2',
      '--formats',
      'html',
      '--extension',
      EXTENSION,
    ]);
    expect(result.code, result.stderr).toBe(0);
    for (const name of ['a', 'b'])
      expect(readFileSync(join(out, name, 'index.html'), 'utf8')).toContain('其他主动公开文件');
  });
});
