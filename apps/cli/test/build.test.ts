import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, runCliSync } from '@nianbao/fixtures/testing';
import { writeTamperedSeed } from './tampered.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED = join(root, 'examples/chizhou-rfb-2020.yaml');
const SAMPLE = join(root, 'examples/sample-bureau-2021.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const nianbao = (args: string[]) => runCliSync(bin, args, { cwd: root });

const OUTPUTS = [
  'datapackage.json',
  'fragment-inline.html',
  'fragment.html',
  'index.html',
  'report.csv',
  'report.json',
  'report.pdf',
];
const fresh = (name: string) => {
  const dir = join(tmp, name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
};

/** A copy of the 2021 sample with one broken total (table 四 行政复议 总计). */
function brokenSample(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const text = readFileSync(SAMPLE, 'utf8');
  const lines = text.split('\n');
  const block = lines.findIndex((line) => /^\s+administrativeReconsideration:/.test(line));
  const total = lines.findIndex((line, i) => i > block && /^\s+total: \d+/.test(line));
  lines[total] = lines[total]!.replace(/total: (\d+)/, (_, n: string) => `total: ${Number(n) + 1}`);
  const path = join(dir, 'broken.yaml');
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('nianbao build: one report', () => {
  it('writes the page, the fragment, the PDF and the open data of the 2021 sample', () => {
    const out = fresh('one');
    const run = nianbao(['build', SAMPLE, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(listFiles(out)).toEqual(OUTPUTS.map((name) => `sample-bureau-2021/${name}`));
    const dir = join(out, 'sample-bureau-2021');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    // The page links to the files written beside it.
    for (const file of ['report.pdf', 'report.csv', 'report.json'])
      expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(`href="${file}"`);
    expect(readFileSync(join(dir, 'fragment-inline.html'), 'utf8')).not.toContain('<style');
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).edition).toBe('2021');
  });

  it('rebuilding the same input gives byte-identical outputs', () => {
    const first = fresh('again-1');
    const second = fresh('again-2');
    expect(nianbao(['build', SEED, '--out', first]).code).toBe(0);
    expect(nianbao(['build', SEED, '--out', second]).code).toBe(0);
    for (const name of OUTPUTS) {
      const a = readFileSync(join(first, 'chizhou-rfb-2020', name));
      const b = readFileSync(join(second, 'chizhou-rfb-2020', name));
      expect(a.equals(b), name).toBe(true);
    }
  });

  it('publishes a report with warnings but prints them; --strict refuses it and writes nothing', () => {
    // The seed with a statistics period that does not start on 1 January: an M-PERIOD warning.
    const dir = fresh('period-in');
    mkdirSync(dir);
    const source = join(dir, 'period.yaml');
    writeFileSync(source, readFileSync(SEED, 'utf8').replace('start: "2020-01-01"', 'start: "2020-01-02"'));
    const out = fresh('strict');
    const lenient = nianbao(['build', source, '--out', out, '--formats', 'json']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('warning  M-PERIOD');
    const strictOut = fresh('strict-2');
    const strict = nianbao(['build', source, '--out', strictOut, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('M-PERIOD');
    expect(existsSync(strictOut)).toBe(false);
  });

  it('warns of characters the PDF would show as 〓 (I-GLYPH) and still publishes; --strict refuses', () => {
    const dir = fresh('glyph-in');
    mkdirSync(dir);
    const source = join(dir, 'glyph.yaml');
    const text = readFileSync(SEED, 'utf8').replace(/^( {4}name: )(\S+)/m, '$1한𠀀$2');
    writeFileSync(source, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('    name: 한𠀀')) + 1;
    const out = fresh('glyph');
    const run = nianbao(['build', source, '--out', out, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${source}:${line}:11  warning  I-GLYPH  /metadata/agency/name`);
    expect(run.stdout).toContain('「한」U+D55C: the title (小标宋) font NotoSerifSC_700Bold.ttf lacks');
    expect(run.stdout).toContain('「𠀀」U+20000: the body (仿宋) font NotoSerifSC_400Regular.ttf lacks');
    // No PDF, no warning.
    const json = nianbao(['build', source, '--out', fresh('glyph-json'), '--formats', 'json']);
    expect(json.code).toBe(0);
    expect(json.stdout).not.toContain('I-GLYPH');
    const strictOut = fresh('glyph-strict');
    expect(nianbao(['build', source, '--out', strictOut, '--strict']).code).toBe(1);
    expect(existsSync(strictOut)).toBe(false);
  });

  it('never publishes spam: the seed as the hacked page had it is refused (I-SPAM errors), nothing written', () => {
    const dir = fresh('spam-in');
    mkdirSync(dir);
    const out = fresh('spam');
    const run = nianbao(['build', writeTamperedSeed(root, dir), '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/error {2}I-SPAM .*\n .*“足球比分”/);
    expect(run.stderr).toContain('未生成任何文件');
    expect(existsSync(out)).toBe(false);
  });

  it('a report with an error: prints the finding, exit 1, writes nothing', () => {
    const out = fresh('invalid');
    const run = nianbao(['build', brokenSample(join(tmp, 'broken-one')), '--out', out, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /broken\.yaml:\d+:\d+\s+error\s+C-SUM\s+\/sections\/reviewAndLitigation\/table\/administrativeReconsideration\/total/,
    );
    expect(run.stderr).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  it('bad arguments and unreadable input: exit 2 with one line', () => {
    for (const args of [
      ['build', SEED],
      ['build', '--out', fresh('x')],
      ['build', SEED, '--out', fresh('y'), '--formats', 'html,docx'],
      ['build', join(tmp, 'missing.yaml'), '--out', fresh('z')],
    ]) {
      const run = nianbao(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('nianbao build: many reports', () => {
  it('builds a folder with a worker pool; one bad report does not stop the others', () => {
    const input = join(tmp, 'batch-in');
    mkdirSync(join(input, 'nested'), { recursive: true });
    cpSync(SEED, join(input, 'seed.yaml'));
    cpSync(SAMPLE, join(input, 'nested', 'sample.yaml'));
    brokenSample(input);
    writeFileSync(join(input, 'garbage.json'), '{"edition": ');
    const out = fresh('batch-out');
    const run = nianbao(['build', input, '--out', out, '--formats', 'html,json', '--lang', 'en']);
    expect(run.code).toBe(2); // an unreadable file is a failure to run, which outranks findings
    expect(run.stdout).toContain('4 reports: 2 built, 2 failed');
    expect(run.stdout).toMatch(/FAILED {2}.*broken\.yaml:\d+:\d+: C-SUM/);
    expect(run.stdout).toMatch(/FAILED {2}.*garbage\.json/);
    expect(run.stderr).toMatch(/^ok {2}.*seed\.yaml$/m); // not a TTY: one plain line per report
    expect(listFiles(out)).toEqual(
      [
        ...['fragment-inline.html', 'fragment.html', 'index.html'].map((f) => `nested/sample/${f}`),
        ...['datapackage.json', 'report.csv', 'report.json'].map((f) => `nested/sample/${f}`),
        ...['fragment-inline.html', 'fragment.html', 'index.html'].map((f) => `seed/${f}`),
        ...['datapackage.json', 'report.csv', 'report.json'].map((f) => `seed/${f}`),
      ].sort(),
    );
  });

  it('expands a glob itself (for shells that do not)', () => {
    const out = fresh('glob-out');
    const run = nianbao([
      'build',
      `${relative(root, join(root, 'examples'))}/*-2021.yaml`,
      '--out',
      out,
      '--formats',
      'json',
    ]);
    expect(run.code).toBe(0);
    expect(listFiles(out)).toEqual([
      'sample-bureau-2021/datapackage.json',
      'sample-bureau-2021/report.csv',
      'sample-bureau-2021/report.json',
    ]);
  });

  it('interrupted midway (SIGINT, SIGTERM): no half-written file is left, and a rerun completes', async () => {
    const input = join(tmp, 'many-in');
    mkdirSync(input, { recursive: true });
    const count = 10;
    for (let i = 0; i < count; i++)
      cpSync(i % 2 ? SEED : SAMPLE, join(input, `report-${String(i).padStart(2, '0')}.yaml`));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const out = fresh(`many-out-${signal}`);
      const child = spawn(process.execPath, [bin, 'build', input, '--out', out], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          // Interrupt as soon as the first report is out: the others are being rendered or written.
          if (/^ok /m.test(stderr)) resolve();
        });
        child.on('close', () => resolve());
      });
      child.kill(signal);
      const code = await exit;
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      const files = listFiles(out);
      expect(files.filter((file) => file.includes('.nianbao-tmp-'))).toEqual([]);
      expect(files.length).toBeLessThan(count * OUTPUTS.length);
      // Whatever exists is complete.
      for (const file of files) {
        const data = readFileSync(join(out, file));
        if (file.endsWith('.pdf')) expect(data.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
        if (file.endsWith('.json')) expect(() => JSON.parse(data.toString())).not.toThrow();
        if (file.endsWith('.html')) expect(data.toString().trimEnd()).toMatch(/>$/);
        expect(statSync(join(out, file)).size).toBeGreaterThan(0);
      }
      const rerun = nianbao(['build', input, '--out', out]);
      expect(rerun.code).toBe(0);
      expect(listFiles(out)).toHaveLength(count * OUTPUTS.length);
    }
  }, 600_000);
});
