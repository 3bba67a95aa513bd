/**
 * Four ways a hostile or careless user broke the CLI (issue 14), each kept broken-proof here:
 * many findings in YAML, two builds into one folder, an output folder inside the input folder,
 * and --out naming a file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, runCliSync } from '@nianbao/fixtures/testing';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SAMPLE = join(root, 'examples/sample-bureau-2021.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-breaks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const nianbao = (args: string[]) => runCliSync(bin, args, { cwd: root, maxBuffer: 256 << 20 });

const nianbaoAsync = (args: string[]) => runCli(bin, args, { cwd: root });

describe('a YAML report with thousands of findings', () => {
  const count = 20_000;
  const file = join(tmp, 'many-keys.yaml');
  const longKey = `k${'x'.repeat(1000)}`;
  writeFileSync(
    file,
    `${readFileSync(SAMPLE, 'utf8')}${longKey}: 1\n${Array.from({ length: count }, (_, i) => `unknownKey${i}: ${i}\n`).join('')}`,
  );

  // Before the fix each finding's place was found by walking the whole document (and the YAML parser
  // compared every pair of keys): 20,000 keys took minutes. Now it is linear: seconds.
  it('is validated in linear time; the first 200 findings are printed, then how many more', () => {
    const result = nianbao(['validate', file, '--lang', 'en']);
    expect(result.code).toBe(1);
    const blocks = result.stdout.split('\n').filter((line) => /many-keys\.yaml:\d+:\d+ {2}error/.test(line));
    expect(blocks).toHaveLength(200);
    expect(result.stdout).toContain(`… and ${count + 1 - 200} more not listed (--format json lists them all).`);
    // The 1,000-character key is echoed cut to a readable length, in the pointer and the message.
    expect(result.stdout).not.toContain('x'.repeat(200));
    expect(result.stdout).toMatch(/many-keys\.yaml:\d+:\d+ {2}error {2}schema {2}\/kxxx+…x+\n/);
  }, 120_000);

  it('lists every finding with its line in --format json', () => {
    const result = nianbao(['validate', file, '--format', 'json']);
    const findings = JSON.parse(result.stdout) as { pointer: string; location?: { line: number } }[];
    expect(findings).toHaveLength(count + 1);
    const last = findings.find((finding) => finding.pointer === `/unknownKey${count - 1}`);
    const sampleLines = readFileSync(SAMPLE, 'utf8').split('\n').length - 1;
    expect(last?.location?.line).toBe(sampleLines + 1 + count);
  }, 120_000);

  it('still refuses a repeated key, at the second one', () => {
    const dup = join(tmp, 'dup.yaml');
    writeFileSync(dup, `${readFileSync(SAMPLE, 'utf8')}extra: 1\nother: 2\nextra: 3\n`);
    const lines = readFileSync(dup, 'utf8').split('\n').length - 1;
    const result = nianbao(['validate', dup, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`${dup}:${lines}:1: The key "extra" appears twice in the same mapping.`);
  });
});

describe('two builds into the same output folder', () => {
  it('both succeed, and neither removes the other’s temporary files', async () => {
    const out = join(tmp, 'shared-out');
    const runs = await Promise.all([
      nianbaoAsync(['build', SAMPLE, '--out', out, '--formats', 'html,json']),
      nianbaoAsync(['build', SAMPLE, '--out', out, '--formats', 'html,json']),
      nianbaoAsync(['build', SAMPLE, '--out', out, '--formats', 'html,json']),
    ]);
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    const dir = join(out, 'sample-bureau-2021');
    expect(readdirSync(dir).filter((name) => name.startsWith('.nianbao-tmp-'))).toEqual([]);
  }, 120_000);

  it('removes a dead process’s temporary file and keeps a live one’s', () => {
    const out = join(tmp, 'stale-out');
    const dir = join(out, 'sample-bureau-2021');
    mkdirSync(dir, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const deadFile = join(dir, `.nianbao-tmp-${dead}-0000-index.html`);
    const liveFile = join(dir, `.nianbao-tmp-${process.pid}-0000-index.html`);
    writeFileSync(deadFile, 'half');
    writeFileSync(liveFile, 'half');
    expect(nianbao(['build', SAMPLE, '--out', out, '--formats', 'html']).code).toBe(0);
    expect(existsSync(deadFile)).toBe(false);
    expect(existsSync(liveFile)).toBe(true);
  });
});

describe('an output folder inside the input folder', () => {
  it('is never read back as reports, however often the build runs', () => {
    const reports = join(tmp, 'reports');
    mkdirSync(reports, { recursive: true });
    cpSync(SAMPLE, join(reports, 'sample.yaml'));
    const site = join(reports, 'site');
    for (let run = 0; run < 3; run++) {
      const result = nianbao(['build', reports, '--out', site, '--formats', 'html,json']);
      expect(result, result.stderr).toMatchObject({ code: 0 });
    }
    expect(readdirSync(site).sort()).toEqual(['.nianbao-output', 'sample']);
    // A glob over the input folder skips it too, and so does another folder of outputs.
    cpSync(site, join(reports, 'old-site'), { recursive: true });
    rmSync(join(reports, 'old-site', '.nianbao-output'));
    const globbed = nianbao(['build', `${reports}/**/*.yaml`, '--out', site, '--formats', 'html,json']);
    expect(globbed, globbed.stderr).toMatchObject({ code: 0 });
    expect(readdirSync(site).sort()).toEqual(['.nianbao-output', 'sample']);
  }, 120_000);

  it('nor is a local extension’s folder (its JSON files are not reports)', () => {
    const reports = join(tmp, 'with-extension');
    mkdirSync(join(reports, 'extensions', 'province'), { recursive: true });
    cpSync(SAMPLE, join(reports, 'sample.yaml'));
    writeFileSync(join(reports, 'extensions', 'province', 'extension.json'), '{"name": "province"}');
    writeFileSync(join(reports, 'extensions', 'province', 'rules.json'), '{"rules": []}');
    const result = nianbao(['build', reports, '--out', join(tmp, 'with-extension-out'), '--formats', 'html']);
    expect(result, result.stderr).toMatchObject({ code: 0 });
  });
});

describe('--out naming a file', () => {
  it('is refused before anything is rendered', () => {
    const file = join(tmp, 'not-a-folder');
    writeFileSync(file, 'x');
    const result = nianbao(['build', SAMPLE, '--out', file, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`nianbao build: --out ${file} is a file, not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});
